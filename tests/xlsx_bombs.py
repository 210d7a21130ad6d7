"""Small hostile XLSX files for the upload and import limits (built by hand, no openpyxl).

Each is a valid zip of the parts openpyxl needs, with one part made hostile. They stay a few
kilobytes on disk so that the tests are fast; what they declare or expand to is what an
attacker would send.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}">'
    '<sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)


def sheet_xml(rows: str, dimension: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">{dim}<sheetData>{rows}</sheetData></worksheet>'  # noqa: E501


def strings_xml(strings: list[str] | str) -> str:
    body = strings if isinstance(strings, str) else "".join(f"<si><t>{s}</t></si>" for s in strings)
    return f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}">{body}</sst>'


def write(path: Path, sheet: str, strings: str = "", extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", ROOT_RELS)
        book.writestr("xl/workbook.xml", WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
        book.writestr("xl/sharedStrings.xml", strings or strings_xml([]))
        for name, data in (extra or {}).items():
            book.writestr(name, data)
    return path


def inline_row(number: int, values: list[str]) -> str:
    cells = "".join(
        f'<c r="{_letters(i + 1)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def _letters(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def table(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """A plain, well-formed sheet of inline strings."""
    body = "".join(inline_row(i, r) for i, r in enumerate([header, *rows], start=1))
    return write(path, sheet_xml(body))


def huge_dimension(path: Path, header: list[str]) -> Path:
    """Declares A1:XFD1048576 with one real row: openpyxl pads every row to 16,384 cells and
    yields 1,048,576 of them (the review's 56 KB file that took a worker past 1.3 GiB)."""
    return write(path, sheet_xml(inline_row(1, header), "A1:XFD1048576"))


def far_cell(path: Path, header: list[str]) -> Path:
    """No dimension, but a last cell at XFD1048576: the real reference is checked too."""
    rows = inline_row(1, header) + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return write(path, sheet_xml(rows))


def wide_row(path: Path, cells: int) -> Path:
    """One row of ``cells`` empty styled cells without references (they count up)."""
    return write(path, sheet_xml('<row r="1">' + '<c s="0"/>' * cells + "</row>"))


def many_rows(path: Path, rows: int) -> Path:
    return write(
        path, sheet_xml("".join(f'<row r="{i}"><c><v>1</v></c></row>' for i in range(1, rows + 1)))
    )


def many_strings(path: Path, count: int) -> Path:
    """A shared-strings table of ``count`` distinct strings (openpyxl loads them all)."""
    body = "".join(f"<si><t>s{i}</t></si>" for i in range(count))
    return write(path, sheet_xml(inline_row(1, ["a"])), strings_xml(body))


def high_ratio(path: Path, mebibytes: int) -> Path:
    """A part of ``mebibytes`` MiB of spaces: it compresses about 1000:1."""
    return write(
        path, sheet_xml(inline_row(1, ["a"])), extra={"xl/pad.xml": b" " * (mebibytes << 20)}
    )


def many_members(path: Path, count: int) -> Path:
    return write(
        path, sheet_xml(inline_row(1, ["a"])), extra={f"x/{i}.bin": b"" for i in range(count)}
    )
