"""ORM adapters of the organization registry and personnel record (no behaviour here).

History is never overwritten (handbook OR-15): a unit is a stable identity (``OrgUnit``) with
dated versions (``UnitVersion``: name, kind, level class, parent, codes); a change closes the
current version and opens a new one. Reorganizations are ``LineageEvent`` rows with
predecessor → successor links (OR-16, OR-14). Party members keep their cell history
(``Membership``) and posts (``PositionHolding``) with dates (OR-17). Open-ended validity is
stored as ``FOREVER`` (9999-12-31), so "valid on day d" is an index range test.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import choices
from .constants import FOREVER


class OrgUnit(models.Model):
    """A stable identity in the political-system tree (OR-15). Never deleted.

    ``code`` is the stable external identifier used by imports and exports (names repeat and
    are never identifiers, OR-14). ``valid_from``/``valid_to`` bound the unit's whole life.
    """

    code = models.CharField(_("mã đơn vị"), max_length=64, unique=True)
    pillar = models.CharField(_("khối"), max_length=16, choices=choices.Pillar.choices)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), default=FOREVER)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self) -> str:
        return self.code


class UnitVersion(models.Model):
    """A unit's attributes over one interval: name, kind, level class, parent, codes (OR-18)."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="versions")
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=128, blank=True)
    kind = models.CharField(_("loại"), max_length=40, choices=choices.UnitKind.choices)
    level_class = models.CharField(
        _("cấp"), max_length=32, choices=choices.LevelClass.choices, blank=True
    )
    parent = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="child_versions",
        verbose_name=_("đơn vị cấp trên"),
    )
    admin_code = models.CharField(_("mã hành chính"), max_length=32, blank=True)
    sort_key = models.CharField(max_length=400, db_index=True, editable=False)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), default=FOREVER)

    class Meta:
        verbose_name = _("phiên bản đơn vị")
        verbose_name_plural = _("phiên bản đơn vị")
        indexes = [
            models.Index(fields=["parent", "valid_to", "valid_from"], name="unitver_parent_asof"),
            models.Index(fields=["unit", "valid_to", "valid_from"], name="unitver_unit_asof"),
            models.Index(fields=["kind", "valid_to"], name="unitver_kind_asof"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__gte=models.F("valid_from")),
                name="unitver_interval_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name


class LineageEvent(models.Model):
    """A reorganization step on a legal date (OR-16): merge, split, transfer, rename, ..."""

    kind = models.CharField(_("loại"), max_length=16, choices=choices.LineageKind.choices)
    date = models.DateField(_("ngày hiệu lực"))
    legal_basis = models.CharField(_("căn cứ"), max_length=255)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("sự kiện sắp xếp")
        verbose_name_plural = _("sự kiện sắp xếp")

    def __str__(self) -> str:
        return f"{self.kind} {self.date}"


class LineageLink(models.Model):
    """Predecessor → successor edge of a lineage event, whole or part (OR-14)."""

    event = models.ForeignKey(LineageEvent, on_delete=models.PROTECT, related_name="links")
    predecessor = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="successor_links"
    )
    successor = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="predecessor_links"
    )
    share = models.CharField(
        max_length=8, choices=choices.Share.choices, default=choices.Share.WHOLE
    )
    weight = models.PositiveSmallIntegerField(
        _("tỷ trọng (phần nghìn)"),
        null=True,
        blank=True,
        help_text=_("Phần của đơn vị trước chuyển sang đơn vị sau, tính theo phần nghìn"),
    )
    """The recorded share of a PART link in per-mille (OR-21, ``or_split_allocation``):
    the part of the predecessor that went into this successor; empty when not recorded."""

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "predecessor", "successor"], name="lineage_link_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.predecessor_id} → {self.successor_id} ({self.share})"


class Correspondence(models.Model):
    """A Party committee leads a State unit over an interval (OR-01)."""

    party_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    state_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField()
    valid_to = models.DateField(default=FOREVER)

    def __str__(self) -> str:
        return f"{self.party_unit_id} ~ {self.state_unit_id}"


class Person(models.Model):
    """A person's identity and Party dates. Names are stored split for official ordering.

    ``sort_key`` is the Vietnamese collation key (given name, middle, family; handbook and
    official lists sort by given name) so lists are ordered by an index.
    """

    code = models.CharField(_("mã cán bộ"), max_length=32, unique=True)
    full_name = models.CharField(_("họ và tên"), max_length=128)
    family_name = models.CharField(_("họ"), max_length=64)
    middle_name = models.CharField(_("tên đệm"), max_length=64, blank=True)
    given_name = models.CharField(_("tên"), max_length=64)
    sort_key = models.CharField(max_length=400, db_index=True, editable=False)
    birth_date = models.DateField(_("ngày sinh"))
    sex = models.CharField(_("giới tính"), max_length=1, choices=choices.Sex.choices)
    ethnicity = models.CharField(_("dân tộc"), max_length=32, blank=True)
    religion = models.CharField(_("tôn giáo"), max_length=64, blank=True, db_default="")
    hometown = models.CharField(_("quê quán"), max_length=255, blank=True)
    national_id = models.CharField(_("số định danh cá nhân"), max_length=12, blank=True)
    party_card_number = models.CharField(_("số thẻ đảng viên"), max_length=16, blank=True)
    party_admission_date = models.DateField(_("ngày vào Đảng"), null=True, blank=True)
    official_membership_date = models.DateField(_("ngày chính thức"), null=True, blank=True)
    party_exit_date = models.DateField(_("ngày ra khỏi Đảng"), null=True, blank=True)
    death_date = models.DateField(_("ngày mất"), null=True, blank=True)

    class Meta:
        verbose_name = _("cán bộ, đảng viên")
        verbose_name_plural = _("cán bộ, đảng viên")

    def __str__(self) -> str:
        return self.full_name


