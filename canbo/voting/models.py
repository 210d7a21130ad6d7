"""ORM adapters of vote sessions, spent codes, sealed and opened ballots, paper entry, results.

Secrecy by construction (docs/voting.md, docs/security.md): voter codes are never stored; a
code carries its own keyed tag, and only a *spent* code leaves a row (:class:`SpentCode`: a
keyed hash, written when the ballot is cast). While the vote runs a ballot exists only as a
:class:`SealedBallot`, encrypted to the counting committee's public key; the private key is
never stored. At counting the committee's key shares open the sealed ballots, which are
shuffled and stored as :class:`Ballot` rows (random id, receipt, marks) and the sealed rows are
discarded. :class:`Participation` records that a convened person *received* a code or a paper
ballot (attendance), never that they voted.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.conferences.models import Conference, Convocation
from canbo.registry.models import Person

from . import choices


class VoteSession(models.Model):
    """One vote (lấy phiếu tín nhiệm) at a conference, with the rulebook it is judged under."""

    conference = models.ForeignKey(Conference, on_delete=models.PROTECT, related_name="votes")
    title = models.CharField(_("tên cuộc lấy phiếu"), max_length=255)
    rulebook_id = models.CharField(_("văn bản áp dụng"), max_length=32)
    parameters = models.JSONField(_("tham số"), default=dict)
    status = models.CharField(
        max_length=16, choices=choices.Status.choices, default=choices.Status.DRAFT
    )
    paper_mode = models.CharField(
        _("cách nhập phiếu giấy"),
        max_length=16,
        choices=choices.PaperMode.choices,
        default=choices.PaperMode.PER_BALLOT,
    )
    dossier_sent_on = models.DateField(_("ngày gửi hồ sơ cho người bỏ phiếu"), null=True)
    questions_sent_on = models.DateField(_("ngày gửi câu hỏi cho người được lấy phiếu"), null=True)
    members_in_office = models.PositiveIntegerField(_("tổng số đại biểu"), null=True)
    opened_present = models.PositiveIntegerField(null=True)
    opened_base = models.PositiveIntegerField(null=True)
    ballot_key = models.CharField(_("khóa công khai của ban kiểm phiếu"), max_length=64, blank=True)
    key_threshold = models.PositiveSmallIntegerField(null=True)
    key_shares = models.PositiveSmallIntegerField(null=True)
    slips_printed = models.PositiveIntegerField(_("số phiếu mã đã in"), default=0)
    codes_issued = models.PositiveIntegerField(_("số đại biểu đã nhận mã"), default=0)
    guessing_alerts = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("cuộc lấy phiếu")
        verbose_name_plural = _("cuộc lấy phiếu")

    def __str__(self) -> str:
        return self.title


class VoteSubject(models.Model):
    """A person voted on, printed on the ballot with the post(s) held (CV-12)."""

    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="subjects")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    position = models.CharField(_("chức vụ"), max_length=255)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="subject_unique")]

    def __str__(self) -> str:
        return self.position


class CountingMember(models.Model):
    """A member of the counting committee (ban kiểm phiếu), chosen by name from the registry;
    the account is set only for a member who acts in the system (the key, a share, signing)."""

    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="counters")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    is_head = models.BooleanField(_("trưởng ban"), default=False)
    # The registry person the member is: the minutes print this person's full name, never the
    # login name of the account that signs the count in the system.
    person = models.ForeignKey(
        "registry.Person",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("người"),
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="counter_unique")]

    def __str__(self) -> str:
        return str(self.user_id)


class SpentCode(models.Model):
    """A voter code that has cast its ballot: a keyed hash only, written by the cast.

    Random id, no person, no time. Codes that were issued but not used leave no row at all,
    so the table says nothing about who received which code or who did not vote.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="+")
    code_hash = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return str(self.id)


class SealedBallot(models.Model):
    """A ballot as cast: sealed to the counting committee's public key (X25519 sealed box).

    The receipt and the marks are inside the box; the row holds nothing in clear but the
    session. Opened, shuffled and discarded at counting (:class:`Ballot` holds the result).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="+")
    box = models.BinaryField()

    def __str__(self) -> str:
        return str(self.id)


class Participation(models.Model):
    """A convened person received a voter code or a paper ballot (attendance, not a vote)."""

    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="+")
    convocation = models.ForeignKey(Convocation, on_delete=models.PROTECT, related_name="+")
    medium = models.CharField(max_length=16, choices=choices.Medium.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "convocation"], name="participation_unique")
        ]

    def __str__(self) -> str:
        return self.medium


class Ballot(models.Model):
    """An opened electronic ballot: random id, random receipt, marks. No voter, no code, no time.

    Written only at counting, in one transaction, in a random order: neither the row order
    nor the ids follow the order in which the sealed ballots were cast.

    ``marks`` holds one character per person on the ballot in ascending person id order
    (``H`` high, ``M`` mid, ``L`` low, ``-`` no level): compact to write and counted column
    by column (:func:`canbo.core.ballots.tally.tally_confidence_marks`).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="+")
    receipt = models.CharField(max_length=16, db_index=True)
    marks = models.TextField()

    def __str__(self) -> str:
        return self.receipt


