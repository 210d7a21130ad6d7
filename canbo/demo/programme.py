"""The work programme in the demo (chương trình công tác): the Tuyên Quang provincial
organization commission's 2025 programme, 21 projects all completed ("21 trên 21 đề án hoàn
thành"), its 2026 programme in progress with some projects overdue, and the demo commune's own
2026 programme, rolled up into the province's. Everything goes through the programme's use
cases as the commission would enter it, so every change is in the audit chain.

The 2026 dates are counted back from the demo's today, so a demo built on another day shows
the same story (some completed, some overdue, some still within their deadline).
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from canbo.core.types import PersonId, Role, UnitId
from canbo.db import unit_tree
from canbo.programme.uow import DjangoProgrammeUnitOfWork
from canbo.registry.models import Membership
from canbo.services.ports import Actor, Grant
from canbo.services.programme import items
from canbo.services.programme.ports import ItemId, ItemKind, NewItem, ProgrammeUnitOfWork, Status

PROJECTS_2025: tuple[str, ...] = (
    "Đề án sắp xếp tổ chức bộ máy các cơ quan đảng sau hợp nhất tỉnh",
    "Đề án kiện toàn tổ chức cơ sở đảng ở xã, phường sau sắp xếp",
    "Đề án chuẩn bị nhân sự ban chấp hành đảng bộ tỉnh nhiệm kỳ 2025–2030",
    "Đề án tổ chức đại hội đảng bộ cấp xã nhiệm kỳ 2025–2030",
    "Đề án nâng cao chất lượng sinh hoạt chi bộ",
    "Đề án phát triển đảng viên ở thôn, bản chưa có chi bộ",
    "Đề án quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ 2025–2030",
    "Đề án luân chuyển cán bộ giữa tỉnh và cơ sở",
    "Đề án đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2025",
    "Đề án lấy phiếu tín nhiệm chức danh lãnh đạo do Hội đồng nhân dân bầu",
    "Đề án cập nhật cơ sở dữ liệu đảng viên sau sắp xếp đơn vị hành chính",
    "Đề án đào tạo, bồi dưỡng cán bộ cấp xã theo mô hình chính quyền hai cấp",
    "Đề án thu hút, trọng dụng người có tài năng",
    "Đề án kiểm soát quyền lực trong công tác cán bộ",
    "Đề án tinh giản biên chế các cơ quan đảng, đoàn thể",
    "Đề án bố trí bí thư cấp ủy không là người địa phương",
    "Đề án tổng kết thi hành Điều lệ Đảng",
    "Đề án thống kê đảng viên, tổ chức đảng năm 2025",
    "Đề án chuyển sinh hoạt đảng cho đảng viên khi sắp xếp",
    "Đề án xây dựng vị trí việc làm trong cơ quan đảng",
    "Đề án công tác bảo vệ chính trị nội bộ",
)
"""The 21 projects of the commission's 2025 programme (each completed by its deadline)."""

PROJECTS_2026: tuple[tuple[str, str], ...] = (
    ("done", "Đề án tổng kết công tác tổ chức xây dựng Đảng năm 2025"),
    ("done", "Đề án hướng dẫn đánh giá cán bộ thường xuyên theo quý"),
    ("done", "Đề án bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026–2031"),
    ("done", "Đề án chuẩn bị nhân sự Hội đồng nhân dân, Ủy ban nhân dân tỉnh"),
    ("overdue", "Đề án số hóa hồ sơ đảng viên"),
    ("overdue", "Đề án rà soát, bổ sung quy hoạch cán bộ năm 2026"),
    ("overdue", "Đề án kiện toàn chi bộ thôn, tổ dân phố sau sáp nhập"),
    ("open", "Đề án đánh giá, xếp loại chất lượng năm 2026"),
    ("open", "Đề án phát triển đảng viên trong doanh nghiệp ngoài nhà nước"),
    ("open", "Đề án bồi dưỡng cấp ủy viên cơ sở nhiệm kỳ 2025–2030"),
    ("planned", "Đề án tổng kết 5 năm thực hiện quy định về luân chuyển cán bộ"),
)
"""The commission's 2026 projects: completed, overdue, in progress within the deadline,
not started."""

COMMUNE_2026: tuple[tuple[str, str], ...] = (
    ("done", "Kiện toàn các chi bộ thôn sau sắp xếp"),
    ("overdue", "Cập nhật hồ sơ đảng viên chuyển sinh hoạt"),
    ("open", "Khảo sát chất lượng sinh hoạt chi bộ"),
)


