"""The stored audit chain against a database administrator without the key (SQLite and
PostgreSQL): alteration, deletion, insertion, reordering, truncation with the head copied,
wiping, resealing with another key, rollback past an anchor and forged anchors."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from canbo.audit.log import (
    AuditChainTampered,
    DjangoAuditLog,
    current_head,
    take_anchor,
    verify,
)
from canbo.audit.models import AuditEntry, AuditHead
from canbo.core.audit_chain import (
    AuditRecord,
    advance_head,
    genesis_head,
    seal,
    sign_anchor,
)
from canbo.services.ports import SYSTEM
from canbo.settings.keys import audit_key
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

NOW = dt.datetime(2026, 12, 6, 9, 0, tzinfo=dt.UTC)
OTHER_KEY = b"the-administrator-chose-this-key-0123"


def write(n: int) -> None:
    log = DjangoAuditLog()
    for i in range(n):
        log.append(SYSTEM, "test.write", "thing", str(i), None, {"i": i})


def head_values() -> tuple[int, str, str]:
    row = AuditHead.objects.get(pk=1)
    return row.last_seq, row.last_hash, row.mac


def copy_last_entry_into_head() -> None:
    last = AuditEntry.objects.order_by("-seq").first()
    seq, hash_ = (last.seq, last.entry_hash) if last else (0, "0" * 64)
    AuditHead.objects.filter(pk=1).update(last_seq=seq, last_hash=hash_)


def test_a_migrated_database_has_an_authenticated_genesis_and_verifies_empty() -> None:
    head = current_head()
    assert head is not None and head.last_seq == 0 and len(head.installation_id) == 32
    assert verify() is None


def test_writes_through_a_service_keep_the_chain_and_head_intact() -> None:
    f.small_tree()
    head = current_head()
    assert head is not None and head.last_seq == AuditEntry.objects.count() > 0
    assert verify() is None


def test_an_altered_entry_is_named() -> None:
    write(4)
    AuditEntry.objects.filter(seq=2).update(object_id="999")
    problem = verify()
    assert problem is not None and problem.seq == 2


def test_a_deleted_entry_is_named() -> None:
    write(4)
    AuditEntry.objects.filter(seq=2).delete()
    problem = verify()
    assert problem is not None and problem.seq == 3


def test_an_inserted_entry_is_named() -> None:
    write(3)
    third = AuditEntry.objects.get(seq=3)
    AuditEntry.objects.create(
        **{
            **{n: getattr(third, n) for n in AuditRecord.__slots__},
            "seq": 4,
            "object_id": "forged",
            "prev_hash": third.entry_hash,
            "entry_hash": "ab" * 32,
        }
    )
    problem = verify()
    assert problem is not None and problem.seq == 4 and "hash" in problem.problem


def test_reordered_entries_are_named() -> None:
    write(4)
    AuditEntry.objects.filter(seq=2).update(seq=-2)
    AuditEntry.objects.filter(seq=3).update(seq=2)
    AuditEntry.objects.filter(seq=-2).update(seq=3)
    problem = verify()
    assert problem is not None and problem.seq in {2, 3}


def test_truncation_with_the_new_last_entry_copied_into_the_head_fails() -> None:
    write(5)
    AuditEntry.objects.filter(seq__gt=3).delete()
    copy_last_entry_into_head()
    problem = verify()
    assert problem is not None and "not authentic" in problem.problem


def test_a_cut_head_refuses_the_next_write_so_it_cannot_be_resealed() -> None:
    write(5)
    AuditEntry.objects.filter(seq__gt=3).delete()
    copy_last_entry_into_head()
    with pytest.raises(AuditChainTampered):
        write(1)
    assert AuditEntry.objects.count() == 3
    assert verify() is not None


def test_wiping_both_tables_fails_and_refuses_writes() -> None:
    write(3)
    AuditEntry.objects.all().delete()
    AuditHead.objects.all().delete()
    problem = verify()
    assert problem is not None and "wiped" in problem.problem
    with pytest.raises(AuditChainTampered):
        write(1)


def test_wiping_the_entries_and_resetting_the_head_to_zero_fails() -> None:
    write(3)
    AuditEntry.objects.all().delete()
    copy_last_entry_into_head()
    assert verify() is not None


def test_a_chain_resealed_with_another_key_fails() -> None:
    write(3)
    AuditEntry.objects.filter(seq=2).update(object_id="999")
    head = current_head()
    assert head is not None
    forged = genesis_head(OTHER_KEY, head.installation_id, head.created_at)
    for entry in AuditEntry.objects.order_by("seq"):
        fields = {n: getattr(entry, n) for n in AuditRecord.__slots__ if n != "entry_hash"}
        record = seal(OTHER_KEY, AuditRecord(**{**fields, "prev_hash": forged.last_hash}))
        AuditEntry.objects.filter(pk=entry.pk).update(
            prev_hash=record.prev_hash, entry_hash=record.entry_hash
        )
        forged = advance_head(OTHER_KEY, forged, record)
    AuditHead.objects.filter(pk=1).update(
        last_seq=forged.last_seq, last_hash=forged.last_hash, mac=forged.mac
    )
    with override_settings(CANBO_AUDIT_KEY=OTHER_KEY):
        assert verify() is None  # consistent under the attacker's key ...
    problem = verify()
    assert problem is not None and "not authentic" in problem.problem  # ... not under ours


def test_a_rollback_to_an_older_authentic_head_is_caught_by_an_anchor() -> None:
    write(3)
    old_head = head_values()  # e.g. read back from the SQLite WAL or a dead PostgreSQL tuple
    write(3)
    anchor = take_anchor(NOW)
    AuditEntry.objects.filter(seq__gt=3).delete()
    seq, hash_, mac = old_head
    AuditHead.objects.filter(pk=1).update(last_seq=seq, last_hash=hash_, mac=mac)
    assert verify() is None  # what a MAC alone cannot see
    problem = verify([anchor])
    assert problem is not None and problem.seq == 6 and "truncated" in problem.problem


def test_wiping_and_remigrating_is_caught_by_an_anchor_of_the_old_installation() -> None:
    write(2)
    anchor = take_anchor(NOW)
    AuditEntry.objects.all().delete()
    AuditHead.objects.all().delete()
    call_command("migrate", verbosity=0)  # post_migrate makes a fresh genesis head
    assert verify() is None
    problem = verify([anchor])
    assert problem is not None and "restarted" in problem.problem


def test_an_anchor_verifies_as_the_chain_grows_past_it() -> None:
    write(2)
    anchors = [take_anchor(NOW)]
    write(2)
    anchors.append(take_anchor(NOW))
    write(1)
    assert verify(anchors) is None


@pytest.mark.parametrize("field", ["seq", "entry_hash", "signature"])
def test_a_forged_anchor_fails(field: str) -> None:
    write(3)
    anchor = take_anchor(NOW)
    value = {"seq": 9, "entry_hash": "ab" * 32, "signature": "cd" * 32}[field]
    problem = verify([dataclasses.replace(anchor, **{field: value})])
    assert problem is not None and "anchor signature invalid" in problem.problem


def test_an_anchor_signed_with_another_key_fails() -> None:
    write(2)
    head = current_head()
    assert head is not None
    problem = verify([sign_anchor(OTHER_KEY, head, NOW)])
    assert problem is not None and "forged" in problem.problem


def test_no_anchor_is_signed_for_a_broken_chain() -> None:
    write(3)
    AuditEntry.objects.filter(seq=1).update(actor_label="ai đó")
    with pytest.raises(AuditChainTampered):
        take_anchor(NOW)


def test_the_key_is_the_one_from_the_settings_module_not_the_database() -> None:
    write(1)
    assert verify() is None
    with override_settings(CANBO_AUDIT_KEY=OTHER_KEY):
        assert audit_key() == OTHER_KEY
        assert verify() is not None
    assert connection.vendor in {"sqlite", "postgresql"}


def _upgrade_from_unauthenticated_head(tamper: bool) -> None:
    """Write entries, roll the audit app back to its first schema (head without MAC), tamper
    or not, and migrate forward again, as an installation made before the MAC upgrades."""
    from django.db.migrations.executor import MigrationExecutor

    write(3)
    executor = MigrationExecutor(connection)
    executor.migrate([("audit", "0001_initial_audit")])
    if tamper:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditentry WHERE seq = 3")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_upgrading_seals_the_head_of_an_intact_chain() -> None:
    _upgrade_from_unauthenticated_head(tamper=False)
    head = current_head()
    assert head is not None and head.mac and head.last_seq == 3
    assert verify() is None


def test_upgrading_leaves_the_head_of_a_cut_chain_unsealed_and_reported() -> None:
    _upgrade_from_unauthenticated_head(tamper=True)
    head = current_head()
    assert head is not None and head.mac == ""
    problem = verify()
    assert problem is not None and "not authentic" in problem.problem
