"""Where the tests keep their screenshots.

A test run never rewrites the files in ``docs/screenshots`` (they are part of the repository):
screenshots go to ``test-results/screenshots`` unless ``CANBO_UPDATE_SCREENSHOTS=1`` asks the
run to refresh the documentation's copies (``make screenshots``).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def doc_screenshot_dir() -> Path:
    """The folder for the screenshots the documentation shows, created if missing."""
    if os.environ.get("CANBO_UPDATE_SCREENSHOTS") == "1":
        folder = ROOT / "docs" / "screenshots"
    else:
        folder = ROOT / "test-results" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
