"""Benchmark of ``canbo import people``: 1,000,000 CSV rows, and 100,000 XLSX rows.

Generates a people file with realistic Vietnamese names (family names weighted by their real
frequency) under a small unit tree, imports it with the real command in a child process on
SQLite — and on PostgreSQL when ``DATABASE_URL`` is set (a throwaway database: it is
flushed) — and measures wall time and the child's peak RSS. Results replace the
"Import" section of docs/benchmarks.md.

    /tmp/v/bin/python bench/bench_import.py [--rows 1000000] [--xlsx-rows 100000]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench_import:start -->", "<!-- bench_import:end -->"
TODAY = "2026-11-28"

FAMILY = {
    "Nguyễn": 38, "Trần": 11, "Lê": 9.5, "Phạm": 7, "Hoàng": 3, "Huỳnh": 2, "Phan": 4.5,
    "Vũ": 2, "Võ": 2, "Đặng": 2.1, "Bùi": 2, "Đỗ": 1.4, "Hồ": 1.3, "Ngô": 1.3, "Dương": 1,
    "Lý": 0.5, "Đinh": 0.6, "Trương": 0.6, "Lương": 0.4, "Hà": 0.5, "Mai": 0.4, "Tạ": 0.2,
    "Đoàn": 0.4, "Lâm": 0.3, "Cao": 0.3, "Quách": 0.1, "Triệu": 0.2, "Lò": 0.1, "Hứa": 0.1,
}  # fmt: skip
MIDDLE_M = [
    "Văn",
    "Đức",
    "Minh",
    "Quang",
    "Hữu",
    "Xuân",
    "Thanh",
    "Ngọc",
    "Công",
    "Đình",
    "Trọng",
    "Mạnh",
    "Quốc",
    "Tiến",
    "Hoàng",
    "Anh",
    "Văn Minh",
    "Duy",
    "Bá",
    "Tuấn",
]
MIDDLE_F = [
    "Thị",
    "Thị Thu",
    "Thị Minh",
    "Thị Ngọc",
    "Thị Thanh",
    "Ngọc",
    "Thu",
    "Thanh",
    "Thị Hồng",
    "Thị Kim",
    "Thị Bích",
    "Phương",
    "Bảo",
    "Hải",
    "Khánh",
    "Thị Mai",
]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Đông",
    "Giang",
    "Hải",
    "Hiếu",
    "Hòa",
    "Hùng",
    "Huy",
    "Khánh",
    "Khoa",
    "Kiên",
    "Lâm",
    "Long",
    "Lộc",
    "Minh",
    "Nam",
    "Nghĩa",
    "Phong",
    "Phúc",
    "Quân",
    "Quang",
    "Sơn",
    "Tài",
    "Thắng",
    "Thành",
    "Thịnh",
    "Toàn",
    "Trung",
    "Tú",
    "Tuấn",
    "Việt",
    "Vinh",
    "Vũ",
    "Hưng",
    "Khải",
    "Đức",
    "Tâm",
    "Thái",
]
GIVEN_F = [
    "Anh",
    "Ánh",
    "Bích",
    "Châu",
    "Chi",
    "Diệp",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hiền",
    "Hoa",
    "Hồng",
    "Hương",
    "Huyền",
    "Lan",
    "Liên",
    "Linh",
    "Loan",
    "Mai",
    "My",
    "Nga",
    "Ngân",
    "Ngọc",
    "Nhung",
    "Oanh",
    "Phương",
    "Quỳnh",
    "Thảo",
    "Thu",
    "Thủy",
    "Trang",
    "Trinh",
    "Tuyết",
    "Uyên",
    "Vân",
    "Xuân",
    "Yến",
    "Hậu",
    "Lụa",
]
ETHNIC = ["Kinh"] * 17 + ["Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "H'Mông"]
PLACES = [
    "Hà Nội",
    "Nghệ An",
    "Thanh Hóa",
    "Tuyên Quang",
    "Lào Cai",
    "Huế",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Đắk Lắk",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đồng Nai",
    "TP. Hồ Chí Minh",
    "Cần Thơ",
    "An Giang",
    "Cà Mau",
    "Hải Phòng",
    "Ninh Bình",
]
HEADER = [
    "code",
    "full_name",
    "birth_date",
    "sex",
    "ethnicity",
    "hometown",
    "national_id",
    "party_card_number",
    "party_admission_date",
    "official_membership_date",
    "unit_code",
    "member_since",
]
PROVINCES, COMMUNES, CELLS = 3, 10, 34  # per parent: 3 provinces, 30 communes, 1020 cells


def write_units(path: Path) -> list[str]:
    """A small tree: Trung ương, 3 provinces, 30 communes, 1,020 cells; returns cell codes."""
    cells: list[str] = []
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["code", "name", "kind", "parent_code", "level_class", "valid_from"])
        w.writerow(
            ["TW", "Ban Chấp hành Trung ương", "central_committee", "", "central", "01/01/1970"]
        )
        for p in range(PROVINCES):
            pc = f"T{p:02d}"
            w.writerow([pc, f"Đảng bộ tỉnh số {p}", "provincial_party_committee", "TW",
                        "directly_under_central", "01/01/1970"])  # fmt: skip
            for c in range(COMMUNES):
                cc = f"{pc}X{c:03d}"
                w.writerow([cc, f"Đảng bộ xã số {c}", "commune_party_committee", pc,
                            "grassroots", "01/01/1970"])  # fmt: skip
                for k in range(CELLS):
                    code = f"{cc}C{k:03d}"
                    w.writerow([code, f"Chi bộ thôn số {k}", "cell", cc, "cell", "01/01/1970"])
                    cells.append(code)
    return cells


def _date(rng: random.Random, lo: dt.date, hi: dt.date) -> dt.date:
    return lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))


def person_row(i: int, rng: random.Random, cells: list[str]) -> list[str]:
    female = rng.random() < 0.4
    family = rng.choices(list(FAMILY), weights=list(FAMILY.values()))[0]
    name = f"{family} {rng.choice(MIDDLE_F if female else MIDDLE_M)} "
    name += rng.choice(GIVEN_F if female else GIVEN_M)
    birth = _date(rng, dt.date(1955, 1, 1), dt.date(1998, 12, 31))
    admitted = birth + dt.timedelta(days=rng.randrange(18 * 366, 24 * 366))
    official = admitted + dt.timedelta(days=365)
    since = min(official + dt.timedelta(days=rng.randrange(0, 2000)), dt.date(2026, 11, 1))
    return [
        f"DV{i:08d}", name, birth.strftime("%d/%m/%Y"), "Nữ" if female else "Nam",
        rng.choice(ETHNIC), rng.choice(PLACES), f"{rng.randrange(1, 96):03d}{i:09d}",
        f"{i:08d}", admitted.strftime("%d/%m/%Y"), official.isoformat(), rng.choice(cells),
        since.strftime("%d/%m/%Y"),
    ]  # fmt: skip


def write_people_csv(path: Path, rows: int, cells: list[str]) -> None:
    rng = random.Random(20251128)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(rows):
            w.writerow(person_row(i, rng, cells))


def write_people_xlsx(path: Path, rows: int, cells: list[str]) -> None:
    from openpyxl import Workbook

    rng = random.Random(7)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("people")
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append(person_row(i, rng, cells))
    book.save(path)


def canbo(data_dir: Path, *args: str, env: dict[str, str]) -> None:
    """Run a ``canbo`` verb in a child process; stop the benchmark if it fails."""
    cmd = [sys.executable, "-m", "canbo.cli", "--data-dir", str(data_dir), *args]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")


def measure(data_dir: Path, kind: str, path: Path, env: dict[str, str]) -> tuple[float, int]:
    """Wall time and peak RSS of one import, in a fresh interpreter so ru_maxrss is its own."""
    code = (
        "import resource,subprocess,sys,time;t=time.monotonic();"
        "r=subprocess.run(sys.argv[1:]);w=time.monotonic()-t;"
        "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);sys.exit(r.returncode)"
    )
    cmd = [sys.executable, "-c", code, sys.executable, "-m", "canbo.cli", "--data-dir",
           str(data_dir), "import", kind, str(path), "--today", TODAY]  # fmt: skip
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"import {kind} failed:\n{done.stderr[-3000:]}")
    wall, peak = done.stdout.strip().splitlines()[-1].split()
    return float(wall), int(peak)


def run_on(label: str, env: dict[str, str], data: Path, files: tuple[Path, Path], rows: int) -> str:
    """Fresh database, the unit tree, then the measured people import; one table line."""
    units, people = files
    data.mkdir(parents=True)
    if "DATABASE_URL" in env:
        canbo(data, "manage", "flush", "--noinput", env=env)
    canbo(data, "migrate", "-v0", env=env)
    canbo(data, "import", "units", str(units), "--today", TODAY, env=env)
    load = os.getloadavg()[0]  # the machine may be shared: say how busy it was
    wall, peak = measure(data, "people", people, env)
    print(f"{label}: {rows} rows in {wall:.1f} s, peak RSS {peak / 1024:.0f} MiB", flush=True)
    kind = people.suffix[1:].upper()
    numbers = f"{rows:,} | {wall:.1f} | {rows / wall:,.0f} | {peak / 1024:.0f} | {load:.1f}"
    return f"| {label} | {kind} | {numbers} |"


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor(),
    )  # fmt: skip
    mem_kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    ram = f"{mem_kib / 1024 / 1024:.1f} GiB RAM"
    return f"{os.cpu_count()} cores, {cpu}, {ram}, Python {platform.python_version()}"


def update_doc(lines: list[str], args: argparse.Namespace) -> None:
    section = "\n".join([
        START, "## Import (bench/bench_import.py)", "",
        f"Run {dt.date.today():%d/%m/%Y} on {machine()}.", "",
        f"`canbo import people` of generated files ({args.rows:,} CSV rows, {args.xlsx_rows:,}"
        " XLSX rows; realistic Vietnamese names, 1,020 cells), each person with a current cell"
        " membership, all checks on, one transaction. Wall time of the whole command (startup"
        " and migrations check included); peak RSS of the importing process.", "",
        "| Database | File | Rows | Seconds | Rows/s | Peak RSS (MiB) | Load avg before |",
        "|---|---|---:|---:|---:|---:|---:|", *lines,
        "", "Targets: 1,000,000 CSV rows in ≤ 60 s on SQLite, ≤ 90 s on PostgreSQL,"
        " peak memory ≤ 1 GiB.", END,
    ])  # fmt: skip
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="canbo-bench-") as tmp:
        work = Path(tmp)
        units = work / "units.csv"
        cells = write_units(units)
        people = work / "people.csv"
        t = time.monotonic()
        write_people_csv(people, args.rows, cells)
        print(f"generated {args.rows} rows in {time.monotonic() - t:.0f} s", flush=True)
        base = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        lines = [run_on("SQLite", base, work / "sqlite", (units, people), args.rows)]
        if os.environ.get("DATABASE_URL"):
            pg = dict(os.environ)
            lines.append(run_on("PostgreSQL", pg, work / "pg", (units, people), args.rows))
        xlsx = work / "people.xlsx"
        write_people_xlsx(xlsx, args.xlsx_rows, cells)
        lines.append(run_on("SQLite", base, work / "xlsx", (units, xlsx), args.xlsx_rows))
    if not args.no_doc:
        update_doc(lines, args)


if __name__ == "__main__":
    main()
