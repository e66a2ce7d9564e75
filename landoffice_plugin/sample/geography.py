"""The county's physical and administrative layout before any polygon exists.

A noisy blob is the county; k-means seeds make townships and villages; smooth random fields
give hills and crop patterns; polylines carry rivers, highways, canals and rural roads.
All lengths are metres in EPSG:4549 (CGCS2000 3° GK, CM 120°E, no zone prefix).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

EPSG = 4549
CENTRE = (505000.0, 3485000.0)


@dataclass(frozen=True)
class Scale:
    name: str
    townships: int
    villages: tuple  # (min, max) per township
    radius: float  # mean county radius (m)
    spacing: float  # generator spacing of ordinary patches (m)
    rivers: int
    canal_spacing: float
    river_width: float
    highway_width: float


SCALES = {
    "small": Scale("small", 3, (10, 13), 2850.0, 80.0, 1, 650.0, 45.0, 24.0),
    "county": Scale("county", 10, (12, 22), 20500.0, 80.0, 2, 2300.0, 80.0, 30.0),
}


class Noise:
    """Smooth random field (sum of random plane waves), mean 0, standard deviation ~1."""

    def __init__(self, rng: np.random.Generator, wavelength: float, waves: int = 16):
        k = 2 * np.pi / (wavelength * rng.uniform(0.6, 1.6, waves))
        angle = rng.uniform(0, 2 * np.pi, waves)
        self.kx, self.ky = k * np.cos(angle), k * np.sin(angle)
        self.phase = rng.uniform(0, 2 * np.pi, waves)
        self.norm = np.sqrt(2.0 / waves)

    def __call__(self, x, y) -> np.ndarray:
        x = np.asarray(x, float) - CENTRE[0]
        y = np.asarray(y, float) - CENTRE[1]
        out = np.zeros(np.shape(x))
        for kx, ky, ph in zip(self.kx, self.ky, self.phase):
            out += np.cos(x * kx + y * ky + ph)
        return out * self.norm


@dataclass
class Line:
    kind: str  # river / highway / canal / road
    code: str  # DLBM of its patches
    centre: np.ndarray  # (n, 2) centre points at ``step`` spacing
    normal: np.ndarray  # (n, 2) unit normals
    width: float
    step: float


@dataclass
class Geography:
    scale: Scale
    region: object  # shapely Polygon
    town_xy: np.ndarray
    town_radius: np.ndarray
    village_xy: np.ndarray
    village_town: np.ndarray
    cluster_xy: np.ndarray
    cluster_radius: np.ndarray
    cluster_village: np.ndarray
    hill_dir: np.ndarray
    industry_dir: np.ndarray  # per town, unit vector of its industrial park
    noises: dict = field(default_factory=dict)
    lines: list = field(default_factory=list)
    warp_amp: float = 0.0

    def warped(self, xy: np.ndarray) -> np.ndarray:
        x, y = xy[:, 0], xy[:, 1]
        return np.c_[x + self.warp_amp * self.noises["wx"](x, y), y + self.warp_amp * self.noises["wy"](x, y)]

    def assign(self, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(township index, village index) of points, by warped nearest seed."""
        w = self.warped(xy)
        town = _nearest(w, self.town_xy)
        village = np.empty(len(xy), dtype=np.int64)
        for t in range(len(self.town_xy)):
            sel = np.flatnonzero(town == t)
            cand = np.flatnonzero(self.village_town == t)
            village[sel] = cand[_nearest(w[sel], self.village_xy[cand])]
        return town, village

    def hill(self, xy: np.ndarray) -> np.ndarray:
        """> 0 in the hilly corner, growing uphill."""
        rel = (xy - np.asarray(CENTRE)) @ self.hill_dir / self.scale.radius
        return rel - 0.5 + 0.18 * self.noises["hill"](xy[:, 0], xy[:, 1])


