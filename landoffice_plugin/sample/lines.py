"""Linear features (rivers, highways, canals, rural roads) as resampled centre lines."""
from __future__ import annotations

import numpy as np

from .geography import CENTRE, Geography, Line


def resample(path: np.ndarray, step: float) -> tuple[np.ndarray, np.ndarray]:
    """Points every ``step`` metres along ``path`` and their unit normals."""
    seg = np.sqrt((np.diff(path, axis=0) ** 2).sum(axis=1))
    dist = np.r_[0.0, np.cumsum(seg)]
    if dist[-1] < 2 * step:
        return np.zeros((0, 2)), np.zeros((0, 2))
    s = np.arange(step / 2, dist[-1] - step / 2, step)
    pts = np.c_[np.interp(s, dist, path[:, 0]), np.interp(s, dist, path[:, 1])]
    tangent = np.gradient(pts, axis=0)
    tangent /= np.linalg.norm(tangent, axis=1)[:, None]
    return pts, np.c_[-tangent[:, 1], tangent[:, 0]]


def _wavy(a: np.ndarray, b: np.ndarray, amps, rng, n: int = 600, pin: bool = False) -> np.ndarray:
    t = np.linspace(0, 1, n)[:, None]
    d = b - a
    normal = np.array([-d[1], d[0]]) / np.linalg.norm(d)
    off = np.zeros((n, 1))
    length = np.linalg.norm(d)
    for waves, amp in amps:
        off += amp * length * np.sin(2 * np.pi * waves * t + rng.uniform(0, 2 * np.pi))
    if pin:  # keep both ends on a and b
        off *= np.sin(np.pi * t)
    return a + t * d + off * normal


def _line(kind, code, path, width, step) -> Line | None:
    centre, normal = resample(path, step)
    if len(centre) < 3:
        return None
    return Line(kind, code, centre, normal, width, step)


def build_lines(rng: np.random.Generator, geo: Geography) -> list[Line]:
    sc = geo.scale
    c = np.asarray(CENTRE)
    reach = 1.35 * sc.radius
    lines: list[Line] = []
    for _ in range(sc.rivers):
        a0 = rng.uniform(0, 2 * np.pi)
        a1 = a0 + np.pi + rng.uniform(-0.5, 0.5)
        a = c + reach * np.array([np.cos(a0), np.sin(a0)])
        b = c + reach * np.array([np.cos(a1), np.sin(a1)])
        path = _wavy(a, b, [(rng.uniform(2.0, 3.5), 0.05), (rng.uniform(6, 9), 0.012)], rng)
        lines.append(_line("river", "1101", path, sc.river_width, min(40.0, sc.river_width * 0.75)))
    seats = geo.town_xy
    for t in range(1, len(seats)):
        path = _wavy(seats[0], seats[t], [(1.0, 0.04)], rng, n=300, pin=True)
        lines.append(_line("highway", "1003", path, sc.highway_width, sc.highway_width))
    a0 = rng.uniform(0, 2 * np.pi)
    through = _wavy(c + reach * np.array([np.cos(a0), np.sin(a0)]), c - reach * np.array([np.cos(a0), np.sin(a0)]),
                    [(0.5, 0.03)], rng, n=300)
    lines.append(_line("highway", "1003", through, sc.highway_width, sc.highway_width))
    theta = rng.uniform(0, np.pi)
    u = np.array([np.cos(theta), np.sin(theta)])
    v = np.array([-u[1], u[0]])
    for off in np.arange(-reach, reach, sc.canal_spacing) + rng.uniform(0, sc.canal_spacing):
        path = _wavy(c + off * v - reach * u, c + off * v + reach * u, [(rng.uniform(3, 6), 0.004)], rng, n=300)
        lines.append(_line("canal", "1107", path, 10.0, 25.0))
    lines.extend(_rural_roads(geo))
    return [ln for ln in lines if ln is not None]


def _rural_roads(geo: Geography) -> list[Line]:
    """Each natural village is linked to its nearest neighbour in another village or a town seat."""
    cx = geo.cluster_xy
    targets = np.r_[cx, geo.town_xy]
    owner = np.r_[geo.cluster_village, -1 - np.arange(len(geo.town_xy))]
    pairs = []
    for i, p in enumerate(cx):
        d = np.sqrt(((targets - p) ** 2).sum(axis=1))
        d[owner == geo.cluster_village[i]] = np.inf
        j = int(np.argmin(d))
        pair = (min(i, j), max(i, j))
        if pair not in pairs:
            pairs.append(pair)
    out = []
    for i, j in pairs:
        a, b = targets[i], targets[j]
        mid = (a + b) / 2 + 0.08 * np.array([-(b - a)[1], (b - a)[0]])
        path = np.r_[np.linspace(a, mid, 50), np.linspace(mid, b, 50)[1:]]
        out.append(_line("road", "1006", path, 7.0, 25.0))
    return out