class Membership(models.Model):
    """Party-cell membership over an interval (place of Party activity, OR-07, OR-17)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="memberships")
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), default=FOREVER)
    end_reason = models.CharField(_("lý do kết thúc"), max_length=64, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["unit", "valid_to", "valid_from"], name="member_unit_asof"),
            models.Index(fields=["person", "valid_from"], name="member_person_hist"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__gte=models.F("valid_from")),
                name="member_interval_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.unit_id} [{self.valid_from}–{self.valid_to}]"


class Title(models.Model):
    """The title catalogue: a post with its level and managing authority."""

    code = models.CharField(_("mã chức danh"), max_length=32, unique=True)
    name = models.CharField(_("chức danh"), max_length=255)
    level = models.CharField(_("cấp quản lý"), max_length=16, choices=choices.TitleLevel.choices)
    managing_authority = models.CharField(_("thẩm quyền quản lý"), max_length=255, blank=True)
    is_leadership = models.BooleanField(_("lãnh đạo, quản lý"), default=True)
    rank = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    class Meta:
        verbose_name = _("chức danh")
        verbose_name_plural = _("danh mục chức danh")
        ordering = ["rank", "name"]

    def __str__(self) -> str:
        return self.name


class Term(models.Model):
    """A term of office (nhiệm kỳ) of a Party committee or an elected body."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="terms")
    name = models.CharField(_("nhiệm kỳ"), max_length=64)
    starts = models.DateField(_("bắt đầu"))
    ends = models.DateField(_("kết thúc"))

    class Meta:
        verbose_name = _("nhiệm kỳ")
        verbose_name_plural = _("nhiệm kỳ")

    def __str__(self) -> str:
        return self.name


