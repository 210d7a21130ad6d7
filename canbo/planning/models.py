"""ORM adapters of cadre planning (quy hoạch, PL-01..PL-12) and the group IV post grades
(AP-20). No behaviour here: the services own the rules; every change is a dated decision
record (the entry's ``added_*`` and ``removed_*`` fields) and one audit entry."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.registry.constants import FOREVER
from canbo.registry.models import OrgUnit, Person, Title

from . import choices


class PostGradeEntry(models.Model):
    """A group IV post's grade entered by the managing body (AP-20): the catalogue of
    QĐ 368 names groups I to III; the lower posts are data."""

    title = models.ForeignKey(Title, on_delete=models.PROTECT, related_name="+")
    group = models.CharField(
        _("nhóm"), max_length=4, choices=choices.PostGroup.choices, default="IV"
    )
    tier = models.PositiveSmallIntegerField(_("tầng"))
    grade = models.PositiveSmallIntegerField(_("bậc chức vụ"))
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), default=FOREVER)
    managing_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("cấp quản lý")
    )

    class Meta:
        verbose_name = _("bậc chức vụ nhóm IV")
        verbose_name_plural = _("bậc chức vụ nhóm IV")
        indexes = [models.Index(fields=["title", "valid_from"], name="pl_grade_title")]

    def __str__(self) -> str:
        return f"{self.title_id}: {self.grade}"


class Plan(models.Model):
    """The planning list of one post of one unit for one term (PL-01)."""

    title = models.ForeignKey(Title, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    term_label = models.CharField(_("nhiệm kỳ"), max_length=32)
    term_start = models.DateField(_("đầu nhiệm kỳ"))
    term_end = models.DateField(_("cuối nhiệm kỳ"))
    rulebook_id = models.CharField(_("quy định áp dụng"), max_length=32)
    approved_on = models.DateField(_("ngày phê duyệt"))
    approved_by_ref = models.CharField(_("quyết định phê duyệt"), max_length=128)

    class Meta:
        verbose_name = _("quy hoạch")
        verbose_name_plural = _("quy hoạch")
        constraints = [
            models.UniqueConstraint(fields=["title", "unit", "term_label"], name="pl_plan_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title_id}@{self.unit_id} {self.term_label}"


class PlanEntry(models.Model):
    """One person in a plan: added by a decision, removed by another (PL-06)."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="entries")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    added_on = models.DateField(_("ngày đưa vào"))
    added_decision = models.CharField(_("quyết định đưa vào"), max_length=128)
    special_case = models.JSONField(_("trường hợp đặc biệt"), default=dict, blank=True)
    removed_on = models.DateField(_("ngày đưa ra"), null=True, blank=True)
    removal_reason = models.CharField(
        _("lý do đưa ra"), max_length=16, choices=choices.RemovalReason.choices, blank=True
    )
    removal_decision = models.CharField(_("quyết định đưa ra"), max_length=128, blank=True)
    removal_note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("người trong quy hoạch")
        verbose_name_plural = _("người trong quy hoạch")
        indexes = [
            models.Index(fields=["person", "removed_on"], name="pl_entry_person"),
            models.Index(fields=["plan", "removed_on"], name="pl_entry_plan"),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id}/{self.person_id}"


class RemovalTask(models.Model):
    """A removal the yearly review proposes; ``mandatory`` ones (band B, PL-10) cannot be
    skipped: they are done only by a removal decision."""

    entry = models.ForeignKey(PlanEntry, on_delete=models.PROTECT, related_name="tasks")
    reason = models.CharField(_("lý do"), max_length=16, choices=choices.RemovalReason.choices)
    rule = models.CharField(_("quy định"), max_length=16)
    created_on = models.DateField(_("ngày tạo"))
    done_on = models.DateField(_("ngày xử lý"), null=True, blank=True)
    mandatory = models.BooleanField(_("bắt buộc"), default=False)

    class Meta:
        verbose_name = _("việc đưa ra khỏi quy hoạch")
        verbose_name_plural = _("việc đưa ra khỏi quy hoạch")
        constraints = [models.UniqueConstraint(fields=["entry", "reason"], name="pl_task_unique")]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.reason}"
