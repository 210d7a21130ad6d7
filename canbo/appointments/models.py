"""ORM adapters of nomination and appointment processes (QĐ 377-QĐ/TW and its predecessors):
the process and its candidates, its steps (each step with a ballot is a conference of the voting
context and a vote session of the voting engine), the conditions' evidence (dossier items,
complaints, overrides) and the power-control records (participants, recusals, acquaintances,
flags, referrals to the competent level). The rules live in ``canbo.core.appointments`` and
``canbo.core.power``; the use cases in ``canbo.services.appointments``."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import choices


class AppointmentProcess(models.Model):
    """One process proposing one post (a title in a unit) for its candidates, with the
    rulebooks chosen by its start date and the decision that ends it (TR-01)."""

    kind = models.CharField(_("quy trình"), max_length=16, choices=choices.ProcessKind.choices)
    title = models.ForeignKey("registry.Title", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("registry.OrgUnit", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=choices.ProcessStatus.choices,
        default=choices.ProcessStatus.OPEN,
    )
    rulebook_id = models.CharField(_("văn bản áp dụng"), max_length=32)
    power_rulebook_id = models.CharField(max_length=32, blank=True)
    policy_approved_on = models.DateField(_("ngày có chủ trương"), null=True, blank=True)
    started_on = models.DateField(_("ngày bắt đầu"))
    dossier_received_on = models.DateField(_("ngày nhận hồ sơ"), null=True, blank=True)
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_ref = models.CharField(_("số quyết định"), max_length=64, blank=True)
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    effective_on = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    term_ends = models.DateField(_("hết thời hạn"), null=True, blank=True)
    proposer = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    appraiser = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    decider = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    deciding_unit = models.ForeignKey(
        "registry.OrgUnit", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    holding = models.ForeignKey(
        "registry.PositionHolding",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="the post whose term ends (reappointment)",
    )
    appointee = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quy trình bổ nhiệm")
        verbose_name_plural = _("quy trình bổ nhiệm")
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["unit", "status"], name="appt_process_unit_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["holding"],
                condition=models.Q(kind="reappointment"),
                name="appt_one_reappointment_per_holding",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title_id} @ {self.unit_id} ({self.started_on})"


class ProcessCandidate(models.Model):
    """A person proposed in a process; ``active`` falls when a step's outcome drops them."""

    process = models.ForeignKey(
        AppointmentProcess, on_delete=models.CASCADE, related_name="candidates"
    )
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    source = models.CharField(
        _("nguồn"),
        max_length=16,
        choices=choices.CandidateSource.choices,
        default=choices.CandidateSource.IN_PLACE,
    )
    full_name = models.CharField(_("họ và tên"), max_length=128)
    sort_key = models.CharField(max_length=400, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("nhân sự được giới thiệu")
        verbose_name_plural = _("nhân sự được giới thiệu")
        ordering = ["sort_key", "id"]
        constraints = [
            models.UniqueConstraint(fields=["process", "person"], name="appt_candidate_once")
        ]

    def __str__(self) -> str:
        return self.full_name


class ProcessStep(models.Model):
    """One step of the procedure: its meeting (conference + vote session when it has a
    ballot), the convened and present counts (AP-11) and its outcome (``StepOutcome``)."""

    process = models.ForeignKey(AppointmentProcess, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("bước"), max_length=24, choices=choices.StepKind.choices)
    order = models.PositiveSmallIntegerField()
    ballot = models.CharField(max_length=16, default="none")
    conference = models.ForeignKey(
        "conferences.Conference",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    session = models.ForeignKey(
        "voting.VoteSession", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    convened = models.PositiveIntegerField(_("số được triệu tập"), null=True, blank=True)
    present = models.PositiveIntegerField(_("số có mặt"), null=True, blank=True)
    collective_members = models.PositiveIntegerField(_("số thành viên tập thể"), null=True)
    outcome = models.JSONField(null=True, blank=True)
    status = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=choices.StepStatus.choices,
        default=choices.StepStatus.PENDING,
    )
    opened_on = models.DateField(_("ngày họp"), null=True, blank=True)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    sealed = models.BooleanField(_("niêm phong kết quả"), default=False)

    class Meta:
        verbose_name = _("bước của quy trình")
        verbose_name_plural = _("các bước của quy trình")
        ordering = ["process_id", "order"]
        constraints = [models.UniqueConstraint(fields=["process", "kind"], name="appt_step_once")]

    def __str__(self) -> str:
        return f"{self.process_id}/{self.kind}"


class StepParticipant(models.Model):
    """Who took part in a step and in which role (PC-14)."""

    step = models.ForeignKey(ProcessStep, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("vai trò"), max_length=16, choices=choices.ParticipantRole.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["step", "person", "role"], name="appt_participant_once")
        ]

    def __str__(self) -> str:
        return f"{self.step_id}/{self.person_id}/{self.role}"


class Recusal(models.Model):
    """A participant who stood aside for a related candidate, or the reasoned override that let
    them take part (PC-10, PC-11, PC-21)."""

    process = models.ForeignKey(
        AppointmentProcess, on_delete=models.CASCADE, related_name="recusals"
    )
    step = models.ForeignKey(
        ProcessStep, on_delete=models.CASCADE, related_name="recusals", null=True, blank=True
    )
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("vai trò"), max_length=16, choices=choices.ParticipantRole.choices)
    outcome = models.CharField(_("kết quả"), max_length=16, choices=choices.RecusalOutcome.choices)
    reason = models.TextField(_("lý do"), blank=True)
    recorded_by = models.CharField(max_length=150, blank=True)
    recorded_on = models.DateField(_("ngày ghi nhận"))

    class Meta:
        verbose_name = _("không tham gia do xung đột lợi ích")
        verbose_name_plural = _("không tham gia do xung đột lợi ích")

    def __str__(self) -> str:
        return f"{self.process_id}/{self.person_id}/{self.outcome}"