class PositionHolding(models.Model):
    """A post held by a person in a unit (OR-17), with the decision that filled it."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="positions")
    title = models.ForeignKey(Title, on_delete=models.PROTECT, related_name="holdings")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="positions")
    term = models.ForeignKey(Term, on_delete=models.PROTECT, null=True, blank=True)
    how = models.CharField(_("hình thức"), max_length=16, choices=choices.HowFilled.choices)
    decision_ref = models.CharField(_("quyết định"), max_length=128, blank=True)
    valid_from = models.DateField(_("ngày bổ nhiệm/bầu"))
    valid_to = models.DateField(_("đến ngày"), default=FOREVER)
    term_ends = models.DateField(_("hết thời hạn"), null=True, blank=True)
    is_concurrent = models.BooleanField(_("kiêm nhiệm"), default=False)

    class Meta:
        indexes = [
            models.Index(fields=["person", "valid_from"], name="position_person_hist"),
            models.Index(fields=["unit", "valid_to"], name="position_unit_asof"),
        ]

    def __str__(self) -> str:
        return f"{self.title_id} ({self.valid_from})"


class DisciplineRecord(models.Model):
    """A Party or administrative discipline decision.

    ``stops_counting_on`` is the date after which the discipline no longer counts for
    planning/appointment bars; ``self_remedied`` supports the classification exception for
    violations self-detected and remedied (QĐ 366; handbook CL-19).
    """

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="disciplines")
    form = models.CharField(_("hình thức"), max_length=16, choices=choices.DisciplineForm.choices)
    decision_date = models.DateField(_("ngày quyết định"))
    violation_date = models.DateField(_("ngày vi phạm"), null=True, blank=True)
    authority = models.CharField(_("cấp quyết định"), max_length=255)
    decision_ref = models.CharField(_("số quyết định"), max_length=64, blank=True)
    reason = models.TextField(_("nội dung vi phạm"), blank=True)
    self_remedied = models.BooleanField(_("tự phát hiện, khắc phục"), default=False)
    stops_counting_on = models.DateField(_("hết thời hạn tính"), null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.form} {self.decision_date}"


class LeavePeriod(models.Model):
    """Sick, maternity or other leave; excused from or suspended in Party activity."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="leaves")
    kind = models.CharField(_("loại"), max_length=16, choices=choices.LeaveKind.choices)
    starts = models.DateField(_("từ ngày"))
    ends = models.DateField(_("đến ngày"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.starts}–{self.ends}"


class RetirementNotice(models.Model):
    """A notice of retirement (thông báo nghỉ hưu): exempts from some votes (CV-03)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="retirements")
    notice_date = models.DateField(_("ngày thông báo"))
    retirement_date = models.DateField(_("ngày nghỉ hưu"))
    decision_ref = models.CharField(_("số văn bản"), max_length=64, blank=True)

    def __str__(self) -> str:
        return f"{self.retirement_date}"


class Relative(models.Model):
    """A declared relative (QĐ 114; Luật Phòng, chống tham nhũng 2018): linked or free text."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relatives")
    relation = models.CharField(_("quan hệ"), max_length=16, choices=choices.RelationKind.choices)
    linked_person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    full_name = models.CharField(_("họ và tên"), max_length=128, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    workplace = models.CharField(_("nơi công tác"), max_length=255, blank=True)
    declared_on = models.DateField(_("ngày kê khai"))
    ended_on = models.DateField(_("quan hệ chấm dứt từ"), null=True, blank=True)

    def __str__(self) -> str:
        return self.full_name or str(self.linked_person_id)


class PartyEvent(models.Model):
    """A dated event of a Party membership (kết nạp, công nhận chính thức, chuyển sinh hoạt,
    ra khỏi Đảng, khai trừ, từ trần), with its decision; never updated (OR-15, OR-17).

    ``unit`` is the cell admitted to or moved to; ``until`` is the recognition due date of an
    admission (Điều lệ Đảng, Điều 5) or the last day of a temporary transfer.
    """

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="party_events")
    kind = models.CharField(_("sự kiện"), max_length=16, choices=choices.PartyEventKind.choices)
    date = models.DateField(_("ngày"))
    decision_ref = models.CharField(_("số quyết định"), max_length=64, blank=True)
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    until = models.DateField(_("đến ngày"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["person", "date"], name="partyevent_person_hist"),
            models.Index(fields=["kind", "until"], name="partyevent_kind_due"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.date}"


class PersonVersion(models.Model):
    """A person's identity as it stood from ``valid_from`` to ``valid_to`` (OR-15): an edit
    closes the current version and opens a new one; the ``Person`` row is the newest."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="versions")
    data = models.JSONField(_("thông tin"))
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), default=FOREVER)

    class Meta:
        indexes = [models.Index(fields=["person", "valid_from"], name="personver_person_hist")]

    def __str__(self) -> str:
        return f"{self.person_id} [{self.valid_from}–{self.valid_to}]"


class SearchEntry(models.Model):
    """The search index: the searchable words of one person or one unit (no history of its own).

    ``keys`` holds the folded words (``canbo.core.search_text``): a person's name without
    tones, code, birth year and national ID; a unit's names, past and present (OR-18), and
    codes. ``context`` holds a unit's parent's name, so that sibling units of the same name
    are told apart. ``scope`` tags the entry with its kind and the units above it as of the
    day it was written. Kept current by the registry's writes (``canbo.registry.search_index``);
    the text index over it is FTS5 on SQLite and a GIN full-text index on PostgreSQL, both
    created by the migration.
    """

    kind = models.CharField(max_length=1)
    object_id = models.BigIntegerField()
    keys = models.TextField()
    context = models.TextField(blank=True, default="")
    scope = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="searchentry_one_per_object")
        ]

    def __str__(self) -> str:
        return f"{self.kind}{self.object_id}"


class HistoryItem(models.Model):
    """An entry of a person's personal history form (sơ yếu lý lịch): education, training,
    foreign language, IT, a period of work, an award. Added, then ended with ``ended_on``
    when it no longer holds; never updated otherwise (OR-15)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="history_items")
    kind = models.CharField(_("loại"), max_length=24)
    level = models.CharField(_("trình độ, hình thức"), max_length=64, blank=True)
    field_name = models.CharField(_("chuyên ngành, chức vụ"), max_length=255, blank=True)
    institution = models.CharField(_("cơ sở đào tạo, đơn vị"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    starts = models.DateField(_("từ ngày"), null=True, blank=True)
    ends = models.DateField(_("đến ngày"), null=True, blank=True)
    decision_ref = models.CharField(_("số quyết định, văn bằng"), max_length=128, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    declared_on = models.DateField(_("ngày kê khai"))
    ended_on = models.DateField(_("hết hiệu lực từ"), null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["person", "kind"], name="historyitem_person_kind")]

    def __str__(self) -> str:
        return f"{self.kind} {self.level}"


class PersonPhoto(models.Model):
    """A photo of a person for the personal history form; a new upload is a new row (the
    newest is shown), the file lives in the data folder under ``path``."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="photos")
    path = models.CharField(max_length=255)
    media_type = models.CharField(max_length=32)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_on = models.DateField(_("ngày tải lên"))

    class Meta:
        indexes = [models.Index(fields=["person", "uploaded_on"], name="personphoto_person")]

    def __str__(self) -> str:
        return self.path