def _nearest(points: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    out = np.empty(len(points), dtype=np.int64)
    for s in range(0, len(points), 50000):
        chunk = points[s:s + 50000]
        d = ((chunk[:, None, :] - seeds[None, :, :]) ** 2).sum(axis=2)
        out[s:s + 50000] = d.argmin(axis=1)
    return out


def _kmeans(rng: np.random.Generator, pts: np.ndarray, k: int, iterations: int = 12) -> np.ndarray:
    centres = pts[rng.choice(len(pts), size=k, replace=False)]
    for _ in range(iterations):
        lab = _nearest(pts, centres)
        for j in range(k):
            member = pts[lab == j]
            if len(member):
                centres[j] = member.mean(axis=0)
    return centres


def county_region(rng: np.random.Generator, radius: float):
    theta = np.linspace(0, 2 * np.pi, 1024, endpoint=False)
    r = np.ones_like(theta)
    for k, amp in ((2, 0.12), (3, 0.07), (5, 0.04), (9, 0.02), (15, 0.008)):
        r += amp * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    xy = np.c_[CENTRE[0] + radius * r * np.cos(theta), CENTRE[1] + radius * r * np.sin(theta)]
    return shapely.Polygon(xy)


def _sample_inside(rng, region, n: int) -> np.ndarray:
    x0, y0, x1, y1 = region.bounds
    out = []
    while sum(len(o) for o in out) < n:
        p = rng.uniform((x0, y0), (x1, y1), size=(n, 2))
        out.append(p[shapely.contains_xy(region, p[:, 0], p[:, 1])])
    return np.concatenate(out)[:n]


def build_geography(rng: np.random.Generator, scale: Scale) -> Geography:
    region = county_region(rng, scale.radius)
    noises = {name: Noise(rng, wl) for name, wl in (
        ("wx", scale.radius * 0.5), ("wy", scale.radius * 0.5), ("hill", scale.radius * 0.35),
        ("crop", 2500.0), ("orchard", 1800.0), ("wood", 900.0), ("grade", 1500.0), ("radius", 400.0))}
    sample = _sample_inside(rng, region, 30000 if scale.townships > 3 else 12000)
    town_xy = _kmeans(rng, sample, scale.townships)
    # the county seat is the township nearest the centre; put it first
    seat = int(np.argmin(((town_xy - np.asarray(CENTRE)) ** 2).sum(axis=1)))
    town_xy = np.r_[town_xy[seat:seat + 1], np.delete(town_xy, seat, axis=0)]
    town_area = region.area / scale.townships
    village_spacing = np.sqrt(town_area / np.mean(scale.villages))
    geo = Geography(scale, region, town_xy, np.zeros(0), np.zeros((0, 2)), np.zeros(0, int),
                    np.zeros((0, 2)), np.zeros(0), np.zeros(0, int), np.zeros(2), np.zeros((0, 2)), noises,
                    warp_amp=0.22 * village_spacing)
    sample_town = _nearest(geo.warped(sample), town_xy)
    v_xy, v_town = [], []
    for t in range(scale.townships):
        k = int(rng.integers(scale.villages[0], scale.villages[1] + 1))
        v_xy.append(_kmeans(rng, sample[sample_town == t], k))
        v_town.append(np.full(k, t))
    geo.village_xy = np.concatenate(v_xy)
    geo.village_town = np.concatenate(v_town)
    radius = 0.13 * np.sqrt(town_area) * rng.uniform(0.85, 1.15, scale.townships)
    radius[0] *= 1.7
    geo.town_radius = radius
    angle = rng.uniform(0, 2 * np.pi, scale.townships)
    geo.industry_dir = np.c_[np.cos(angle), np.sin(angle)]
    a = rng.uniform(0, 2 * np.pi)
    geo.hill_dir = np.array([np.cos(a), np.sin(a)])
    _add_clusters(rng, geo, village_spacing)
    from .lines import build_lines

    geo.lines = build_lines(rng, geo)
    return geo


def _add_clusters(rng, geo: Geography, village_spacing: float) -> None:
    """Natural villages (自然村): 1–3 clusters of homesteads per village, kept out of towns."""
    xy, rad, vil = [], [], []
    for v, seed in enumerate(geo.village_xy):
        n = int(rng.choice([1, 2, 2, 3]))
        for c in range(n):
            if c == 0:
                p = seed + rng.normal(0, 0.05 * village_spacing, 2)
            else:
                ang = rng.uniform(0, 2 * np.pi)
                p = seed + rng.uniform(0.25, 0.42) * village_spacing * np.array([np.cos(ang), np.sin(ang)])
            d_town = np.sqrt(((geo.town_xy - p) ** 2).sum(axis=1)) - geo.town_radius
            if d_town.min() < 0.1 * village_spacing or not geo.region.contains(shapely.Point(p)):
                continue
            xy.append(p)
            rad.append(village_spacing * rng.uniform(0.09, 0.13))
            vil.append(v)
    geo.cluster_xy = np.asarray(xy).reshape(-1, 2)
    geo.cluster_radius = np.asarray(rad)
    geo.cluster_village = np.asarray(vil, dtype=np.int64)
