"""ORM adapters of Party congresses (đại hội): the congress on its conference, the convening
committee, the roll, the people not convened, the working bodies and the subtractions from the
base. Rules live in the core and the services; these are tables."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.conferences.models import Conference
from canbo.registry.models import OrgUnit, Person

from . import choices


class Congress(models.Model):
    """A congress of a Party organization for a term (QĐ 190-QĐ/TW), held on a conference."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("tên đại hội"), max_length=255)
    term_label = models.CharField(_("nhiệm kỳ"), max_length=32)
    kind = models.CharField(_("hình thức"), max_length=16, choices=choices.CongressKind.choices)
    opens_on = models.DateField(_("ngày khai mạc"))
    closes_on = models.DateField(_("ngày bế mạc"))
    place = models.CharField(_("địa điểm"), max_length=128, blank=True)
    rulebook_id = models.CharField(_("quy chế bầu cử"), max_length=32)
    parameters = models.JSONField(_("tham số"), default=dict, blank=True)
    conference = models.OneToOneField(Conference, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=choices.CongressStatus.choices,
        default=choices.CongressStatus.PREPARING,
    )

    class Meta:
        verbose_name = _("đại hội")
        verbose_name_plural = _("đại hội")
        indexes = [
            models.Index(fields=["-opens_on", "-id"], name="congress_opens"),
            # The overview counts congresses by status and kind: read from this index alone,
            # not by scanning every congress of the country.
            models.Index(fields=["status", "kind"], name="congress_status_kind"),
        ]

    def __str__(self) -> str:
        return self.title


class CongressScope(models.Model):
    """The congress's unit and each of its ancestors on the opening date: the higher
    committees' overview finds a subtree's congresses by one indexed lookup."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="scope")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "congress"], name="congress_scope_unique")
        ]

    def __str__(self) -> str:
        return f"{self.congress_id}@{self.unit_id}"


class ConveningMember(models.Model):
    """A member of the convening committee (cấp ủy triệu tập), by name."""

    congress = models.ForeignKey(Congress, on_delete=models.PROTECT, related_name="convening")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["congress", "person"], name="convening_unique")
        ]

    def __str__(self) -> str:
        return str(self.person_id)


class RollEntry(models.Model):
    """A person on the roll, with the role, official membership and delegate status (EL-05)."""

    congress = models.ForeignKey(Congress, on_delete=models.PROTECT, related_name="roll")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("tư cách"), max_length=24, choices=choices.RollRole.choices)
    official_member = models.BooleanField(_("đảng viên chính thức"), default=True)
    status = models.CharField(
        _("tư cách đại biểu"),
        max_length=24,
        choices=choices.DelegateStatus.choices,
        default=choices.DelegateStatus.OFFICIAL,
    )
    seated_for = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["congress", "person"], name="roll_unique")]

    def __str__(self) -> str:
        return str(self.person_id)


class NotConvened(models.Model):
    """A person not convened at all, with the reason and the date of the fact (EL-35)."""

    congress = models.ForeignKey(Congress, on_delete=models.PROTECT, related_name="not_convened")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("lý do"), max_length=24, choices=choices.NotConvenedReason.choices)
    fact_date = models.DateField(_("ngày phát sinh"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["congress", "person"], name="not_convened_unique")
        ]

    def __str__(self) -> str:
        return str(self.person_id)


class BodyApproval(models.Model):
    """A working body approved by show of hands, with the counts (EL-04)."""

    congress = models.ForeignKey(Congress, on_delete=models.PROTECT, related_name="bodies")
    body = models.CharField(_("cơ quan"), max_length=16, choices=choices.WorkingBody.choices)
    votes_for = models.PositiveIntegerField(_("tán thành"))
    votes_against = models.PositiveIntegerField(_("không tán thành"))
    abstained = models.PositiveIntegerField(_("không biểu quyết"))
    attending = models.PositiveIntegerField(_("có mặt"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["congress", "body"], name="body_unique")]

    def __str__(self) -> str:
        return self.body


class BodyMember(models.Model):
    """A member of a working body, chosen by name among those present (EL-06)."""

    approval = models.ForeignKey(BodyApproval, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    is_head = models.BooleanField(_("trưởng ban"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["approval", "person"], name="body_member_unique")
        ]

    def __str__(self) -> str:
        return str(self.person_id)


class BaseSubtraction(models.Model):
    """A person out of the base of the majority test, with the reason (EL-19, EL-20)."""

    congress = models.ForeignKey(Congress, on_delete=models.PROTECT, related_name="subtractions")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("lý do"), max_length=24, choices=choices.Subtraction.choices)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["congress", "person"], name="subtraction_once")
        ]

    def __str__(self) -> str:
        return str(self.person_id)