def _uow() -> ProgrammeUnitOfWork:
    return cast(ProgrammeUnitOfWork, DjangoProgrammeUnitOfWork())


def _leads(cell: int, today: dt.date) -> list[PersonId]:
    rows = Membership.objects.filter(unit_id=cell, valid_from__lte=today, valid_to__gte=today)
    return [PersonId(p) for p in rows.order_by("person_id").values_list("person_id", flat=True)[:8]]


def _add(
    staff: Actor, owner: UnitId, unit: UnitId, year: int, title: str, deadline: dt.date,
    on: dt.date, lead: PersonId | None, parent: ItemId | None = None,
) -> ItemId:  # fmt: skip
    kind = ItemKind.TASK if parent else ItemKind.PROJECT
    new = NewItem(kind, title, owner, unit, year, deadline, lead, parent)
    return items.create_item(_uow(), staff, new, on)


def _programme_2025(staff: Actor, province: UnitId, commune: UnitId, leads: list[PersonId]) -> int:
    adopted = dt.date(2025, 7, 15)
    for n, title in enumerate(PROJECTS_2025):
        deadline = dt.date(2025, 8 + n % 5, 28)
        unit = commune if n % 4 == 3 else province
        lead = leads[n % len(leads)] if leads else None
        item = _add(staff, province, unit, 2025, title, deadline, adopted, lead)
        middle = adopted + (deadline - adopted) / 2
        items.report_progress(_uow(), staff, item, middle, 50, "Đã xây dựng dự thảo, xin ý kiến.")
        finished = deadline - dt.timedelta(days=3 + n % 7)
        items.change_status(_uow(), staff, item, Status.COMPLETED, finished, "Đã ban hành.")
    return len(PROJECTS_2025)


def _year_item(
    staff: Actor, owner: UnitId, unit: UnitId, story: str, title: str, n: int,
    today: dt.date, lead: PersonId | None,
) -> ItemId:  # fmt: skip
    start = dt.date(2026, 1, 10)
    end = dt.date(2026, 12, 31)
    if story == "done":
        deadline = min(end, max(start + dt.timedelta(days=40), today - dt.timedelta(days=20 * n)))
    elif story == "overdue":
        deadline = max(start + dt.timedelta(days=20), today - dt.timedelta(days=12 * (n + 1)))
    else:
        deadline = max(end, today + dt.timedelta(days=20))
        deadline = min(deadline, dt.date(2027, 3, 31))
    item = _add(staff, owner, unit, 2026, title, deadline, start, lead)
    reported = min(today, start + (deadline - start) / 2)
    if story != "planned" and reported > start:
        items.report_progress(_uow(), staff, item, reported, 30 + 10 * (n % 5), "Đang triển khai.")
    if story == "done":
        finished = max(reported, min(deadline, today) - dt.timedelta(days=2))
        items.change_status(_uow(), staff, item, Status.COMPLETED, finished, "Đã hoàn thành.")
    return item


def build_programme(cell: int, province: int, today: dt.date) -> str | None:
    """The province's 2025 and 2026 programmes and the demo commune's 2026 one; None when
    the demo's today is too early in 2026 or the demo cell has no commune under the province."""
    if today < dt.date(2026, 2, 15):
        return None
    chain = unit_tree.ancestors(cell, today)
    if int(province) not in chain or chain.index(UnitId(province)) < 1:
        return None
    commune = chain[chain.index(UnitId(province)) - 1]
    prov = UnitId(province)
    staff = Actor(None, "demo.tinh", (Grant(Role.ORG_STAFF, prov),))
    leads = _leads(cell, today)
    done_2025 = _programme_2025(staff, prov, commune, leads)
    for n, (story, title) in enumerate(PROJECTS_2026):
        lead = leads[n % len(leads)] if leads else None
        item = _year_item(staff, prov, prov if n % 3 else commune, story, title, n, today, lead)
        if n == 4:
            for task in ("Quét hồ sơ giấy", "Đối chiếu với cơ sở dữ liệu"):
                _add(staff, prov, prov, 2026, task, dt.date(2026, 12, 31),
                     dt.date(2026, 1, 10), lead, item)  # fmt: skip
    commune_staff = Actor(None, "demo.xa", (Grant(Role.ORG_STAFF, commune),))
    for n, (story, title) in enumerate(COMMUNE_2026):
        lead = leads[n % len(leads)] if leads else None
        _year_item(commune_staff, commune, commune, story, title, n, today, lead)
    total_2026 = len(PROJECTS_2026) + len(COMMUNE_2026)
    return f"2025: {done_2025}/{done_2025}, 2026: {total_2026}"
