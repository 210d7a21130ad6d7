"""ORM adapters of the classification cycle (no behaviour here; services own the rules).

A national cycle has about 5.3 million subjects, so a subject is one compact row per cycle:
scores in tenths and task counts as small integers, the appraised and final levels as small
integers (``Level``), plain integer columns for the units the rules and pages group by. The
computed proposal of a subject is a narrow row of its own (``Proposal``).
The forms of the steps are separate immutable rows (``StepRecord``), versioned per kind.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.registry.models import OrgUnit, Person

from . import choices


class Cycle(models.Model):
    """One evaluation cycle over a subtree; stores the rulebook and parameters used (GEN-01)."""

    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    as_of = models.DateField(_("thời điểm xác định đối tượng"))
    root = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("tên đợt"), max_length=200)
    rulebook = models.CharField(_("quy định áp dụng"), max_length=16)
    parameters = models.JSONField(_("tham số"))
    settings = models.JSONField(_("tham số của đợt"))
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=choices.CycleStatus.choices, default="open"
    )
    opened_by = models.CharField(max_length=150)
    opened_at = models.DateTimeField()
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("đợt đánh giá, xếp loại")
        verbose_name_plural = _("đợt đánh giá, xếp loại")

    def __str__(self) -> str:
        return self.name


class CycleSubject(models.Model):
    """A collective or individual in one cycle (CL-03): one compact row, updated by steps."""

    # No single-column index on the three foreign keys: the composite indexes below start with
    # each of them, and on PostgreSQL every index costs a write per row when a cycle is computed.
    cycle = models.ForeignKey(
        Cycle, on_delete=models.PROTECT, related_name="subjects", db_index=False
    )
    kind = models.CharField(_("loại"), max_length=16, choices=choices.SubjectKind.choices)
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", db_index=False)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+", db_index=False
    )
    parent_unit_id = models.BigIntegerField(null=True, blank=True)
    decider_id = models.BigIntegerField()
    top_id = models.BigIntegerField()
    group = models.CharField(_("nhóm"), max_length=64)
    group_unit_id = models.BigIntegerField()
    exemption = models.CharField(_("không xếp loại"), max_length=32, blank=True)
    head_unit_id = models.BigIntegerField(null=True, blank=True)
    step = models.PositiveSmallIntegerField(choices=choices.Step.choices, default=0)
    score_general = models.SmallIntegerField(null=True, blank=True)
    score_results = models.SmallIntegerField(null=True, blank=True)
    grade_results = models.SmallIntegerField(null=True, blank=True)
    grade_other_min = models.SmallIntegerField(null=True, blank=True)
    tasks_total = models.SmallIntegerField(default=0)
    tasks_on_time = models.SmallIntegerField(default=0)
    tasks_exceeded = models.SmallIntegerField(default=0)
    tasks_late = models.SmallIntegerField(default=0)
    led_units_tasks = models.SmallIntegerField(null=True, blank=True)
    led_units_exceeded = models.SmallIntegerField(null=True, blank=True)
    led_units_kht = models.SmallIntegerField(null=True, blank=True)
    confidence_low = models.SmallIntegerField(null=True, blank=True)
    discipline = models.CharField(max_length=16, blank=True)
    discipline_self_remedied = models.BooleanField(default=False)
    sick_leave_months = models.SmallIntegerField(default=0)
    months_in_operation = models.SmallIntegerField(null=True, blank=True)
    appraised_level = models.SmallIntegerField(null=True, blank=True, choices=choices.Level.choices)
    final_level = models.SmallIntegerField(
        _("mức xếp loại"), null=True, blank=True, choices=choices.Level.choices
    )
    version = models.SmallIntegerField(_("phiên bản"), default=0)

    class Meta:
        verbose_name = _("đối tượng đánh giá")
        verbose_name_plural = _("đối tượng đánh giá")
        indexes = [
            models.Index(fields=["cycle", "unit"], name="clsubj_cycle_unit"),
            models.Index(fields=["cycle", "group"], name="clsubj_cycle_group"),
            models.Index(fields=["cycle", "parent_unit_id", "kind"], name="clsubj_cycle_parent"),
            models.Index(
                fields=["cycle", "top_id", "kind", "final_level", "exemption"],
                name="clsubj_cycle_top_stats",
            ),
            models.Index(fields=["cycle", "step"], name="clsubj_cycle_step"),
            models.Index(fields=["person"], name="clsubj_person"),
            models.Index(fields=["unit", "kind"], name="clsubj_unit_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.cycle_id}:{self.pk}"


class Proposal(models.Model):
    """The computed proposal of one subject (CL-12): its level and the rules that decided it.

    A narrow table of its own, apart from the subject row: computing a national cycle writes
    about 5.4 million proposals at once, and on PostgreSQL an update of the wide subject row
    writes a new version of the row and an entry in each of its indexes; a proposal row is
    three small columns with one index, its primary key. No row means no proposal yet (level
    empty, no rules). No database constraint on the subject: on PostgreSQL a foreign key check
    reads and locks the subject row of each proposal written; only the store writes proposals,
    for subjects it has read, and a subject deleted through Django takes its proposal along.
    """

    subject = models.OneToOneField(
        CycleSubject,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="proposal",
        db_constraint=False,
    )
    level = models.SmallIntegerField(
        _("mức đề xuất"), null=True, blank=True, choices=choices.Level.choices
    )
    rules = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("mức đề xuất")
        verbose_name_plural = _("mức đề xuất")

    def __str__(self) -> str:
        return f"{self.subject_id}: {self.level}"


class StepRecord(models.Model):
    """A submitted form (CL-20, CL-24): self-assessment, comment, appraisal, decision or
    re-classification; immutable, version n+1 of its kind supersedes version n."""

    subject = models.ForeignKey(CycleSubject, on_delete=models.PROTECT, related_name="records")
    kind = models.CharField(_("biểu mẫu"), max_length=16, choices=choices.RecordKind.choices)
    version = models.PositiveSmallIntegerField(_("lần"))
    level = models.SmallIntegerField(null=True, blank=True, choices=choices.Level.choices)
    text = models.TextField(_("nội dung"), blank=True)
    data = models.JSONField(default=dict)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_label = models.CharField(_("người thực hiện"), max_length=150)
    at = models.DateTimeField(_("thời điểm"))

    class Meta:
        verbose_name = _("biểu mẫu đánh giá")
        verbose_name_plural = _("biểu mẫu đánh giá")
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "kind", "version"], name="clrecord_unique_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} v{self.version}"


class QuotaResolution(models.Model):
    """The competent level's decision on a group over the HTXS quota, with its reason (CL-13)."""

    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="quota_resolutions")
    group = models.CharField(max_length=64)
    lowered = models.JSONField(default=list)
    kept_over = models.PositiveIntegerField(default=0)
    reason = models.TextField(_("lý do"))
    actor_label = models.CharField(max_length=150)
    at = models.DateTimeField()

    def __str__(self) -> str:
        return self.group


class Complaint(models.Model):
    """A complaint on a published result (CL-27); resolved by a re-classification record."""

    subject = models.ForeignKey(CycleSubject, on_delete=models.PROTECT, related_name="complaints")
    text = models.TextField(_("nội dung khiếu nại"))
    filed_by = models.CharField(max_length=150)
    at = models.DateTimeField()
    resolution = models.ForeignKey(
        StepRecord, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.subject_id}: {self.at:%Y-%m-%d}"


class LevelCount(models.Model):
    """Statistics summary (biểu thống kê): subjects of a cycle by top unit, kind and state.

    ``state`` is a final level's code (HTXS, HTT, HT, KHT), ``pending`` or ``exempt``. Counted
    when the cycle opens and moved by one whenever a final level is written, in the same
    transaction, so a province's statistics read a few rows instead of counting its subjects.
    """

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="+")
    top_id = models.BigIntegerField()
    kind = models.CharField(max_length=16, choices=choices.SubjectKind.choices)
    state = models.CharField(max_length=8)
    subjects = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số đối tượng theo mức")
        verbose_name_plural = _("số đối tượng theo mức")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "top_id", "kind", "state"], name="cllevelcount_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cycle_id}:{self.top_id}:{self.kind}:{self.state}={self.subjects}"
