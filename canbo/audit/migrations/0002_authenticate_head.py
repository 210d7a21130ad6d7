"""Authenticate the chain head: installation id, genesis time and a MAC under the audit key.

An existing head is sealed only if the chain it heads verifies under the old rules (hashes,
links, sequence, head matches the last entry); otherwise it stays unsealed and
``canbo audit verify`` reports it. A database without a head gets its genesis head from the
``post_migrate`` handler in ``canbo.audit.apps``.
"""

import datetime as dt
import uuid

from django.db import migrations, models


def seal_existing_head(apps, schema_editor):
    from canbo.core.audit_chain import AuditRecord, ChainHead, seal_head, verify_chain
    from canbo.settings.keys import audit_key

    AuditHead = apps.get_model("audit", "AuditHead")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        return
    first = AuditEntry.objects.order_by("pk").first()
    created = first.at if first is not None else dt.datetime.now(dt.UTC)
    fields = list(AuditRecord.__slots__)
    records = (
        AuditRecord(**dict(zip(fields, row, strict=True)))
        for row in AuditEntry.objects.order_by("pk").values_list(*fields).iterator()
    )
    key = audit_key()
    candidate = seal_head(
        key, ChainHead(uuid.uuid4().hex, created, head.last_seq, head.last_hash)
    )
    head.installation_id = candidate.installation_id
    head.created_at = candidate.created_at
    if verify_chain(key, records, candidate) is None:
        head.mac = candidate.mac
    head.save()


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial_audit")]

    operations = [
        migrations.AddField(
            model_name="audithead",
            name="installation_id",
            field=models.CharField(default="", max_length=32),
        ),
        migrations.AddField(
            model_name="audithead",
            name="created_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.AddField(
            model_name="audithead",
            name="mac",
            field=models.CharField(default="", max_length=64),
        ),
        migrations.RunPython(seal_existing_head, migrations.RunPython.noop),
    ]
