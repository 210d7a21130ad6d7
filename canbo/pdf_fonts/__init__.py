"""Fonts with full Vietnamese coverage for generated PDFs, shipped with the package.

DejaVu (Bitstream Vera license, see LICENSE-DejaVu.txt) is bundled so that minutes and result
tables render correct Vietnamese diacritics on any machine, offline, with no system fonts.
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent

FONTS = {
    "serif": "DejaVuSerif.ttf",
    "serif-bold": "DejaVuSerif-Bold.ttf",
    "serif-italic": "DejaVuSerif-Italic.ttf",
    "sans": "DejaVuSans.ttf",
    "sans-bold": "DejaVuSans-Bold.ttf",
}


def font_path(style: str = "serif") -> Path:
    """Path of the bundled TTF for ``style`` (serif, serif-bold, serif-italic, sans, sans-bold)."""
    return FONT_DIR / FONTS[style]
