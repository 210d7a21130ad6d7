"""Paper ballots: accuracy and speed of the machine reading, on generated scans and photos.

The corpus (:mod:`canbo.paper.corpus`): ballots printed by :mod:`canbo.paper.printing` (one
serial per copy), rasterized with pypdfium2, filled with pen strokes from random ground truth
(tick, cross, filled box, light pencil, a corrected mark, several marks, blanks, stray marks;
struck-out names on the strike-out ballots), degraded as a scanner's output (rotation ≤ 5°,
noise, blur, JPEG 60–95, 150–300 dpi) or a phone photo (perspective, uneven light, vignetting,
blur, JPEG). The sheets are written to a temporary folder, then read from disk with
:func:`canbo.paper.reading.read_images`, as ``canbo paper read`` does.

- *accuracy*: a misread is a mark whose value was accepted (its sheet not refused, its order
  not in the sheet's review) and differs from the ground truth; the review rate is the share
  of sheets with anything sent to adjudication. Targets: scanner ≤ 1 misread in 10,000 marks and
  ≤ 2% of sheets to review; phone ≤ 1 misread in 1,000 marks.
- *speed*: sheets read per second on one core (OpenCV limited to one thread) for a 50-name
  confidence ballot scanned at 200 dpi, reading only (generation excluded). Target ≥ 10.
- *memory*: peak RSS of a separate process reading a batch of ``--memory-sheets`` sheets
  streamed from disk (a few hundred generated files listed over and over: the reading work is
  the same, the repeats are refused as duplicate serials after being read), with the RSS after
  each tenth of the batch, to show it does not grow.

    python bench/bench_paper.py [--scanner 400] [--phone 100] [--names 50] [--speed 100]
                                [--memory-sheets 10000] [--seed 2026] [--no-write]

Writes the "Paper ballots" section of docs/benchmarks.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- paper:start -->", "<!-- paper:end -->"

import cv2  # noqa: E402

from canbo.core.seed.vn_names import make_name  # noqa: E402
from canbo.core.types import Sex  # noqa: E402
from canbo.paper.corpus import MIXES, Profile, RowTruth, SheetTruth, write_corpus  # noqa: E402
from canbo.paper.layout import BallotKind, Layout  # noqa: E402
from canbo.paper.printing import BallotSpec, Candidate, render  # noqa: E402
from canbo.paper.reading import Mark, SheetStatus, read_images  # noqa: E402

READER = "canbo/paper/reading.py"
STRIKE_SHARE = 0.2  # the share of each corpus printed as strike-out ballots


def names(count: int, seed: int) -> list[tuple[int, str, str]]:
    rng = random.Random(seed)
    sexes = (Sex.MALE, Sex.FEMALE)
    return [
        (i, make_name(rng, sexes[i % 2]), rng.choice(("Bí thư", "Phó Bí thư", "Ủy viên")))
        for i in range(1, count + 1)
    ]


def print_ballots(
    kind: BallotKind, count: int, copies: int, seed: int
) -> tuple[bytes, Layout, list[str]]:
    """The PDF, its layout and the serials in print order (the shuffle replayed from the seed)."""
    seats = count * 2 // 3 if kind is BallotKind.STRIKE_OUT else None
    candidates = tuple(Candidate(o, n, p) for o, n, p in names(count, seed))
    spec = BallotSpec(kind, candidates, title="Bench", organization="BAN KIỂM PHIẾU", seats=seats)
    job = render(spec, copies, random.Random(seed))
    order = list(job.serials)
    random.Random(seed).shuffle(order)
    return job.pdf, job.layout, order


@dataclass
class Score:
    sheets: int = 0
    marks: int = 0
    read: int = 0
    review: int = 0
    refused: int = 0
    review_marks: int = 0
    seconds: float = 0.0
    misreads: list[dict[str, object]] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)
    review_styles: Counter[str] = field(default_factory=Counter)
    styles: Counter[str] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        for name in ("sheets", "marks", "read", "review", "refused", "review_marks", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misreads += other.misreads
        self.reasons += other.reasons
        self.review_styles += other.review_styles
        self.styles += other.styles


def score(folder: Path) -> Score:
    """Read ``folder`` (from disk, as the CLI does) and compare every accepted mark with the
    ground truth."""
    layout = Layout.from_json((folder / "layout.json").read_text("utf-8"))
    truths = [
        SheetTruth.from_dict(t) for t in json.loads((folder / "truth.json").read_text("utf-8"))
    ]
    by_file = {t.file: t for t in truths}
    result = Score()
    started = time.perf_counter()
    for sheet in read_images(layout, [folder / t.file for t in truths]):
        truth = by_file[Path(sheet.file).name]
        result.sheets += 1
        result.marks += len(truth.rows)
        result.reasons[sheet.reason] += 1
        for row in truth.rows:
            result.styles[row.style] += 1
        if sheet.status is SheetStatus.REFUSED:
            result.refused += 1
            continue
        result.read += sheet.status is SheetStatus.READ
        result.review += sheet.status is SheetStatus.REVIEW
        result.review_marks += len(sheet.review)
        values = {m.order: m for m in sheet.marks}
        for row in truth.rows:
            mark = values.get(row.order)
            if row.order in sheet.review:
                result.review_styles[row.style] += 1
            elif mark is None or mark.value != row.value:
                result.misreads.append(_misread(folder, truth, row, mark))
    result.seconds = time.perf_counter() - started
    return result


def _misread(
    folder: Path, truth: SheetTruth, row: RowTruth, mark: Mark | None
) -> dict[str, object]:
    return {
        "file": f"{folder.name}/{truth.file}",
        "dpi": truth.dpi,
        "order": row.order,
        "style": row.style,
        "truth": row.value,
        "read": None if mark is None else mark.value,
        "certainty": None if mark is None else mark.certainty,
        "strays": truth.strays,
    }


def generate(
    folder: Path,
    kind: BallotKind,
    profile: Profile,
    ballots: int,
    args: argparse.Namespace,
    **kw: object,
) -> None:
    """Print ``ballots`` copies and write every page as a sheet into ``folder`` (once: a folder
    with its truth.json is kept and read again)."""
    if (folder / "truth.json").exists() or ballots == 0:
        return
    seed = args.seed + sum(map(ord, folder.name))
    pdf, layout, serials = print_ballots(kind, args.names, ballots, seed)
    started = time.perf_counter()
    sheets = ballots * len(layout.pages)
    write_corpus(layout, pdf, folder, profile, sheets, seed, serials=serials, **kw)  # type: ignore[arg-type]
    (folder / "layout.json").write_text(layout.to_json(), "utf-8")
    took = time.perf_counter() - started
    print(f"  {folder.name}: {sheets} sheets made in {took:.0f} s", file=sys.stderr)


def corpus(profile: Profile, mix: str, ballots: int, args: argparse.Namespace) -> Score:
    """Generate (once) and read one corpus: a share of strike-out ballots, the rest confidence."""
    total = Score()
    strike = round(ballots * STRIKE_SHARE)
    for kind, copies in (
        (BallotKind.CONFIDENCE, ballots - strike),
        (BallotKind.STRIKE_OUT, strike),
    ):
        if copies == 0:
            continue
        folder = args.corpus / f"{profile}-{mix}-{kind}-{copies}"
        generate(folder, kind, profile, copies, args, mix=MIXES[mix])
        part = score(folder)
        print(
            f"  {folder.name}: read {part.sheets} in {part.seconds:.0f} s; review {part.review}, "
            f"refused {part.refused}, misreads {len(part.misreads)}",
            file=sys.stderr,
        )
        total.add(part)
    return total


def speed(args: argparse.Namespace) -> tuple[float, float, Path]:
    """Sheets per second (wall, and per CPU second) reading 200 dpi scans on one thread."""
    folder = args.corpus / f"speed-{args.speed}"
    generate(folder, BallotKind.CONFIDENCE, Profile.SCANNER, args.speed, args, dpi=200)
    layout = Layout.from_json((folder / "layout.json").read_text("utf-8"))
    files = sorted(folder.glob("*.jpg"))
    for _ in read_images(layout, files[:3]):  # warm up (imports, caches)
        pass
    wall, cpu = time.perf_counter(), time.process_time()
    read = sum(1 for _ in read_images(layout, files))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return read / wall, read / cpu, folder


def memory(folder: Path, sheets: int) -> dict[str, object]:
    """Run the streaming read of ``sheets`` sheets in a child process and collect its RSS."""
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(folder), "--memory-sheets", str(sheets)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _rss_mib(field_name: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def memory_child(folder: Path, sheets: int) -> None:
    layout = Layout.from_json((folder / "layout.json").read_text("utf-8"))
    files = sorted(p for p in folder.iterdir() if p.suffix == ".jpg")

    def cycle():  # type: ignore[no-untyped-def]
        for i in range(sheets):
            yield files[i % len(files)]

    marks: list[float] = []
    started = time.perf_counter()
    step = max(sheets // 10, 1)
    for i, _sheet in enumerate(read_images(layout, cycle()), start=1):
        if i % step == 0:
            marks.append(round(_rss_mib(), 1))
            print(f"  {i} sheets, RSS {marks[-1]} MiB", file=sys.stderr, flush=True)
    print(
        json.dumps(
            {
                "sheets": sheets,
                "files": len(files),
                "seconds": round(time.perf_counter() - started, 1),
                "rss_mib": marks,
                "peak_mib": round(_rss_mib("VmHWM"), 1),
            }
        )
    )


def _rate(part: int, whole: int) -> str:
    return f"{part / whole:.2%}" if whole else "–"


def _per(misreads: int, marks: int, per: int) -> str:
    return f"{misreads} in {marks:,} ({misreads * per / marks:.2f} per {per:,})" if marks else "–"


def _reader_version() -> str:
    """The commit of the reader measured (and whether the working copy differs from it)."""
    git = ["git", "-C", str(ROOT)]
    path = READER
    try:
        sha = subprocess.run(
            [*git, "log", "-1", "--format=%h", "--", path], capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run([*git, "diff", "--quiet", "--", path]).returncode != 0
    except OSError:
        return "unknown"
    return sha + (" with uncommitted changes" if dirty else "")


def _head(args: argparse.Namespace) -> list[str]:
    cpu = platform.processor() or platform.machine()
    return [
        "## Paper ballots: machine reading (`bench/bench_paper.py`)",
        "",
        f"Measured {dt.date.today():%d/%m/%Y} on {os.cpu_count()} CPUs ({cpu}), "
        f"Python {platform.python_version()}, OpenCV {cv2.__version__}; load average "
        f"{os.getloadavg()[0]:.1f} at the end (other engineers' work shared the two cores).",
        "",
        f"Corpus: {args.names}-name ballots printed by `canbo.paper.printing` (A4; "
        f"{STRIKE_SHARE:.0%} of the sheets strike-out ballots, the rest confidence ballots), "
        "filled from random ground truth by `canbo.paper.corpus` (tick, cross, filled box, "
        "light pencil, corrected mark, several marks, blank, stray marks, struck-out names), "
        f"seed {args.seed}, then degraded; generated once into a temporary folder and read "
        f"from disk. A sheet is one printed page. Reader: `{READER}` as of {_reader_version()}.",
        "",
    ]


def _row(label: str, s: Score, per: int, target: str) -> str:
    misread = _per(len(s.misreads), s.marks, per)
    review = f"{s.review} ({_rate(s.review, s.sheets)})"
    cells = (label, str(s.sheets), f"{s.marks:,}", misread, target, review, str(s.refused))
    return "| " + " | ".join((*cells, str(s.review_marks))) + " |"


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{k or '–'} {v:,}" for k, v in counter.most_common()) or "none"


def report(
    scan: Score,
    phone: Score,
    stress: tuple[Score, Score],
    rates: tuple[float, float],
    mem: dict[str, object],
    args: argparse.Namespace,
) -> str:
    hard = Score()
    hard.add(stress[0])
    hard.add(stress[1])
    lines = [
        *_head(args),
        "| Corpus | Sheets | Marks | Misread (accepted, wrong) | Target | Sheets to review "
        "| Refused | Marks to review |",
        "|---|---:|---:|---|---|---:|---:|---:|",
        _row("Scanner, realistic mix", scan, 10_000, "≤ 1/10,000; review ≤ 2%"),
        _row("Phone, realistic mix", phone, 1_000, "≤ 1/1,000"),
        _row("Scanner, stress mix", stress[0], 10_000, "–"),
        _row("Phone, stress mix", stress[1], 1_000, "–"),
        "",
        "Scanner: 150, 200, 240 or 300 dpi, rotation up to ±5°, offset, gray paper, noise, blur, "
        "dust, JPEG 60–95, a quarter in colour. Phone: perspective (corners moved up to 5%, "
        "±6°), uneven light and vignetting, colour cast, defocus blur, noise, JPEG 70–92, on a "
        "table. Realistic mix: 84% ticks and crosses, 8% filled boxes, 7% light pencil, 1% "
        "corrected marks, 3.5% blank, 1.5% several marks, stray marks on 10% of sheets; "
        "strike-out: 30% of names struck (10% of them with a double line, 5% in pencil). "
        "Stress mix: corrected marks 12%, pencil 13%, filled 15%, blanks 10%, several 8%, "
        "pencil strikes 20%, strays on 35% of sheets.",
        "",
        f"Marks by style (stress mix): {_counts(hard.styles)}. Sent to review by style: "
        f"{_counts(hard.review_styles)}; realistic mix: "
        f"{_counts(scan.review_styles + phone.review_styles)}. "
        f"Sheets by reason: scanner {_counts(scan.reasons)}; phone {_counts(phone.reasons)}; "
        f"stress {_counts(hard.reasons)}.",
        "",
    ]
    misreads = scan.misreads + phone.misreads + hard.misreads
    if misreads:
        styles = Counter(f"{m['style']} {m['truth']}→{m['read']}" for m in misreads)
        keys = ("file", "dpi", "order", "style", "truth", "read", "certainty")
        lines += [
            f"Misreads by style, truth→read: {_counts(styles)}.",
            "",
            "| File | dpi | Row | Style | Truth | Read | Certainty |",
            "|---|---:|---:|---|---|---|---:|",
            *("| " + " | ".join(str(m[k]) for k in keys) + " |" for m in misreads[:25]),
            "",
        ]
    rss = ", ".join(str(v) for v in mem["rss_mib"])  # type: ignore[attr-defined]
    lines += [
        f"Speed (reading only, the {mem['files']} pages of {args.speed} scanned "
        f"{args.names}-name confidence ballots at 200 dpi, JPEG files, OpenCV on one thread): "
        f"**{rates[0]:.1f} sheets/s** wall, {rates[1]:.1f} sheets per CPU second of the "
        "reading process (target ≥ 10 per core).",
        "",
        f"Memory: one process read a batch of {mem['sheets']:,} sheets streamed from disk "
        f"(the {mem['files']} files of the speed run listed over and over; each repeat is read "
        f"in full, then refused as a duplicate serial) in {mem['seconds']} s: peak RSS "
        f"**{mem['peak_mib']} MiB**; RSS after each tenth of the batch (MiB): {rss}.",
    ]
    return "\n".join(lines)


def write_doc(section: str) -> None:
    text = DOC.read_text("utf-8")
    block = f"{START}\n{section}\n{END}"
    if START in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scanner", type=int, default=400, help="scanner ballots (realistic mix)")
    parser.add_argument("--phone", type=int, default=100, help="phone ballots (realistic mix)")
    parser.add_argument("--stress", type=int, default=60, help="ballots per profile, stress mix")
    parser.add_argument("--names", type=int, default=50)
    parser.add_argument("--speed", type=int, default=40, help="ballots read for the speed")
    parser.add_argument("--memory-sheets", type=int, default=10_000)
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--memory-json", type=Path, help="a memory run's output, not run again")
    parser.add_argument("--corpus", type=Path, help="keep the corpus here (default: a temp dir)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    if args.memory_child:
        memory_child(args.memory_child, args.memory_sheets)
        return
    with tempfile.TemporaryDirectory(prefix="bench-paper-") as tmp:
        args.corpus = args.corpus or Path(tmp)
        args.corpus.mkdir(parents=True, exist_ok=True)
        print("scanner", file=sys.stderr)
        scan = corpus(Profile.SCANNER, "realistic", args.scanner, args)
        print("phone", file=sys.stderr)
        phone = corpus(Profile.PHONE, "realistic", args.phone, args)
        print("stress", file=sys.stderr)
        stress = (
            corpus(Profile.SCANNER, "stress", args.stress, args),
            corpus(Profile.PHONE, "stress", args.stress // 3, args),
        )
        print("speed", file=sys.stderr)
        wall, cpu, folder = speed(args)
        print(f"  {wall:.1f} sheets/s wall, {cpu:.1f} per CPU second", file=sys.stderr)
        print("memory", file=sys.stderr)
        if args.memory_json:
            mem = json.loads(args.memory_json.read_text("utf-8").strip().splitlines()[-1])
        else:
            mem = memory(folder, args.memory_sheets)
        print(f"  {mem}", file=sys.stderr)
    section = report(scan, phone, stress, (wall, cpu), mem, args)
    print(section)
    if not args.no_write:
        write_doc(section)


if __name__ == "__main__":
    main()