class PaperEntry(models.Model):
    """One operator's independent reading of one paper ballot (double entry)."""

    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="+")
    serial = models.PositiveIntegerField(_("số thứ tự phiếu"))
    operator = models.PositiveSmallIntegerField(_("người nhập"))
    reading = models.JSONField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "serial", "operator"], name="paper_entry_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.serial}/{self.operator}"


class PaperReading(models.Model):
    """The reading of a paper ballot the count uses: agreed, resolved, or a later correction."""

    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="+")
    serial = models.PositiveIntegerField()
    revision = models.PositiveIntegerField(default=1)
    reading = models.JSONField()
    source = models.CharField(max_length=16)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "serial", "revision"], name="paper_reading_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.serial} r{self.revision}"


class PaperTotals(models.Model):
    """Per-person totals of a manual paper count, one revision per result version."""

    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="+")
    revision = models.PositiveIntegerField(default=1)
    collected = models.PositiveIntegerField(_("số phiếu giấy thu về"))
    counts = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "revision"], name="paper_totals_unique")
        ]

    def __str__(self) -> str:
        return f"r{self.revision}"


class ResultVersion(models.Model):
    """A counted result; a correction is a new version with its reason (CV-22)."""

    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    reason = models.TextField(blank=True)
    data = models.JSONField()
    certified = models.BooleanField(default=False)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="result_version_unique")
        ]

    def __str__(self) -> str:
        return f"v{self.number}"


class ResultLine(models.Model):
    """One person's line of a result version, for the person's history of results (CV-20)."""

    version = models.ForeignKey(ResultVersion, on_delete=models.PROTECT, related_name="lines")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    position = models.CharField(max_length=255)
    high = models.PositiveIntegerField()
    mid = models.PositiveIntegerField()
    low = models.PositiveIntegerField()
    invalid = models.PositiveIntegerField()
    band = models.CharField(max_length=8)

    def __str__(self) -> str:
        return self.band


class Signoff(models.Model):
    """A counting committee member signed a result version (EL-07: the committee signs)."""

    version = models.ForeignKey(ResultVersion, on_delete=models.PROTECT, related_name="signoffs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "user"], name="signoff_unique")]

    def __str__(self) -> str:
        return str(self.user_id)


class PrintRun(models.Model):
    """A print (or reprint) of a session's paper ballots: the layout, its fingerprint, the
    count, the paper, who and when. Never a serial per voter (docs/voting.md)."""

    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="+")
    layout = models.JSONField()
    fingerprint = models.CharField(max_length=64)
    persons = models.JSONField()  # the person of each printed line, in row order
    copies = models.PositiveIntegerField(_("số phiếu in"))
    paper = models.CharField(_("khổ giấy"), max_length=4)
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    printed_at = models.DateTimeField(auto_now_add=True)
    reprint_of = models.ForeignKey("self", on_delete=models.PROTECT, null=True, related_name="+")

    def __str__(self) -> str:
        return self.fingerprint[:12]


class ScanBatch(models.Model):
    """A batch of scans uploaded by a counting committee member."""

    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    files = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=16, default="reading")
    counts = models.JSONField(default=dict)

    def __str__(self) -> str:
        return str(self.pk)


class ScannedSheet(models.Model):
    """One scanned page as read: status, reason, marks; the image under the data folder."""

    batch = models.ForeignKey(ScanBatch, on_delete=models.PROTECT, related_name="sheets")
    file = models.CharField(max_length=255)
    page = models.PositiveIntegerField(null=True)
    serial = models.CharField(max_length=32, blank=True, db_index=True)
    layout_page = models.PositiveIntegerField(null=True)
    status = models.CharField(max_length=16)
    reason = models.CharField(max_length=32, blank=True)
    marks = models.JSONField(default=list)
    review = models.JSONField(default=list)
    image = models.CharField(max_length=500, blank=True)

    def __str__(self) -> str:
        return f"{self.file}#{self.page}"


class Adjudication(models.Model):
    """The counting committee's value for one line of a scanned ballot: a line in review, or
    a line the machine and the second reading read differently (stage)."""

    sheet = models.ForeignKey(ScannedSheet, on_delete=models.PROTECT, related_name="decisions")
    stage = models.CharField(max_length=16)
    order = models.PositiveIntegerField()
    value = models.CharField(max_length=16)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sheet", "stage", "order"], name="adjudication_unique")
        ]

    def __str__(self) -> str:
        return f"{self.stage} {self.order}"


class SecondReading(models.Model):
    """An independent reading of a paper ballot, typed by the serial printed on it."""

    session = models.ForeignKey(VoteSession, on_delete=models.PROTECT, related_name="+")
    serial = models.CharField(max_length=32)
    lines = models.JSONField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "serial"], name="second_reading_unique")
        ]

    def __str__(self) -> str:
        return self.serial
