"""A full confidence vote through the ``canbo vote`` CLI: convene, check in at two sites,
quorum refused then met, electronic and paper ballots, count, sign, publish, minutes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .voting_cli import canbo, fresh_database, out, prepare

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def database() -> Iterator[None]:
    with fresh_database():
        yield


def test_a_confidence_vote_runs_through_the_command_line(tmp_path: Path) -> None:
    d = tmp_path
    fx = prepare(d)
    p = fx["persons"]
    cid = out(
        d,
        "vote",
        "conference-create",
        "--unit",
        fx["unit"],
        "--title",
        "Hội nghị Ban Chấp hành Đảng bộ xã Yên Minh",
        "--date",
        "2026-11-20",
        "--place",
        "Yên Minh",
    )["conference"]
    sites = [
        out(d, "vote", "site-add", "--conference", str(cid), "--name", n)["site"]
        for n in ("Hội trường", "Điểm cầu thôn Na Pô")
    ]
    out(d, "vote", "convene", "--conference", str(cid), *p)
    sid = out(
        d,
        "vote",
        "session-create",
        "--conference",
        str(cid),
        "--title",
        "Lấy phiếu tín nhiệm 2026",
        "--subject",
        f"{p[0]}=Bí thư Đảng ủy",
        "--subject",
        f"{p[1]}=Chủ tịch UBND xã",
        "--counter",
        "kp1",
        "--counter",
        "kp2",
        "--dossier-sent",
        "2026-11-01",
        "--questions-sent",
        "2026-11-05",
    )["session"]
    assert out(d, "vote", "ready", "--session", str(sid))["status"] == "ready"
    key = out(d, "vote", "--as", "kp1", "key", "--session", str(sid))
    shares = [s["share"] for s in key["shares"]]
    assert [s["member"] for s in key["shares"]] == ["kp1", "kp2"] and key["threshold"] == 2
    codes = []
    for i, person in enumerate(p[:5]):
        r = out(d, "vote", "checkin", "--site", str(sites[i % 2]), "--person", person)
        codes += [c["code"] for c in r["codes"]]
    refused = canbo(d, "vote", "open", "--session", str(sid), check=2)
    assert "quorum_not_met" in refused.stderr and "2/3" in refused.stderr
    codes += [
        c["code"]
        for c in out(d, "vote", "checkin", "--site", str(sites[1]), "--person", p[5])["codes"]
    ]
    out(d, "vote", "checkin", "--site", str(sites[1]), "--person", p[6], "--paper")
    assert out(d, "vote", "open", "--session", str(sid))["status"] == "open"
    receipts = [
        out(
            d,
            "vote",
            "cast",
            "--session",
            str(sid),
            "--code",
            c,
            "--mark",
            f"{p[0]}=high",
            "--mark",
            f"{p[1]}=low",
        )["receipt"]
        for c in codes
    ]
    reused = canbo(
        d,
        "vote",
        "cast",
        "--session",
        str(sid),
        "--code",
        codes[0],
        "--mark",
        f"{p[0]}=low",
        "--mark",
        f"{p[1]}=low",
        check=2,
    )
    assert "code_already_used" in reused.stderr
    out(d, "vote", "--as", "kp1", "close", "--session", str(sid))
    for op, user in ((1, "kp1"), (2, "kp2")):
        r = out(
            d,
            "vote",
            "--as",
            user,
            "paper",
            "--session",
            str(sid),
            "--operator",
            str(op),
            "--serial",
            "1",
            "--line",
            f"{p[0]}=mid",
            "--line",
            f"{p[1]}=low",
        )
    assert r["agreed"] is True and r["discrepancies"] == []
    one = canbo(
        d, "vote", "--as", "kp1", "count", "--session", str(sid), "--share", shares[0], check=2
    )
    assert "key_shares_too_few" in one.stderr
    (d / "shares.txt").write_text("\n".join(shares), encoding="utf-8")
    counted = out(
        d,
        "vote",
        "--as",
        "kp1",
        "count",
        "--session",
        str(sid),
        "--shares-file",
        str(d / "shares.txt"),
    )
    assert counted["status"] == "counted"
    out(d, "vote", "--as", "kp1", "sign", "--session", str(sid))
    assert out(d, "vote", "--as", "kp2", "sign", "--session", str(sid))["status"] == "certified"
    assert out(d, "vote", "--as", "kp1", "publish", "--session", str(sid))["status"] == "published"
    results = out(d, "vote", "results", "--session", str(sid))
    low = {x["full_name"]: (x["low"], x["band"]) for x in results["persons"]}
    assert low == {"Nguyễn Thị Hoa": (0, "none"), "Trần Văn Bình": (7, "C")}
    assert results["figures"]["collected"] == 7 == len(receipts) + 1
    pdf, xlsx = d / "bien-ban.pdf", d / "ket-qua.xlsx"
    out(d, "vote", "minutes", "--session", str(sid), "--out", str(pdf), "--xlsx", str(xlsx))
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
