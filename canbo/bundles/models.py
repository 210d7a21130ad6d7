"""ORM adapters of the bundle exchange between installations (no behaviour here).

``Installation`` rows are this installation (relation ``self``, exactly one) and the
installations above and below it, each with the root unit of the subtree it is registered
for; ``InstallationKey`` holds their Ed25519 public keys (this installation's private key
stays in the data folder). ``BundleReceipt`` is one imported bundle file, kept for good even
when a newer one supersedes it; ``ReceivedRecord`` is one record of an upward kind.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import choices


class Installation(models.Model):
    name = models.CharField(_("tên hệ thống"), max_length=120, unique=True)
    relation = models.CharField(_("quan hệ"), max_length=8, choices=choices.Relation.choices)
    root_unit = models.ForeignKey(
        "registry.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị gốc")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hệ thống")
        ordering = ("name",)
        constraints = [
            models.UniqueConstraint(
                fields=["relation"],
                condition=models.Q(relation="self"),
                name="bundles_one_self_installation",
            )
        ]

    def __str__(self) -> str:
        return self.name


class InstallationKey(models.Model):
    installation = models.ForeignKey(Installation, on_delete=models.PROTECT, related_name="keys")
    key_id = models.CharField(_("mã khóa"), max_length=64, unique=True)
    public_key = models.CharField(_("khóa công khai"), max_length=64)
    valid_from = models.DateTimeField(_("hiệu lực từ"))
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_reason = models.CharField(_("lý do thu hồi"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("khóa của hệ thống")
        ordering = ("installation", "valid_from")

    def __str__(self) -> str:
        return self.key_id


class BundleReceipt(models.Model):
    sha256 = models.CharField(max_length=64, unique=True)
    manifest = models.JSONField()
    sender = models.ForeignKey(Installation, on_delete=models.PROTECT, related_name="receipts")
    key_id = models.CharField(max_length=64)
    direction = models.CharField(max_length=4, choices=choices.Direction.choices)
    scope_unit = models.ForeignKey(
        "registry.OrgUnit", on_delete=models.PROTECT, null=True, related_name="+"
    )
    scope_code = models.CharField(max_length=64)
    period_start = models.DateField()
    period_end = models.DateField()
    kinds = models.CharField(max_length=255)  # sorted kind names, comma separated
    counts = models.JSONField()
    created = models.DateTimeField()
    received_at = models.DateTimeField()
    received_by = models.CharField(max_length=150, blank=True)
    status = models.CharField(max_length=12, choices=choices.ReceiptStatus.choices)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced"
    )

    class Meta:
        verbose_name = _("gói đã nhận")
        ordering = ("-received_at", "-id")
        indexes = [
            models.Index(
                fields=["sender", "scope_code", "period_start", "period_end", "kinds", "status"],
                name="bundles_receipt_series",
            )
        ]

    def __str__(self) -> str:
        return self.sha256[:12]


class ReceivedRecord(models.Model):
    # No single-column index on the two foreign keys: the composite indexes below start with
    # each of them, and a province's bundle writes 300,000 rows at once.
    receipt = models.ForeignKey(
        BundleReceipt, on_delete=models.PROTECT, related_name="records", db_index=False
    )
    kind = models.CharField(max_length=40)
    unit = models.ForeignKey(
        "registry.OrgUnit", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    key = models.CharField(max_length=200)
    payload = models.JSONField()

    class Meta:
        indexes = [
            models.Index(fields=["unit", "kind"], name="bundles_record_unit_kind"),
            models.Index(fields=["receipt", "kind"], name="bundles_record_receipt"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"
