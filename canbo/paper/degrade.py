"""Turn a clean filled page into what a scanner or a phone gives back (the test corpus).

- scanner: the page laid a little crooked on the glass (rotation up to ±5°, a few millimetres
  of offset) on a larger white bed, the paper's white a little gray, sensor noise, a slight
  blur, a few specks of dust, JPEG at quality 60–95; sometimes in colour. The dpi (150–300) is
  the dpi the page was rasterized at.
- phone: a photo of the page on a table: perspective (each corner moved by up to 5% of the page,
  a small rotation), an uneven light (a gradient across the sheet) and vignetting, a colour
  cast, defocus blur, noise, JPEG at quality 70–92.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import cv2
import numpy as np


class Profile(StrEnum):
    CLEAN = "clean"  # no degradation: PNG of the page
    SCANNER = "scanner"
    PHONE = "phone"


@dataclass(frozen=True)
class Scan:
    data: bytes  # the file's bytes
    suffix: str  # ".jpg", ".png"
    params: dict[str, float] = field(default_factory=dict)

    def image(self) -> np.ndarray:
        return decode(self.data)


def decode(data: bytes) -> np.ndarray:
    """The pixels of an image file's bytes (BGR or grayscale as stored)."""
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None:
        raise ValueError("not an image")
    return np.asarray(image)


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    if not ok:  # pragma: no cover - OpenCV always encodes a uint8 image
        raise RuntimeError("JPEG encoding failed")
    return buf.tobytes()


def _noise(image: np.ndarray, sigma: float, rng: np.random.Generator) -> np.ndarray:
    noisy = image.astype(np.float32) + rng.standard_normal(image.shape, dtype=np.float32) * sigma
    return np.clip(noisy, 0, 255).astype(np.uint8)


def degrade(image: np.ndarray, profile: Profile | str, rng: np.random.Generator) -> Scan:
    """``image`` (grayscale page) as the file a ``profile`` device would give."""
    profile = Profile(profile)
    if profile is Profile.SCANNER:
        return _scanner(image, rng)
    if profile is Profile.PHONE:
        return _phone(image, rng)
    _ok, buf = cv2.imencode(".png", image)
    return Scan(buf.tobytes(), ".png")


def _scanner(page: np.ndarray, rng: np.random.Generator) -> Scan:
    h, w = page.shape[:2]
    angle = float(rng.uniform(-5.0, 5.0))
    shift = w / 210.0 * 3.0  # about 3 mm
    tx, ty = rng.uniform(-shift, shift, 2)
    rad = np.deg2rad(abs(angle))
    bw = int(w * np.cos(rad) + h * np.sin(rad) + 2 * shift + rng.uniform(0, 0.04) * w)
    bh = int(h * np.cos(rad) + w * np.sin(rad) + 2 * shift + rng.uniform(0, 0.04) * h)
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    matrix[:, 2] += ((bw - w) / 2 + tx, (bh - h) / 2 + ty)
    white = float(rng.uniform(225, 252))
    bed = float(rng.uniform(235, 255))
    out = cv2.warpAffine(
        page,
        matrix,
        (bw, bh),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )
    mask = cv2.warpAffine(np.full_like(page, 255), matrix, (bw, bh), flags=cv2.INTER_LINEAR)
    paper = out.astype(np.float32) * (white / 255.0)
    alpha = mask.astype(np.float32) / 255.0
    out = paper * alpha + bed * (1.0 - alpha)
    sigma = float(rng.uniform(0.3, 1.0))
    out = cv2.GaussianBlur(out, (0, 0), sigma)
    for _ in range(int(rng.integers(0, 6))):  # dust
        x, y = int(rng.integers(0, bw)), int(rng.integers(0, bh))
        cv2.circle(out, (x, y), int(rng.integers(1, 3)), float(rng.uniform(60, 160)), -1)
    out = _noise(np.clip(out, 0, 255).astype(np.uint8), float(rng.uniform(1.5, 5.0)), rng)
    colour = rng.random() < 0.25
    if colour:
        tint = rng.uniform(0.94, 1.0, 3)
        out = np.clip(cv2.cvtColor(out, cv2.COLOR_GRAY2BGR) * tint, 0, 255).astype(np.uint8)
    quality = int(rng.integers(60, 96))
    params = {"angle": angle, "blur": sigma, "quality": quality, "colour": float(colour)}
    return Scan(_jpeg(out, quality), ".jpg", params)


