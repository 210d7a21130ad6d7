"""Audit log storage. Rows are append-only; the admin exposes them read-only."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One audited write: who, what, which object, digests of before/after, when; chained."""

    seq = models.BigIntegerField(unique=True)
    at = models.DateTimeField(_("thời điểm"))
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_label = models.CharField(_("người thực hiện"), max_length=150)
    action = models.CharField(_("hành động"), max_length=64, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=64)
    object_id = models.CharField(_("đối tượng"), max_length=64)
    before_digest = models.CharField(max_length=64, blank=True)
    after_digest = models.CharField(max_length=64, blank=True)
    details = models.TextField(blank=True)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("nhật ký kiểm toán")
        verbose_name_plural = _("nhật ký kiểm toán")
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class AuditHead(models.Model):
    """Single row (id=1): the installation id, the genesis time, the newest sequence and hash,
    and a MAC over them under the audit key; locked while appending.

    Created with its genesis MAC when the database is migrated (``canbo.audit.apps``), so an
    installation without an authenticated head has had its audit tables wiped.
    """

    installation_id = models.CharField(max_length=32, default="")
    created_at = models.DateTimeField(null=True)
    last_seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)
    mac = models.CharField(max_length=64, default="")

    def __str__(self) -> str:
        return f"head #{self.last_seq}"
