"""The 63 former and 34 new provincial units of the demo, with their lineage (OR-11, OR-12).

Each of the 23 merged units is a new unit established on 01/07/2025 with a MERGE event and a
WHOLE link from every predecessor (OR-16); the 11 unchanged units continue as the same unit
(OR-11: "11 provinces were not merged"). Party committees and State provinces both get this
history and are linked by a correspondence (OR-01).
"""

from __future__ import annotations

import datetime as dt
import random

from canbo.core.seed.provinces import (
    PROVINCES_BEFORE_2025_07,
    PROVINCES_FROM_2025_07,
    NewProvince,
    OldProvince,
)
from canbo.core.types import LevelClass, LineageKind, Share, UnitKind

from .catalog import EPOCH, LAST_OLD_DAY, REORG
from .local import LocalBuilder, OldLocal
from .reorg import NEW_TERM, Reorganizer
from .scales import DISTRICTS_NATIONAL, NEW_COMMUNES_NATIONAL, OLD_COMMUNES_NATIONAL, Scale
from .tree import Post, TreeBuilder

PROVINCE_TERM_START = dt.date(2020, 10, 15)
_BIG = {"01": 2.6, "38": 2.6, "40": 2.2, "79": 2.0, "34": 1.6, "36": 1.5, "30": 1.5}
"""Relative size of the larger former provinces in the synthetic commune allocation."""


def _lowered(full_name: str) -> str:
    prefix, rest = full_name.split(" ", 1) if " " in full_name else ("", full_name)
    return f"{prefix.lower()} {rest}"


def _party_names(full_name: str) -> tuple[str, str]:
    lowered = _lowered(full_name)
    short = "Tỉnh ủy" if lowered.startswith("tỉnh") else "Thành ủy"
    return f"Đảng bộ {lowered}", f"{short} {full_name.split(' ', 1)[1]}"