def _table(height: int, width: int, rng: np.random.Generator) -> np.ndarray:
    base = rng.uniform(40, 150, 3).astype(np.float32)
    small = rng.normal(0, 18, (height // 8 + 1, width // 8 + 1)).astype(np.float32)
    grain = np.asarray(cv2.resize(cv2.GaussianBlur(small, (0, 0), 2), (width, height)))
    return np.asarray(np.clip(base[None, None, :] + grain[:, :, None], 0, 255), np.float32)


def _light(height: int, width: int, rng: np.random.Generator) -> np.ndarray:
    """An uneven light (a gradient across the picture) times vignetting, computed small."""
    sh, sw = height // 8 + 1, width // 8 + 1
    ys, xs = np.mgrid[0:sh, 0:sw].astype(np.float32)
    gx, gy = rng.uniform(-1, 1, 2)
    ramp = (gx * (xs / sw - 0.5) + gy * (ys / sh - 0.5)) / max(abs(gx) + abs(gy), 1e-6)
    low = float(rng.uniform(0.55, 0.85))  # the darkest corner's share of the light
    light = 1.0 - (1.0 - low) * (ramp + 0.5)
    r2 = ((xs / sw - 0.5) ** 2 + (ys / sh - 0.5) ** 2) * 2.0
    vignette = 1.0 - float(rng.uniform(0.1, 0.3)) * r2
    return np.asarray(cv2.resize((light * vignette).astype(np.float32), (width, height)))


def _phone(page: np.ndarray, rng: np.random.Generator) -> Scan:
    h, w = page.shape[:2]
    grow = float(rng.uniform(1.12, 1.3))
    cw, ch = int(w * grow), int(h * grow)
    jitter = float(rng.uniform(0.01, 0.05))
    angle = np.deg2rad(rng.uniform(-6.0, 6.0))
    cx, cy = cw / 2 + rng.uniform(-0.03, 0.03) * w, ch / 2 + rng.uniform(-0.03, 0.03) * h
    src = np.array([(0, 0), (w, 0), (w, h), (0, h)], np.float32)
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    dst = (src - (w / 2, h / 2)) @ rot.T + (cx, cy)
    dst += rng.uniform(-jitter, jitter, (4, 2)) * (w, h)
    matrix = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    tint = rng.uniform(0.85, 1.0, 3).astype(np.float32)
    paper = cv2.warpPerspective(page, matrix, (cw, ch), flags=cv2.INTER_LINEAR, borderValue=0)
    mask = cv2.warpPerspective(np.full_like(page, 255), matrix, (cw, ch), flags=cv2.INTER_LINEAR)
    alpha = (mask.astype(np.float32) / 255.0)[:, :, None]
    colour = paper.astype(np.float32)[:, :, None] * tint[None, None, :]
    out = colour * alpha + _table(ch, cw, rng) * (1.0 - alpha)
    out *= _light(ch, cw, rng)[:, :, None]
    sigma = float(rng.uniform(0.6, 1.5))
    out = cv2.GaussianBlur(out, (0, 0), sigma)
    out = _noise(np.clip(out, 0, 255).astype(np.uint8), float(rng.uniform(2.0, 6.0)), rng)
    quality = int(rng.integers(70, 93))
    params = {
        "jitter": jitter,
        "angle": float(np.rad2deg(angle)),
        "blur": sigma,
        "quality": quality,
    }
    return Scan(_jpeg(out, quality), ".jpg", params)
