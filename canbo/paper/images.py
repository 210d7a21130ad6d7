"""Loading scans for the reader: PDF pages (rasterized with pypdfium2), TIFF (every frame), PNG
and JPEG (OpenCV), from files or folders, one page at a time.

A batch of thousands streams: :func:`iter_pages` yields one grayscale page and forgets it before
the next, so memory stays bounded by one page. A file that cannot be opened is yielded as a
:class:`PageError` (reason ``corrupt_file`` or ``unsupported_file``) and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

PDF_DPI = 200  # scans are read at this resolution: enough for 5 mm boxes, fast to read
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
SUFFIXES = IMAGE_SUFFIXES | {".pdf"}


@dataclass(frozen=True)
class PageImage:
    file: str
    page: int | None  # the page of a PDF or the frame of a TIFF (1-based); None for one image
    image: np.ndarray  # grayscale uint8


@dataclass(frozen=True)
class PageError:
    file: str
    page: int | None
    reason: str  # "corrupt_file" | "unsupported_file"
    detail: str = ""


def expand(sources: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, and the scans in folders (recursively, sorted by name)."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            yield path


def iter_pages(
    sources: Iterable[str | Path], *, dpi: int = PDF_DPI
) -> Iterator[PageImage | PageError]:
    """Every page of every scan, grayscale, in order; unreadable files as :class:`PageError`."""
    for path in expand(sources):
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            yield from _pdf_pages(path, dpi)
        elif suffix in IMAGE_SUFFIXES:
            yield from _image_pages(path)
        else:
            yield PageError(str(path), None, "unsupported_file", suffix)


def _pdf_pages(path: Path, dpi: int) -> Iterator[PageImage | PageError]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError, ValueError) as exc:
        yield PageError(str(path), None, "corrupt_file", str(exc)[:200])
        return
    try:
        for index in range(len(doc)):
            try:
                page = doc[index]
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                image = np.array(bitmap.to_numpy(), copy=True)
                bitmap.close()
                page.close()
            except (pdfium.PdfiumError, OSError, ValueError) as exc:
                yield PageError(str(path), index + 1, "corrupt_file", str(exc)[:200])
                continue
            yield PageImage(str(path), index + 1, _gray(image))
    finally:
        doc.close()


def _image_pages(path: Path) -> Iterator[PageImage | PageError]:
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError as exc:
        yield PageError(str(path), None, "corrupt_file", str(exc)[:200])
        return
    if path.suffix.lower() in {".tif", ".tiff"}:
        ok, frames = cv2.imdecodemulti(data, cv2.IMREAD_GRAYSCALE)
        if not ok or not frames:
            yield PageError(str(path), None, "corrupt_file", "not a readable TIFF")
            return
        if len(frames) == 1:
            yield PageImage(str(path), None, _gray(frames[0]))
            return
        for index, frame in enumerate(frames):
            yield PageImage(str(path), index + 1, _gray(frame))
        return
    image = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) if data.size else None
    if image is None:
        yield PageError(str(path), None, "corrupt_file", "not a readable image")
        return
    yield PageImage(str(path), None, image)


def _gray(image: np.ndarray) -> np.ndarray:
    """Grayscale uint8 from gray, BGR, BGRA or 16-bit input."""
    if image.dtype != np.uint8:
        image = cv2.normalize(image, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    if image.ndim == 3 and image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    if image.ndim == 3 and image.shape[2] == 3:
        return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    if image.ndim == 3:
        return np.ascontiguousarray(image[:, :, 0])
    return image
