"""Demo data the organization sector's statistics need (FRM-10, OR-21).

- Religion: about 4% of members declare one (Phật giáo, Công giáo, Tin lành, Cao Đài, Hòa
  Hảo), chosen from the person's id so that every build of a seed is the same; one UPDATE.
- General education, professional qualification and political theory as personal history
  items (``HistoryItem``, declared on the day of admission) for the members of the demo
  province (Tuyên Quang from 01/07/2025, whose cells came from the former Tuyên Quang and
  Hà Giang): written with INSERT … SELECT. Other provinces' members have none, so their
  tables count them as "not declared" (the national build stays within its time).
- The recorded share (per-mille) of each PART lineage link: the members on the eve of the
  event of the predecessor's cells that went to the successor, over all its members.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection

from canbo.db.unit_tree import subtree_ids

RELIGIONS = ("Phật giáo", "Công giáo", "Tin lành", "Cao Đài", "Hòa Hảo")
_RELIGION_CASE = (
    "CASE WHEN (id * 7919) % 1000 < 20 THEN 'Phật giáo'"
    " WHEN (id * 7919) % 1000 < 32 THEN 'Công giáo'"
    " WHEN (id * 7919) % 1000 < 36 THEN 'Tin lành'"
    " WHEN (id * 7919) % 1000 < 38 THEN 'Cao Đài' ELSE 'Hòa Hảo' END"
)
_LEVELS = {
    "education": (
        "CASE WHEN (p.id * 31) % 100 < 84 THEN '12/12' WHEN (p.id * 31) % 100 < 92 THEN '10/10'"
        " WHEN (p.id * 31) % 100 < 98 THEN '9/12' ELSE '5/12' END",
        100,
    ),
    "qualification": (
        "CASE WHEN (p.id * 37) % 100 < 8 THEN 'so_cap' WHEN (p.id * 37) % 100 < 30 THEN"
        " 'trung_cap' WHEN (p.id * 37) % 100 < 38 THEN 'cao_dang' WHEN (p.id * 37) % 100 < 58"
        " THEN 'dai_hoc' WHEN (p.id * 37) % 100 < 64 THEN 'thac_si' ELSE 'tien_si' END",
        65,
    ),
    "theory": (
        "CASE WHEN (p.id * 41) % 100 < 22 THEN 'so_cap' WHEN (p.id * 41) % 100 < 34 THEN"
        " 'trung_cap' WHEN (p.id * 41) % 100 < 39 THEN 'cao_cap' ELSE 'cu_nhan' END",
        40,
    ),
}
"""Each kind's level by the person's id, and the share (per cent) of members who have one."""


def _fill_religion() -> int:
    with connection.cursor() as cur:
        cur.execute(
            f"UPDATE registry_person SET religion = {_RELIGION_CASE}"  # noqa: S608 (constant)
            " WHERE (id * 7919) % 1000 < 40"
        )
        return int(cur.rowcount or 0)


def _fill_levels(province: int, today: dt.date) -> int:
    units = subtree_ids(province, today)
    ids = ", ".join(str(int(u)) for u in units) or "NULL"
    written = 0
    with connection.cursor() as cur:
        for kind, (case, share) in _LEVELS.items():
            cur.execute(
                "INSERT INTO registry_historyitem (person_id, kind, level, field_name,"  # noqa: S608
                " institution, decision_ref, note, declared_on)"
                f" SELECT p.id, %s, {case.replace('%', '%%')}, '', '', '', '',"
                " p.party_admission_date FROM registry_person p"
                " WHERE p.party_admission_date IS NOT NULL"
                f" AND (p.id * 43) %% 100 < {int(share)} AND p.id IN (SELECT m.person_id FROM"
                f" registry_membership m WHERE m.unit_id IN ({ids}))",
                [kind],
            )
            written += int(cur.rowcount or 0)
    return written


def _part_weights() -> int:
    """Per-mille shares of the PART links, from the members of the cells that moved."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT l.id, l.predecessor_id, l.successor_id, e.date FROM registry_lineagelink l"
            " JOIN registry_lineageevent e ON e.id = l.event_id"
            " WHERE l.share = 'part' AND l.weight IS NULL"
        )
        links = cur.fetchall()
    done = 0
    for link_id, pred, succ, day in links:
        day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        eve = day - dt.timedelta(days=1)
        before = {int(u) for u in subtree_ids(pred, eve)}
        went = before & {int(u) for u in subtree_ids(succ, day)}
        total, moved = _members(before, eve), _members(went, eve)
        if not total:
            continue
        with connection.cursor() as cur:
            cur.execute(
                "UPDATE registry_lineagelink SET weight = %s WHERE id = %s",
                [round(1000 * moved / total), link_id],
            )
        done += 1
    return done


def _members(units: set[int], day: dt.date) -> int:
    if not units:
        return 0
    ids = ", ".join(str(int(u)) for u in units)
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT COUNT(*) FROM registry_membership WHERE unit_id IN ({ids})"  # noqa: S608
            " AND valid_from <= %s AND valid_to >= %s",
            [day, day],
        )
        return int(cur.fetchone()[0])


def build_statistics(named: dict[str, int], today: dt.date) -> str:
    """Religion, education levels and PART link shares for the demo; a progress line."""
    religious = _fill_religion()
    levels = _fill_levels(named["province:08"], today) if "province:08" in named else 0
    weights = _part_weights()
    return f"{religious:,} có tôn giáo, {levels:,} trình độ, {weights} tỷ trọng chia tách"
