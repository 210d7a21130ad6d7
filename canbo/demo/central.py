"""The central level of the demo tree (OR-02, OR-03) and the 03/02/2025 central reorganization.

The two former bloc committees (Đảng bộ Khối các cơ quan Trung ương, Đảng bộ Khối Doanh nghiệp
Trung ương) end on 02/02/2025; four central Party committees start on 03/02/2025. How their
organizations were transferred is not confirmed (parameter ``or_central_party_committees``):
the demo moves them all to Đảng bộ Chính phủ and records PART links.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from canbo.core.types import LevelClass, LineageKind, Share, UnitKind

from .catalog import CENTRAL_AGENCIES, CENTRAL_BASIS, CENTRAL_REORG, EPOCH
from .grassroots import grassroots
from .tree import TreeBuilder

_LAST_BLOC_DAY = CENTRAL_REORG - dt.timedelta(days=1)
_C = LevelClass.CENTRAL
_D = LevelClass.DIRECTLY_UNDER_CENTRAL


@dataclass(frozen=True, slots=True)
class Central:
    root: int
    government_party: int
    government: int


_BODIES = (
    ("Bộ Chính trị", UnitKind.POLITBURO, "TW-BCT"),
    ("Ban Bí thư", UnitKind.SECRETARIAT, "TW-BBT"),
    ("Ủy ban Kiểm tra Trung ương", UnitKind.CENTRAL_INSPECTION, "TW-UBKT"),
    ("Ban Tổ chức Trung ương", UnitKind.CENTRAL_ADVISORY_BODY, "TW-BTC"),
    ("Văn phòng Trung ương Đảng", UnitKind.CENTRAL_ADVISORY_BODY, "TW-VP"),
)
# (name, code, first day, last day) of the committees directly under the Central Committee.
_COMMITTEES = (
    ("Đảng bộ Quân đội nhân dân Việt Nam", "TW-QUTW", EPOCH, None),
    ("Đảng bộ Công an Trung ương", "TW-DUCA", EPOCH, None),
    ("Đảng bộ Khối các cơ quan Trung ương", "TW-KCQ", EPOCH, _LAST_BLOC_DAY),
    ("Đảng bộ Khối Doanh nghiệp Trung ương", "TW-KDN", EPOCH, _LAST_BLOC_DAY),
    ("Đảng bộ các cơ quan Đảng Trung ương", "TW-DCQD", CENTRAL_REORG, None),
    ("Đảng bộ Chính phủ", "TW-DCP", CENTRAL_REORG, None),
    ("Đảng bộ Quốc hội", "TW-DQH", CENTRAL_REORG, None),
    ("Đảng bộ Mặt trận Tổ quốc, các đoàn thể Trung ương", "TW-DMT", CENTRAL_REORG, None),
)


def build_central(b: TreeBuilder, rng: random.Random, grassroots_count: int) -> Central:
    """Central Committee, its bodies, the committees directly under it, and State bodies."""
    root = b.unit(
        "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam",
        UnitKind.CENTRAL_COMMITTEE,
        None,
        EPOCH,
        level=_C,
        code="TW",
        short_name="Trung ương",
    )
    for name, kind, code in _BODIES:
        b.unit(name, kind, root, EPOCH, level=_C, code=code)
    army, police, *blocs_and_new = [
        b.unit(
            name,
            UnitKind.DIRECTLY_UNDER_CENTRAL,
            root,
            start,
            end,
            level=_D,
            code=code,
            basis=CENTRAL_BASIS if start == CENTRAL_REORG else "",
        )
        for name, code, start, end in _COMMITTEES
    ]
    blocs, new = blocs_and_new[:2], blocs_and_new[2:]
    splits = [(blocs[0], succ, Share.PART) for succ in new]
    b.event(str(LineageKind.SPLIT), CENTRAL_REORG, CENTRAL_BASIS, splits)
    absorbed = [(blocs[1], new[1], Share.WHOLE)]
    b.event(str(LineageKind.ABSORB), CENTRAL_REORG, CENTRAL_BASIS, absorbed)
    central = _state(b, new)
    _central_grassroots(b, rng, grassroots_count, army, police, blocs, central.government_party)
    return Central(root, central.government_party, central.government)


def _state(b: TreeBuilder, new: list[int]) -> Central:
    assembly = b.unit(
        "Quốc hội",
        UnitKind.NATIONAL_ASSEMBLY,
        None,
        EPOCH,
        level=LevelClass.STATE_CENTRAL,
        code="NN-QH",
    )
    government = b.unit(
        "Chính phủ", UnitKind.GOVERNMENT, None, EPOCH, level=LevelClass.STATE_CENTRAL, code="NN-CP"
    )
    for i, name in enumerate(a for a in CENTRAL_AGENCIES if a.startswith("Bộ")):
        b.unit(
            name,
            UnitKind.MINISTRY,
            government,
            EPOCH,
            level=LevelClass.STATE_CENTRAL,
            code=f"NN-BO{i + 1:02d}",
        )
    b.correspond(new[1], government, CENTRAL_REORG, None)
    b.correspond(new[2], assembly, CENTRAL_REORG, None)
    b.rows.named["government_party"] = new[1]
    return Central(0, new[1], government)


def _central_grassroots(
    b: TreeBuilder,
    rng: random.Random,
    count: int,
    army: int,
    police: int,
    blocs: list[int],
    government_party: int,
) -> None:
    """Grassroots organizations of the army, police and central agencies; those under the
    former blocs move to Đảng bộ Chính phủ on 03/02/2025 (a new version each, OR-17)."""
    for i in range(count):
        share = i % 5
        if share < 2:
            name, parent = f"Sư đoàn {300 + i}" if share == 0 else f"Trung đoàn {500 + i}", army
        elif share == 2:
            name, parent = f"Cục Nghiệp vụ {i}", police
        else:
            name, parent = f"{rng.choice(CENTRAL_AGENCIES)} - đơn vị {i}", blocs[share - 3]
        org, _cells = grassroots(b, rng, name, parent, "01", "Thành phố Hà Nội")
        if parent in blocs:
            b.move(org, government_party, CENTRAL_REORG, CENTRAL_BASIS)
