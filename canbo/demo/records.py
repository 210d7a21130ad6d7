"""The rest of a demo member's record: posts, discipline, leave, retirement notice, relatives.

Posts come from the cell plans (OR-17); discipline windows follow QĐ 377-QĐ/TW as summarized in
the handbook (khiển trách 24, cảnh cáo 36, cách chức 60 months: parameter
``ap_discipline_windows_377``); retirement months follow NĐ 135/2020 (handbook RA-03, RA-04) and
a notice is issued six months ahead; relatives are declared under QĐ 114-QĐ/TW.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from typing import TYPE_CHECKING, Any

from canbo.core.retirement import retirement
from canbo.core.types import DisciplineForm, LeaveKind, RelationKind, Sex

from .bulk import IdAllocator
from .catalog import FOREVER_ISO
from .tree import CellPlan, Post, iso

if TYPE_CHECKING:
    from .people import Batch

POSITION_COLUMNS = (
    "id",
    "person_id",
    "title_id",
    "unit_id",
    "term_id",
    "how",
    "decision_ref",
    "valid_from",
    "valid_to",
    "term_ends",
    "is_concurrent",
)
DISCIPLINE_COLUMNS = (
    "id",
    "person_id",
    "form",
    "decision_date",
    "violation_date",
    "authority",
    "decision_ref",
    "reason",
    "self_remedied",
    "stops_counting_on",
)
LEAVE_COLUMNS = ("id", "person_id", "kind", "starts", "ends", "note")
RETIREMENT_COLUMNS = ("id", "person_id", "notice_date", "retirement_date", "decision_ref")
RELATIVE_COLUMNS = (
    "id",
    "person_id",
    "relation",
    "linked_person_id",
    "full_name",
    "birth_year",
    "workplace",
    "declared_on",
)

DISCIPLINE_SHARE = 0.006
LEAVE_SHARE = 0.015
NOTICE_MONTHS_AHEAD = 6
MEMBER_SPOUSE_SHARE = 0.3
"""Share of declared marriages in which the demo looks for a spouse among the members."""
DISCIPLINE_WINDOW_MONTHS = {
    DisciplineForm.KHIEN_TRACH: 24,
    DisciplineForm.CANH_CAO: 36,
    DisciplineForm.CACH_CHUC: 60,
}
"""Parameter ``ap_discipline_windows_377`` (handbook AP-07): months after which a discipline
no longer bars planning or appointment."""
_FORMS = (
    [DisciplineForm.KHIEN_TRACH] * 14 + [DisciplineForm.CANH_CAO] * 5 + [DisciplineForm.CACH_CHUC]
)
_REASONS = (
    "Vi phạm quy định về những điều đảng viên không được làm",
    "Thiếu trách nhiệm trong lãnh đạo, chỉ đạo, để xảy ra sai phạm",
    "Vi phạm nguyên tắc tập trung dân chủ",
    "Vi phạm quy định về kê khai tài sản, thu nhập",
)
WORKING = ("Làm ruộng", "Giáo viên", "Kinh doanh tự do", "Công nhân", "Nhân viên văn phòng")
_OCCUPATIONS_BY_AGE: tuple[tuple[int, int, tuple[str, ...]], ...] = (
    (0, 5, ("Còn nhỏ",)),
    (6, 17, ("Học sinh",)),
    (18, 22, ("Sinh viên", "Công nhân", "Làm ruộng")),
    (23, 59, WORKING),
    (60, 74, ("Hưu trí", "Làm ruộng", "Kinh doanh tự do")),
    (75, 200, ("Hưu trí", "Già yếu, ở nhà")),
)
"""What a declared relative does at each age (Bộ luật Lao động 2019: work from 15, school to
18, retirement from about 60): the demo never writes a retired child or a pupil of eighty."""


def occupations_for(age: int) -> tuple[str, ...]:
    """The occupations the demo may give a relative of ``age`` years."""
    for low, high, found in _OCCUPATIONS_BY_AGE:
        if low <= age <= high:
            return found
    return ("Còn nhỏ",)


def is_plausible_occupation(occupation: str, age: int) -> bool:
    """Whether a relative of ``age`` can plausibly have ``occupation`` (students and pupils
    school-aged, the retired 45 or older, workers 15 to 80)."""
    if occupation in ("Còn nhỏ",):
        return age < 6
    if occupation == "Học sinh":
        return 6 <= age <= 19
    if occupation == "Sinh viên":
        return 17 <= age <= 30
    if occupation in ("Hưu trí", "Già yếu, ở nhà"):
        return age >= 45
    if occupation in (*WORKING, "Công nhân"):
        return 15 <= age <= 80
    return True


def _months_later(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, min(day.day, 28))


class RecordMaker:
    """Adds the non-membership rows of one person to a batch."""

    def __init__(
        self,
        rng: random.Random,
        today: dt.date,
        ids: IdAllocator,
        titles: dict[str, int],
        names: dict[Sex, list[tuple[str, str, str, str, str]]],
    ) -> None:
        self.rng, self.today, self.titles, self.names = rng, today, titles, names
        self.counters = {
            table: itertools.count(ids.take(table, 0))
            for table in (
                "registry_positionholding",
                "registry_disciplinerecord",
                "registry_leaveperiod",
                "registry_retirementnotice",
                "registry_relative",
            )
        }
        self._partners: dict[tuple[str, Sex], tuple[int, str, int]] = {}

    def _id(self, table: str) -> int:
        return next(self.counters[table])

    def person(
        self, batch: Batch, info: tuple[Any, ...], slots: list[Post] | None, scale: Any
    ) -> None:
        pid, sex, birth, full, family, cell = info
        r = self.rng.random()
        if slots:
            for post in slots:
                self._post(batch, pid, post)
        if r < DISCIPLINE_SHARE:
            self._discipline(batch, pid)
        elif r < DISCIPLINE_SHARE + LEAVE_SHARE:
            self._leave(batch, pid, sex, birth)
        if (slots or cell.flavour != "village") and 19700 < self.today.toordinal() - birth < 23100:
            self._notice(batch, pid, sex, birth)
        if self.rng.random() < scale.relatives_share:
            self._relatives(batch, (pid, sex, birth, full, family), cell)

    def _post(self, batch: Batch, pid: int, post: Post) -> None:
        if post.start > self.today:
            return
        # The planned end stays even when it is after today: the post ends with its unit (the
        # 30/06/2025 reorganization is in the data whatever day the demo is built for).
        end = post.end
        ref = f"{self.rng.randrange(1, 999)}-QĐ/{'TW' if post.title.endswith('_TU') else 'TU'}"
        batch.add(
            "registry_positionholding",
            (
                self._id("registry_positionholding"),
                pid,
                self.titles[post.title],
                post.unit_id,
                post.term_id,
                post.how,
                ref,
                post.start.isoformat(),
                iso(end),
                post.term_ends.isoformat() if post.term_ends else None,
                False,
            ),
        )

    def _discipline(self, batch: Batch, pid: int) -> None:
        form = self.rng.choice(_FORMS)
        decided = self.today - dt.timedelta(days=self.rng.randrange(30, 6 * 365))
        violated = decided - dt.timedelta(days=self.rng.randrange(60, 700))
        stops = _months_later(decided, DISCIPLINE_WINDOW_MONTHS[form])
        batch.add(
            "registry_disciplinerecord",
            (
                self._id("registry_disciplinerecord"),
                pid,
                str(form),
                decided.isoformat(),
                violated.isoformat(),
                "Ủy ban Kiểm tra cấp trên",
                f"{self.rng.randrange(1, 500)}-QĐ/UBKT",
                self.rng.choice(_REASONS),
                self.rng.random() < 0.2,
                stops.isoformat(),
            ),
        )

    def _leave(self, batch: Batch, pid: int, sex: Sex, birth: int) -> None:
        age = (self.today.toordinal() - birth) // 365
        starts = self.today - dt.timedelta(days=self.rng.randrange(0, 700))
        if sex is Sex.FEMALE and 22 <= age <= 40 and self.rng.random() < 0.5:
            kind, ends, note = LeaveKind.MATERNITY, starts + dt.timedelta(days=182), "Sinh con"
        elif age >= 70:
            kind, ends, note = LeaveKind.EXCUSED_FROM_PARTY_WORK, None, "Tuổi cao, sức yếu"
        else:
            kind, ends = LeaveKind.SICK, starts + dt.timedelta(days=self.rng.randrange(3, 30))
            note = "Điều trị tại bệnh viện"
        batch.add(
            "registry_leaveperiod",
            (
                self._id("registry_leaveperiod"),
                pid,
                str(kind),
                starts.isoformat(),
                ends.isoformat() if ends else FOREVER_ISO,
                note,
            ),
        )

    def _notice(self, batch: Batch, pid: int, sex: Sex, birth: int) -> None:
        """RA-04: retirement at the end of the retirement month; notice six months ahead."""
        found = retirement(dt.date.fromordinal(birth), sex)
        notice = _months_later(found.retirement_date, -NOTICE_MONTHS_AHEAD)
        if notice > self.today or found.retirement_date < self.today - dt.timedelta(days=365):
            return
        batch.add(
            "registry_retirementnotice",
            (
                self._id("registry_retirementnotice"),
                pid,
                notice.isoformat(),
                found.retirement_date.isoformat(),
                f"{self.rng.randrange(1, 900)}/TB-TU",
            ),
        )

    def _relatives(self, batch: Batch, info: tuple[Any, ...], cell: CellPlan) -> None:
        """Spouse (sometimes another member, linked both ways), parents and a child."""
        pid, sex, birth, _full, family = info
        declared = self.today - dt.timedelta(days=self.rng.randrange(0, 900))
        year = dt.date.fromordinal(birth).year
        other = Sex.FEMALE if sex is Sex.MALE else Sex.MALE
        partner = self._partners.pop((cell.province, other), None)
        if partner is not None and abs(partner[2] - year) <= 8:
            self._relative(
                batch, pid, RelationKind.SPOUSE, partner[0], partner[1], partner[2], declared
            )
            self._relative(batch, partner[0], RelationKind.SPOUSE, pid, _full, year, declared)
        elif self.rng.random() < MEMBER_SPOUSE_SHARE and (cell.province, sex) not in self._partners:
            # Waits, without a spouse declared yet, for a member of the province to marry: a
            # person has one living spouse (Luật Hôn nhân và gia đình 2014, Điều 5), so the one
            # who waits is never given a second one when the partner comes.
            self._partners[(cell.province, sex)] = (pid, _full, year)
        else:
            spouse = self.rng.choice(self.names[other])[0]
            self._relative(
                batch,
                pid,
                RelationKind.SPOUSE,
                None,
                spouse,
                year + self.rng.randint(-4, 4),
                declared,
            )
        father = f"{family} {self.rng.choice(self.names[Sex.MALE])[0].split(' ', 1)[1]}"
        self._relative(
            batch, pid, RelationKind.PARENT, None, father, year - self.rng.randint(22, 35), declared
        )
        child_year = year + self.rng.randint(22, 35)
        if child_year < self.today.year:
            given = self.rng.choice(self.names[Sex.FEMALE])[0].split(" ", 1)[1]
            self._relative(
                batch, pid, RelationKind.CHILD, None, f"{family} {given}", child_year, declared
            )

    def _relative(
        self,
        batch: Batch,
        pid: int,
        relation: RelationKind,
        linked: int | None,
        name: str,
        year: int,
        declared: dt.date,
    ) -> None:
        batch.add(
            "registry_relative",
            (
                self._id("registry_relative"),
                pid,
                str(relation),
                linked,
                name,
                year,
                self.rng.choice(occupations_for(self.today.year - year)),
                declared.isoformat(),
            ),
        )