def allocate(rng: random.Random, scale: Scale) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """(districts, communes) per former province and new communes per new province.

    National totals are the published ones (about 696 districts, 10,035 communes before and
    3,321 after 01/07/2025, OR-10, OR-13); the split between provinces is synthetic.
    """
    weights = {
        p.code: rng.uniform(0.6, 1.4) * _BIG.get(p.code, 1.0) for p in PROVINCES_BEFORE_2025_07
    }
    national = _largest_remainder(weights, OLD_COMMUNES_NATIONAL)
    per_district = OLD_COMMUNES_NATIONAL / DISTRICTS_NATIONAL
    new_weights = {
        n.code: float(sum(national[c] for c in n.predecessors)) for n in PROVINCES_FROM_2025_07
    }
    new_national = _largest_remainder(new_weights, NEW_COMMUNES_NATIONAL)
    old_sizes: dict[str, tuple[int, int]] = {}
    for code, count in national.items():
        communes = max(2, round(count * scale.commune_factor))
        districts = max(1, min(round(count / per_district), communes // 3))
        old_sizes[code] = (districts, communes)
    new_sizes = {}
    for new in PROVINCES_FROM_2025_07:
        olds = sum(old_sizes[c][1] for c in new.predecessors)
        new_sizes[new.code] = max(
            1, min(olds // 2, round(new_national[new.code] * scale.commune_factor))
        )
    return old_sizes, new_sizes


def _largest_remainder(weights: dict[str, float], total: int) -> dict[str, int]:
    whole = sum(weights.values())
    exact = {k: total * w / whole for k, w in weights.items()}
    out = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - out[k], reverse=True)[
        : total - sum(out.values())
    ]:
        out[k] += 1
    return out


def build_regions(b: TreeBuilder, rng: random.Random, scale: Scale, root: int) -> None:
    """All provincial units and, for the scale's provinces, their lower tree and its 2025 reorg."""
    old_sizes, new_sizes = allocate(rng, scale)
    continuing = {n.predecessors[0] for n in PROVINCES_FROM_2025_07 if not n.is_merged}
    old_units: dict[str, tuple[int, int]] = {}
    locals_: dict[str, OldLocal] = {}
    for old in PROVINCES_BEFORE_2025_07:
        party, state = old_units[old.code] = _old_province(b, old, root, old.code in continuing)
        term = b.term(party, "Nhiệm kỳ 2020–2025", PROVINCE_TERM_START, LAST_OLD_DAY)
        if scale.builds(old.code):
            local = LocalBuilder(b, rng, scale, old).build((party, state), old_sizes[old.code])
            _old_posts(local, (party, state), term)
            locals_[old.code] = local
            b.rows.named[f"old_province:{old.code}"] = old_units[old.code][0]
    for new in PROVINCES_FROM_2025_07:
        units = _new_province(b, new, root, old_units)
        term = b.term(units[0], NEW_TERM[0], REORG, NEW_TERM[1])
        b.rows.named[f"province:{new.code}"] = units[0]
        built = [(c, locals_[c]) for c in _centre_first(new) if c in locals_]
        if built:
            Reorganizer(b, rng, new, units, term).run(built, new_sizes[new.code])


def _centre_first(new: NewProvince) -> list[str]:
    return [new.centre, *(c for c in new.predecessors if c != new.centre)]


def _old_province(b: TreeBuilder, old: OldProvince, root: int, continues: bool) -> tuple[int, int]:
    """Party committee and State province of a former province; unchanged ones continue."""
    end = None if continues else LAST_OLD_DAY
    names = [(EPOCH, old.full_name)]
    if old.kind_since is not None:
        names = [(EPOCH, old.former_name), (old.kind_since, old.full_name)]
    party = state = 0
    for i, (start, full_name) in enumerate(names):
        stop = names[i + 1][0] - dt.timedelta(days=1) if i + 1 < len(names) else end
        party_name, short = _party_names(full_name)
        basis = old.kind_basis if i else ""
        if i == 0:
            party = b.unit(
                party_name,
                UnitKind.PROVINCIAL_PARTY_COMMITTEE,
                root,
                start,
                stop,
                level=LevelClass.DIRECTLY_UNDER_CENTRAL,
                code=f"DB-{old.code}",
                short_name=short,
            )
            state = b.unit(
                full_name,
                UnitKind.PROVINCE,
                None,
                start,
                stop,
                level=LevelClass.STATE_PROVINCE,
                code=f"HC-{old.code}",
                admin_code=old.code,
            )
            continue
        b.version(
            party,
            party_name,
            UnitKind.PROVINCIAL_PARTY_COMMITTEE,
            root,
            start,
            stop,
            level=LevelClass.DIRECTLY_UNDER_CENTRAL,
            short_name=short,
            basis=basis,
        )
        b.version(
            state,
            full_name,
            UnitKind.PROVINCE,
            None,
            start,
            stop,
            level=LevelClass.STATE_PROVINCE,
            admin_code=old.code,
            basis=basis,
        )
    for unit_id in (party, state):
        b.end_unit(unit_id, end)
    b.correspond(party, state, EPOCH, end)
    return party, state


def _new_province(
    b: TreeBuilder, new: NewProvince, root: int, old_units: dict[str, tuple[int, int]]
) -> tuple[int, int]:
    """A merged unit is new from 01/07/2025, with MERGE events and WHOLE links (OR-04, OR-16)."""
    if not new.is_merged:
        return old_units[new.predecessors[0]]
    party_name, short = _party_names(new.full_name)
    party = b.unit(
        party_name,
        UnitKind.PROVINCIAL_PARTY_COMMITTEE,
        root,
        REORG,
        level=LevelClass.DIRECTLY_UNDER_CENTRAL,
        code=f"DB-{new.code}-2025",
        short_name=short,
        basis=new.party_basis,
    )
    state = b.unit(
        new.full_name,
        UnitKind.PROVINCE,
        None,
        REORG,
        level=LevelClass.STATE_PROVINCE,
        code=f"HC-{new.code}-2025",
        admin_code=new.code,
        basis=new.legal_basis,
    )
    b.correspond(party, state, REORG, None)
    for pillar, succ, basis in ((0, party, new.party_basis), (1, state, new.legal_basis)):
        links = [(old_units[c][pillar], succ, Share.WHOLE) for c in new.predecessors]
        b.event(
            str(LineageKind.MERGE),
            REORG,
            basis,
            links,
            note=f"Danh sách 34 đơn vị cấp tỉnh, dòng {new.row}",
        )
    return party, state


def _old_posts(local: OldLocal, units: tuple[int, int], term: int) -> None:
    """Secretary, deputy secretary and People's Committee chair of the 2020–2025 term; they sit
    in slots 1 to 3 of the provincial office's leading cell."""
    party, state = units
    start = PROVINCE_TERM_START
    local.office.slots += [
        [Post("BT_TU", party, start, LAST_OLD_DAY, term)],
        [Post("PBT_TU", party, start, LAST_OLD_DAY, term)],
        [Post("CT_UBND_T", state, start + dt.timedelta(days=30), LAST_OLD_DAY)],
    ]