class Override(models.Model):
    """The special-case decision that lets a failed condition pass (AP-02, PC-12)."""

    process = models.ForeignKey(
        AppointmentProcess, on_delete=models.CASCADE, related_name="overrides"
    )
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    check_key = models.CharField(_("điều kiện"), max_length=48)
    rule = models.CharField(max_length=16)
    decision_ref = models.CharField(_("số quyết định"), max_length=64)
    body = models.CharField(_("cơ quan quyết định"), max_length=255)
    reason = models.TextField(_("lý do"))
    recorded_by = models.CharField(max_length=150, blank=True)
    recorded_on = models.DateField(_("ngày ghi nhận"))

    class Meta:
        verbose_name = _("trường hợp đặc biệt")
        verbose_name_plural = _("trường hợp đặc biệt")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "person", "check_key"], name="appt_override_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.check_key}: {self.decision_ref}"


class Referral(models.Model):
    """What the competent level decided on an unconfirmed case that stopped a step (AP-17)."""

    step = models.ForeignKey(ProcessStep, on_delete=models.CASCADE, related_name="referrals")
    decision = models.TextField(_("nội dung quyết định"))
    decided_by_body = models.CharField(_("cấp có thẩm quyền"), max_length=255)
    on = models.DateField(_("ngày quyết định"))
    carried = models.JSONField(default=list)
    recorded_by = models.CharField(max_length=150, blank=True)

    class Meta:
        verbose_name = _("ý kiến cấp có thẩm quyền")
        verbose_name_plural = _("ý kiến cấp có thẩm quyền")

    def __str__(self) -> str:
        return f"{self.step_id} ({self.on})"


class DossierItem(models.Model):
    """One item of the candidate's dossier (ap_dossier_items) and who verified it (AP-04)."""

    process = models.ForeignKey(
        AppointmentProcess, on_delete=models.CASCADE, related_name="dossier_items"
    )
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    item = models.CharField(_("thành phần hồ sơ"), max_length=48)
    verified_by = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    verified_on = models.DateField(_("ngày xác minh"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("hồ sơ nhân sự")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "person", "item"], name="appt_dossier_item_once"
            )
        ]

    def __str__(self) -> str:
        return self.item


class Complaint(models.Model):
    """A complaint or denunciation about a person (AP-19): open ones hold the decision."""

    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    received_on = models.DateField(_("ngày nhận"))
    anonymous = models.BooleanField(_("nặc danh"), default=False)
    status = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=choices.ComplaintStatus.choices,
        default=choices.ComplaintStatus.OPEN,
    )
    referred_to = models.CharField(_("chuyển đến"), max_length=255, blank=True)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    note = models.TextField(_("nội dung"), blank=True)

    class Meta:
        verbose_name = _("đơn thư khiếu nại, tố cáo")
        verbose_name_plural = _("đơn thư khiếu nại, tố cáo")
        indexes = [models.Index(fields=["person", "status"], name="appt_complaint_person")]

    def __str__(self) -> str:
        return f"{self.person_id} ({self.received_on})"


class Acquaintance(models.Model):
    """A declared close acquaintance between two persons (PC-21)."""

    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    other = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    declared_by = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    source = models.CharField(_("nguồn thông tin"), max_length=255, blank=True)
    declared_on = models.DateField(_("ngày kê khai"))

    class Meta:
        verbose_name = _("quan hệ quen biết thân thiết")
        verbose_name_plural = _("quan hệ quen biết thân thiết")
        indexes = [models.Index(fields=["person"], name="appt_acq_person")]

    def __str__(self) -> str:
        return f"{self.person_id} ~ {self.other_id}"


class ProcessFlag(models.Model):
    """A power-control flag raised on a process (PC-09, PC-18, AP-10)."""

    process = models.ForeignKey(AppointmentProcess, on_delete=models.CASCADE, related_name="flags")
    key = models.CharField(max_length=32)
    rule = models.CharField(max_length=16)
    message = models.TextField()
    severity = models.CharField(max_length=8, default="warn")
    raised_on = models.DateField(_("ngày phát hiện"))

    class Meta:
        verbose_name = _("dấu hiệu cần kiểm soát")
        verbose_name_plural = _("dấu hiệu cần kiểm soát")
        constraints = [models.UniqueConstraint(fields=["process", "key"], name="appt_flag_once")]

    def __str__(self) -> str:
        return f"{self.process_id}/{self.key}"
