"""ORM adapters of conferences (hội nghị): agenda, persons convened, bridge sites, check-in.

A check-in is attendance only. It never records a voter code or anything that could identify
a ballot (docs/voting.md).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.registry.models import OrgUnit, Person

from . import choices


class Conference(models.Model):
    """A conference of the body that votes, held by a unit on one day (QĐ 96, CV-07)."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("tên hội nghị"), max_length=255)
    body = models.CharField(_("hệ thống"), max_length=32, choices=choices.Body.choices)
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa danh"), max_length=128, blank=True)
    current_item = models.PositiveSmallIntegerField(_("nội dung đang thực hiện"), default=1)

    class Meta:
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")

    def __str__(self) -> str:
        return self.title


class AgendaItem(models.Model):
    """One item of the agenda (chương trình hội nghị), numbered from 1."""

    conference = models.ForeignKey(Conference, on_delete=models.PROTECT, related_name="items")
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("nội dung"), max_length=255)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "position"], name="agenda_position")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class Site(models.Model):
    """A bridge site (điểm cầu) of an online conference, with its own check-in."""

    conference = models.ForeignKey(Conference, on_delete=models.PROTECT, related_name="sites")
    name = models.CharField(_("tên điểm cầu"), max_length=128)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conference", "name"], name="site_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Convocation(models.Model):
    """A person convened (triệu tập). ``qr_token`` is printed on the invitation for check-in."""

    conference = models.ForeignKey(
        Conference, on_delete=models.PROTECT, related_name="convocations"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    excused = models.BooleanField(_("vắng có lý do"), default=False)
    qr_token = models.CharField(max_length=32, unique=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conference", "person"], name="convocation_unique")
        ]

    def __str__(self) -> str:
        return str(self.person_id)


class CheckIn(models.Model):
    """Presence of a convened person at one site. No time is stored: presence is all the
    minutes need, and a time here could be matched against other records."""

    convocation = models.OneToOneField(
        Convocation, on_delete=models.PROTECT, related_name="check_in"
    )
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="check_ins")
    method = models.CharField(max_length=8, choices=choices.CheckInMethod.choices)

    def __str__(self) -> str:
        return str(self.convocation_id)
