"""The pure audit chain: every way of cutting, editing or resealing it is named by verify_chain."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.audit_chain import (
    ANCHOR_BEGIN,
    AnchorFormatError,
    AuditRecord,
    ChainHead,
    advance_head,
    format_anchor,
    genesis_head,
    parse_anchors,
    seal,
    seal_head,
    sign_anchor,
    verify_chain,
)

KEY = b"k" * 32
OTHER_KEY = b"attacker-chosen-key-0123456789ab"
T0 = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
INSTALLATION = "5f0c" * 8


def build(
    n: int, key: bytes = KEY, installation: str = INSTALLATION
) -> tuple[list[AuditRecord], ChainHead]:
    head = genesis_head(key, installation, T0)
    records: list[AuditRecord] = []
    for i in range(1, n + 1):
        record = seal(
            key,
            AuditRecord(
                seq=i,
                at=T0 + dt.timedelta(minutes=i),
                actor_id=7,
                actor_label="Nguyễn Thị Thu Hà",
                action="person.create",
                object_type="person",
                object_id=str(100 + i),
                before_digest="",
                after_digest=f"{i:064x}",
                details="",
                prev_hash=head.last_hash,
            ),
        )
        records.append(record)
        head = advance_head(key, head, record)
    return records, head


def copied_head(records: list[AuditRecord], head: ChainHead) -> ChainHead:
    """What a database administrator can do without the key: copy the new last (seq, hash)
    into the head row, keeping its old MAC."""
    last = records[-1] if records else None
    return dataclasses.replace(
        head, last_seq=last.seq if last else 0, last_hash=last.entry_hash if last else "0" * 64
    )


def resealed(
    records: list[AuditRecord], key: bytes, head: ChainHead
) -> tuple[list[AuditRecord], ChainHead]:
    """Recompute every hash and the head with ``key`` (the attacker's own key)."""
    out: list[AuditRecord] = []
    new_head = genesis_head(key, head.installation_id, head.created_at)
    for r in records:
        r2 = seal(key, dataclasses.replace(r, prev_hash=new_head.last_hash, entry_hash=""))
        out.append(r2)
        new_head = advance_head(key, new_head, r2)
    return out, new_head


def test_an_intact_chain_and_an_empty_genesis_chain_verify() -> None:
    records, head = build(5)
    assert verify_chain(KEY, records, head) is None
    assert verify_chain(KEY, [], genesis_head(KEY, INSTALLATION, T0)) is None


def test_an_altered_entry_is_named() -> None:
    records, head = build(5)
    records[2] = dataclasses.replace(records[2], actor_label="ai đó")
    problem = verify_chain(KEY, records, head)
    assert problem is not None and problem.seq == 3 and "hash" in problem.problem


def test_a_deleted_entry_in_the_middle_is_named() -> None:
    records, head = build(5)
    del records[1]
    problem = verify_chain(KEY, records, head)
    assert problem is not None and problem.seq == 3


def test_an_inserted_entry_is_named() -> None:
    records, head = build(5)
    forged = dataclasses.replace(records[1], object_id="999")
    records.insert(2, forged)
    problem = verify_chain(KEY, records, head)
    assert problem is not None and problem.seq == 2


def test_reordered_entries_are_named() -> None:
    records, head = build(5)
    records[1], records[2] = records[2], records[1]
    problem = verify_chain(KEY, records, head)
    assert problem is not None and problem.seq == 3


def test_truncation_with_the_new_last_entry_copied_into_the_head_is_caught() -> None:
    records, head = build(6)
    cut = records[:4]
    problem = verify_chain(KEY, cut, copied_head(cut, head))
    assert problem is not None and "head record is not authentic" in problem.problem


def test_wiping_both_tables_is_caught() -> None:
    assert verify_chain(KEY, [], None) is not None
    _, head = build(3)
    problem = verify_chain(KEY, [], copied_head([], head))
    assert problem is not None and "not authentic" in problem.problem


def test_a_chain_resealed_with_another_key_is_caught_at_the_head_and_first_entry() -> None:
    records, head = build(4)
    records[1] = dataclasses.replace(records[1], actor_label="ai đó")
    forged_records, forged_head = resealed(records, OTHER_KEY, head)
    assert verify_chain(OTHER_KEY, forged_records, forged_head) is None  # self-consistent
    problem = verify_chain(KEY, forged_records, forged_head)
    assert problem is not None and "not authentic" in problem.problem
    # even with the genuine head kept, the first resealed entry fails
    problem = verify_chain(KEY, forged_records, head)
    assert problem is not None and problem.seq == 1


def test_a_rollback_to_an_older_authentic_head_is_caught_only_past_an_anchor() -> None:
    records, head = build(6)
    anchor = sign_anchor(KEY, head, T0 + dt.timedelta(days=1))
    _, old_head = build(4)  # the head as it was at entry 4 (kept from a backup or the WAL)
    assert verify_chain(KEY, records[:4], old_head) is None  # the limit of a MAC alone
    problem = verify_chain(KEY, records[:4], old_head, [anchor])
    assert problem is not None and problem.seq == 6 and "truncated" in problem.problem


def test_wiping_and_restarting_the_chain_is_caught_by_an_earlier_anchor() -> None:
    _, head = build(3)
    anchor = sign_anchor(KEY, head, T0)
    new_records, new_head = build(2, installation="a1" * 16)
    problem = verify_chain(KEY, new_records, new_head, [anchor])
    assert problem is not None and "restarted" in problem.problem
    genesis_anchor = sign_anchor(KEY, genesis_head(KEY, INSTALLATION, T0), T0)
    assert verify_chain(KEY, [], genesis_head(KEY, INSTALLATION, T0), [genesis_anchor]) is None
    assert verify_chain(KEY, new_records, new_head, [genesis_anchor]) is not None


def test_a_key_holder_rewriting_the_anchored_entry_is_caught() -> None:
    records, head = build(5)
    anchor = sign_anchor(KEY, head, T0)
    rewritten = [*records[:4], dataclasses.replace(records[4], object_id="777", entry_hash="")]
    forged_records, forged_head = resealed(rewritten, KEY, head)
    problem = verify_chain(KEY, forged_records, forged_head, [anchor])
    assert problem is not None and problem.seq == 5 and "anchored" in problem.problem


@pytest.mark.parametrize("field", ["seq", "entry_hash", "installation_id", "at", "signature"])
def test_an_altered_or_forged_anchor_is_refused(field: str) -> None:
    records, head = build(5)
    anchor = sign_anchor(KEY, head, T0)
    changed = {
        "seq": 3,
        "entry_hash": records[2].entry_hash,
        "installation_id": "b2" * 16,
        "at": T0 + dt.timedelta(seconds=1),
        "signature": "0" * 64,
    }[field]
    forged = dataclasses.replace(anchor, **{field: changed})
    problem = verify_chain(KEY, records, head, [forged])
    assert problem is not None and "anchor signature invalid" in problem.problem


def test_an_anchor_signed_with_another_key_is_refused() -> None:
    records, head = build(5)
    problem = verify_chain(KEY, records, head, [sign_anchor(OTHER_KEY, head, T0)])
    assert problem is not None and "forged" in problem.problem


def test_anchors_round_trip_through_text_pasted_into_minutes() -> None:
    records, head = build(5)
    first = sign_anchor(KEY, head, T0)
    _, older = build(2)
    second = sign_anchor(KEY, older, T0)
    minutes = (
        "BIÊN BẢN HỘI NGHỊ\nMốc nhật ký:\n"
        + "\n".join("    " + line for line in format_anchor(first).splitlines())
        + "\nThư ký ký tên\n"
        + format_anchor(second)
    )
    assert parse_anchors(minutes) == [first, second]
    assert verify_chain(KEY, records, head, parse_anchors(minutes)) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no anchor here",
        ANCHOR_BEGIN + "\nseq: 1\n",
        ANCHOR_BEGIN + "\nseq: x\n" + "-----END CANBO AUDIT ANCHOR-----",
    ],
)
def test_malformed_anchor_text_is_a_format_error(text: str) -> None:
    with pytest.raises(AnchorFormatError):
        parse_anchors(text)


def test_a_head_cannot_be_advanced_by_a_record_that_does_not_follow_it() -> None:
    records, head = build(3)
    with pytest.raises(ValueError):
        advance_head(KEY, head, records[0])
    assert seal_head(KEY, head) == head


@given(n=st.integers(1, 12), data=st.data())
def test_any_single_change_to_any_entry_is_detected(n: int, data: st.DataObject) -> None:
    records, head = build(n)
    i = data.draw(st.integers(0, n - 1))
    field = data.draw(
        st.sampled_from(
            ["actor_label", "action", "object_id", "after_digest", "details", "actor_id"]
        )
    )
    value: object = 999 if field == "actor_id" else "x"
    records[i] = dataclasses.replace(records[i], **{field: value})
    problem = verify_chain(KEY, records, head)
    assert problem is not None and problem.seq == i + 1


@given(n=st.integers(1, 12), keep=st.integers(0, 11))
def test_any_truncation_with_a_copied_head_is_detected(n: int, keep: int) -> None:
    records, head = build(n)
    cut = records[: min(keep, n - 1)]
    assert verify_chain(KEY, cut, copied_head(cut, head)) is not None
