"""ORM adapters of report requests and surveys. No behaviour here: the services
(:mod:`canbo.services.surveys`) own the rules and write one audit entry per change.

A form is never changed once stored (a change is a new version); a submission is never changed
(a correction is a new version with its reason). The assignment keeps the unit's path up to the
requester as of the request's date (OR-19), so the overview rolls up without reading the tree.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.registry.models import OrgUnit

from . import choices


class SurveyForm(models.Model):
    """A report or survey form (``spec``: :meth:`canbo.core.surveys.forms.FormSpec.as_dict`)."""

    code = models.CharField(_("mã biểu mẫu"), max_length=64)
    version = models.PositiveIntegerField(_("phiên bản"))
    title = models.CharField(_("tên biểu mẫu"), max_length=255)
    spec = models.JSONField()
    owner = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị lập")
    )
    created_at = models.DateTimeField()
    created_by = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("biểu mẫu báo cáo")
        verbose_name_plural = _("biểu mẫu báo cáo")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="sv_form_code_version")
        ]

    def __str__(self) -> str:
        return f"{self.code} v{self.version}"


class SurveyRequest(models.Model):
    """A form sent by ``requester`` to the units of ``target_kind`` in its subtree as of
    ``as_of``, to be answered by ``deadline``."""

    form = models.ForeignKey(SurveyForm, on_delete=models.PROTECT, related_name="requests")
    requester = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị yêu cầu")
    )
    title = models.CharField(_("tên yêu cầu"), max_length=255)
    note = models.TextField(_("ghi chú"), blank=True)
    target_kind = models.CharField(_("gửi tới"), max_length=40, choices=choices.TargetKind.choices)
    as_of = models.DateField(_("ngày yêu cầu"))
    deadline = models.DateField(_("hạn nộp"))
    created_at = models.DateTimeField()
    created_by = models.BigIntegerField(null=True, blank=True)
    # A request received from the level above's installation (a signed bundle) keeps the
    # sender's key, so receiving the same bundle again adds nothing.
    origin_key = models.CharField(max_length=200, blank=True, db_index=True)

    class Meta:
        verbose_name = _("yêu cầu báo cáo")
        verbose_name_plural = _("yêu cầu báo cáo")
        indexes = [models.Index(fields=["requester", "as_of"], name="sv_request_requester")]

    def __str__(self) -> str:
        return self.title


class Assignment(models.Model):
    """One unit asked to answer a request; ``chain``: the unit's ids up to the requester on
    the request's date, the unit first. The first submission's day decides lateness."""

    request = models.ForeignKey(SurveyRequest, on_delete=models.PROTECT, related_name="assignments")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    unit_name = models.CharField(max_length=255)
    sort_key = models.CharField(max_length=400)
    chain = models.JSONField()
    draft = models.JSONField(null=True, blank=True)
    draft_saved_at = models.DateTimeField(null=True, blank=True)
    first_submitted_on = models.DateField(null=True, blank=True)
    late = models.BooleanField(default=False)
    versions = models.PositiveIntegerField(default=0)
    current_answers = models.JSONField(null=True, blank=True)
    reminders = models.PositiveIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("đơn vị được yêu cầu")
        verbose_name_plural = _("đơn vị được yêu cầu")
        constraints = [
            models.UniqueConstraint(fields=["request", "unit"], name="sv_assignment_unit")
        ]
        indexes = [
            models.Index(fields=["unit"], name="sv_assignment_by_unit"),
            # The overview's page of units, in their order.
            models.Index(fields=["request", "sort_key"], name="sv_assignment_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.unit_name}"


class RollUp(models.Model):
    """The aggregate of the answers under one unit of a request's tree: the requester and
    each intermediate unit on the assignments' paths (OR-20). Kept up to date in the
    submission's transaction (a first report is added to the rows of its path, a correction
    rebuilds the request's rows), so the overview reads it and recomputes nothing.
    ``state``: :meth:`canbo.core.surveys.progress.Aggregate.state`; ``depth``: 0 for the
    requester, 1 for the units just below it, and so on."""

    request = models.ForeignKey(SurveyRequest, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    unit_name = models.CharField(max_length=255)
    depth = models.PositiveSmallIntegerField()
    assigned = models.PositiveIntegerField(default=0)
    submitted = models.PositiveIntegerField(default=0)
    state = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("tổng hợp theo cấp")
        verbose_name_plural = _("tổng hợp theo cấp")
        constraints = [models.UniqueConstraint(fields=["request", "unit"], name="sv_rollup_unit")]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.unit_name}"


class Submission(models.Model):
    """One version of a unit's answers, never changed; version 1 is the report, later ones
    are corrections with their ``reason``."""

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="submissions")
    version = models.PositiveIntegerField()
    answers = models.JSONField()
    submitted_at = models.DateTimeField()
    submitted_on = models.DateField()
    submitted_by = models.BigIntegerField(null=True, blank=True)
    submitted_by_label = models.CharField(max_length=150, blank=True)
    late = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    source = models.CharField(max_length=8, choices=choices.Source.choices)

    class Meta:
        verbose_name = _("báo cáo đã nộp")
        verbose_name_plural = _("báo cáo đã nộp")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "version"], name="sv_submission_version")
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id} v{self.version}"


class Reminder(models.Model):
    """A reminder sent by the requester to a unit that has not submitted; shown to the unit."""

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField()
    sent_by = models.BigIntegerField(null=True, blank=True)
    sent_by_label = models.CharField(max_length=150, blank=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("nhắc nộp báo cáo")
        verbose_name_plural = _("nhắc nộp báo cáo")
        indexes = [models.Index(fields=["assignment", "sent_at"], name="sv_reminder_assignment")]

    def __str__(self) -> str:
        return f"{self.assignment_id} {self.sent_at:%Y-%m-%d}"
