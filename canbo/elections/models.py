"""ORM adapters of the elections held at a congress: the election, its list, its rounds (each
a vote session of the voting engine) with their computed results, and the higher committee's
approval (chuẩn y). The rules live in ``canbo.core.elections``; the use cases in
``canbo.services.elections``."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import choices


class Election(models.Model):
    """One election of a congress (QĐ 190-QĐ/TW): what it fills, the number to elect as voted
    by show of hands (EL-04) and where it stands (EL-24, EL-25, EL-29)."""

    congress = models.ForeignKey(
        "congresses.Congress", on_delete=models.PROTECT, related_name="elections"
    )
    kind = models.CharField(_("bầu"), max_length=24, choices=choices.ElectionKind.choices)
    seats = models.PositiveSmallIntegerField(_("số lượng bầu"))
    alternate_seats = models.PositiveSmallIntegerField(_("số đại biểu dự khuyết"), default=0)
    status = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=choices.ElectionStatus.choices,
        default=choices.ElectionStatus.DRAFT,
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    supplementary = models.BooleanField(_("bầu bổ sung"), default=False)
    order = models.PositiveSmallIntegerField(default=0)
    seats_for = models.PositiveIntegerField(null=True)
    seats_against = models.PositiveIntegerField(null=True)
    seats_attending = models.PositiveIntegerField(null=True)
    list_for = models.PositiveIntegerField(null=True)
    list_against = models.PositiveIntegerField(null=True)
    list_attending = models.PositiveIntegerField(null=True)
    steps = models.JSONField(default=list)
    closing_decision = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("cuộc bầu cử")
        verbose_name_plural = _("cuộc bầu cử")
        ordering = ["congress_id", "order", "id"]
        indexes = [models.Index(fields=["congress", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.congress_id})"


class Candidate(models.Model):
    """A name on an election list, how it came there (EL-10) and what happened to it."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="candidates")
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    full_name = models.CharField(_("họ và tên"), max_length=128)
    sort_key = models.CharField(max_length=400)
    source = models.CharField(_("nguồn"), max_length=16, choices=choices.CandidateSource.choices)
    agree = models.PositiveIntegerField(_("số tán thành"), null=True)
    attending = models.PositiveIntegerField(_("số có mặt"), null=True)
    proposer = models.ForeignKey(
        "registry.Person", null=True, on_delete=models.PROTECT, related_name="+"
    )
    first_time = models.BooleanField(_("tham gia lần đầu"), default=True)
    withdrawn = models.BooleanField(_("rút khỏi danh sách"), default=False)
    withdrawal_decision = models.CharField(_("quyết định của đại hội"), max_length=500, blank=True)
    opinion_votes = models.PositiveIntegerField(null=True)
    position_label = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("người trong danh sách bầu cử")
        verbose_name_plural = _("danh sách bầu cử")
        ordering = ["sort_key", "id"]

    def __str__(self) -> str:
        return self.full_name


class Round(models.Model):
    """One round of voting: a vote session, the congress decision that allowed it (EL-24,
    EL-25), the tied names it is restricted to, and the computed result (A's ``as_dict``)."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    vote_session = models.OneToOneField(
        "voting.VoteSession", on_delete=models.PROTECT, related_name="election_round"
    )
    seats = models.PositiveSmallIntegerField()
    decision = models.CharField(max_length=500, blank=True)
    restricted_to = models.JSONField(default=list)
    result = models.JSONField(null=True)
    counted_at = models.DateTimeField(null=True)
    minutes_signed_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("vòng bầu")
        verbose_name_plural = _("vòng bầu")
        ordering = ["election_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["election", "number"], name="one_round_number")
        ]

    def __str__(self) -> str:
        return f"{self.election_id}/{self.number}"


class ElectedPerson(models.Model):
    """A person elected in a round, denormalised from the result for the overview's
    aggregates (women, young, ethnic minority, first-time; one indexed query)."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="elected")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="elected")
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    congress = models.ForeignKey("congresses.Congress", on_delete=models.CASCADE, related_name="+")
    alternate = models.BooleanField(default=False)
    first_time = models.BooleanField(default=True)

    class Meta:
        indexes = [models.Index(fields=["congress", "person"])]

    def __str__(self) -> str:
        return f"{self.election_id}/{self.person_id}"


class Approval(models.Model):
    """The higher committee's approval (chuẩn y) of an election's results (EL-29)."""

    election = models.OneToOneField(Election, on_delete=models.CASCADE, related_name="approval")
    approving_unit = models.ForeignKey(
        "registry.OrgUnit", on_delete=models.PROTECT, related_name="+"
    )
    decision_number = models.CharField(_("số quyết định"), max_length=64)
    decided_on = models.DateField(_("ngày quyết định"))
    recorded_by = models.CharField(max_length=150, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chuẩn y kết quả bầu cử")
        verbose_name_plural = _("chuẩn y kết quả bầu cử")

    def __str__(self) -> str:
        return self.decision_number
