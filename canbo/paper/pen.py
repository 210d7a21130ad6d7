"""Hand-drawn pen and pencil strokes for the test corpus (:mod:`canbo.paper.corpus`).

A stroke is a smooth path (a chain of quadratic Bézier pieces with a random walk added) drawn
with a width that varies along it (the pressure of the hand) and blended multiplicatively into a
grayscale page, so that ink over printed lines darkens them as real ink does. Everything is in
pixels; the caller converts from millimetres. Deterministic for a given ``numpy`` generator.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import cv2
import numpy as np

_SHIFT = 4  # sub-pixel precision of the OpenCV drawing (1/16 px)


@dataclass(frozen=True)
class Pen:
    """A writing tool: ``width`` in px, ``ink`` the gray level of a full stroke (0 black)."""

    width: float
    ink: float

    @classmethod
    def ballpoint(cls, rng: np.random.Generator, px_per_mm: float) -> Pen:
        return cls(width=px_per_mm * rng.uniform(0.35, 0.8), ink=rng.uniform(10, 90))

    @classmethod
    def felt(cls, rng: np.random.Generator, px_per_mm: float) -> Pen:
        return cls(width=px_per_mm * rng.uniform(0.8, 1.3), ink=rng.uniform(5, 60))

    @classmethod
    def pencil(cls, rng: np.random.Generator, px_per_mm: float) -> Pen:
        """A light pencil: thin and of low contrast."""
        return cls(width=px_per_mm * rng.uniform(0.3, 0.55), ink=rng.uniform(125, 170))


def bezier(
    points: np.ndarray, bend: float, rng: np.random.Generator, steps: int = 14
) -> np.ndarray:
    """A path through ``points`` (N×2): each piece bends sideways by up to ``bend`` times its
    length, with a small random walk on top (the wobble of a hand)."""
    out = [points[:1].astype(np.float64)]
    t = np.linspace(0.0, 1.0, steps)[1:, None]
    for a, b in itertools.pairwise(points):
        a = a.astype(np.float64)
        b = b.astype(np.float64)
        d = b - a
        normal = np.array([-d[1], d[0]])
        c = (a + b) / 2 + normal * rng.uniform(-bend, bend)
        piece = (1 - t) ** 2 * a + 2 * (1 - t) * t * c + t**2 * b
        length = float(np.hypot(*d))
        walk = np.cumsum(rng.normal(0, 0.012 * length + 0.15, size=piece.shape), axis=0)
        walk -= np.linspace(0, 1, len(walk))[:, None] * walk[-1]  # keep the end point
        out.append(piece + walk * 0.5)
    return np.concatenate(out)


def draw(page: np.ndarray, path: np.ndarray, pen: Pen, rng: np.random.Generator) -> None:
    """Draw ``path`` (N×2 px, x then y) on the grayscale ``page`` in place."""
    if len(path) < 2:
        return
    pad = int(pen.width * 2) + 3
    h, w = page.shape[:2]
    x0 = max(int(path[:, 0].min()) - pad, 0)
    y0 = max(int(path[:, 1].min()) - pad, 0)
    x1 = min(int(path[:, 0].max()) + pad, w)
    y1 = min(int(path[:, 1].max()) + pad, h)
    if x1 <= x0 or y1 <= y0:
        return
    mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
    local = np.round((path - (x0, y0)) * (1 << _SHIFT)).astype(np.int32)
    pressure = np.clip(
        1.0 + np.cumsum(rng.normal(0, 0.08, len(path))) * 0.5, 0.55, 1.35
    )  # the hand presses harder and lighter along the stroke
    for i in range(len(local) - 1):
        thick = max(1, round(pen.width * pressure[i]))
        p = (int(local[i, 0]), int(local[i, 1]))
        q = (int(local[i + 1, 0]), int(local[i + 1, 1]))
        cv2.line(mask, p, q, 255, thick, cv2.LINE_AA, _SHIFT)
    alpha = mask.astype(np.float32) / 255.0
    alpha *= rng.uniform(0.85, 1.0)
    region = page[y0:y1, x0:x1].astype(np.float32)
    region *= 1.0 - alpha * (1.0 - pen.ink / 255.0)
    page[y0:y1, x0:x1] = np.clip(region, 0, 255).astype(np.uint8)


def in_box(box: tuple[float, float, float, float], uv: list[tuple[float, float]]) -> np.ndarray:
    """Points given relative to a box (0..1 across, 0..1 down; outside the range overshoots)."""
    x, y, w, h = box
    return np.array([(x + u * w, y + v * h) for u, v in uv], np.float64)


def tick(box: tuple[float, float, float, float], rng: np.random.Generator) -> list[np.ndarray]:
    j = rng.uniform
    start = (j(0.05, 0.3), j(0.35, 0.6))
    corner = (j(0.3, 0.5), j(0.7, 0.95))
    end = (j(0.75, 1.15), j(-0.25, 0.15))
    return [bezier(in_box(box, [start, corner, end]), 0.12, rng)]


def cross(box: tuple[float, float, float, float], rng: np.random.Generator) -> list[np.ndarray]:
    j = rng.uniform
    s = j(0.75, 1.2)  # the size of the cross relative to the box
    lo, hi = 0.5 - s / 2, 0.5 + s / 2

    def jit() -> float:
        return j(-0.08, 0.08)

    first = in_box(box, [(lo + jit(), lo + jit()), (hi + jit(), hi + jit())])
    second = in_box(box, [(hi + jit(), lo + jit()), (lo + jit(), hi + jit())])
    return [bezier(first, 0.08, rng), bezier(second, 0.08, rng)]


def filled(
    box: tuple[float, float, float, float], rng: np.random.Generator, pen_width: float, cover: float
) -> list[np.ndarray]:
    """A zigzag that blackens the box (``cover`` > 1 runs over its edges: a scribble)."""
    _x, _y, _w, h = box
    lo, hi = 0.5 - cover / 2, 0.5 + cover / 2
    lines = max(3, int(h * cover / max(pen_width * 0.8, 1.0)))
    uv = []
    for i in range(lines + 1):
        v = lo + (hi - lo) * i / lines + rng.uniform(-0.03, 0.03)
        u = (lo + rng.uniform(-0.05, 0.08)) if i % 2 == 0 else (hi + rng.uniform(-0.08, 0.05))
        uv.append((u, v))
    return [bezier(in_box(box, uv), 0.03, rng, steps=6)]


def line_through(
    box: tuple[float, float, float, float], rng: np.random.Generator, length: float
) -> list[np.ndarray]:
    """A wobbly line across a printed name (``length`` a fraction of the box's width)."""
    start = (rng.uniform(-0.03, 0.06), rng.uniform(0.35, 0.65))
    end = (min(start[0] + length, 1.02), start[1] + rng.uniform(-0.2, 0.2))
    mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + rng.uniform(-0.12, 0.12))
    return [bezier(in_box(box, [start, mid, end]), 0.01, rng, steps=24)]
