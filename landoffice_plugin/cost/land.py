"""Land inside the red line: DLTB patches cut by the red line (and by zone polygons), ellipsoidal
亩 per piece (4 decimals), zone grade from a zone layer or from the standard's village table."""
from __future__ import annotations

from typing import Optional

import numpy as np
import shapely
from qgis.core import QgsGeometry

from landoffice_plugin.core.area import ellipsoidal_areas, m2_to_mu

from .inputs import LayerInput, prefix_expression, quote, read, transform_geometry
from .model import LandPiece
from .money import mu
from .redline import RedLine
from .standard import Standard

DLTB_FIELDS = ("TBBH", "DLBM", "DLMC", "ZLDWDM", "QSXZ")


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def redline_in(redline: RedLine, inp: LayerInput):
    """(shapely red line, its bounding QgsRectangle) in the CRS ``inp``'s geometries are read in."""
    geom = transform_geometry(redline.geometry, redline.crs, inp.geometry_crs)
    return shapely.from_wkb(bytes(geom.asWkb())), geom.boundingBox()


def _zones(zones: LayerInput, rect, target_crs):
    table = read(zones, ["GRADE"], rect=rect)
    geoms = []
    for g in table.geoms:
        if g is None:
            geoms.append(None)
            continue
        if zones.geometry_crs != target_crs:
            qg = QgsGeometry()
            qg.fromWkb(shapely.to_wkb(g))
            g = shapely.from_wkb(bytes(transform_geometry(qg, zones.geometry_crs, target_crs).asWkb()))
        geoms.append(g)
    grades = [_grade_text(v) for v in table.col("GRADE")]
    return [(g, gr) for g, gr in zip(geoms, grades) if g is not None and not g.is_empty]


def _grade_text(value) -> Optional[str]:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return str(value).strip()


def _village_grade(standard: Standard, zldwdm: str) -> Optional[str]:
    return standard.village_grades.get(zldwdm[:12], standard.default_grade)


def _pieces(table, parts: np.ndarray, grades: list, crs) -> list:
    areas = ellipsoidal_areas(parts, crs)
    out = []
    cols = table.columns
    for k, part_area in enumerate(areas):
        value = mu(m2_to_mu(float(part_area))) if np.isfinite(part_area) else mu(0)
        if value <= 0:
            continue
        j = grades[k][0]
        out.append(LandPiece(
            fid=int(table.fids[j]), tbbh=_text(cols["TBBH"][j]), dlbm=_text(cols["DLBM"][j]),
            dlmc=_text(cols["DLMC"][j]), village=_text(cols["ZLDWDM"][j])[:12], qsxz=_text(cols["QSXZ"][j]),
            grade=grades[k][1], mu=value))
    return out


def land_in_redline(dltb: LayerInput, redline: RedLine, standard: Standard,
                    zones: Optional[LayerInput] = None) -> list:
    """Land pieces (one per patch, or per patch and zone) inside the red line."""
    rl, rect = redline_in(redline, dltb)
    table = read(dltb, DLTB_FIELDS, rect=rect)
    if not len(table):
        return []
    shapely.prepare(rl)
    hit = np.flatnonzero(shapely.intersects(rl, table.geoms))
    parts = shapely.intersection(table.geoms[hit], rl)
    parts = shapely.get_parts(parts, return_index=True)
    keep = shapely.get_type_id(parts[0]) == 3  # polygons only (drop touching lines and points)
    geoms, owner = np.asarray(parts[0][keep], dtype=object), hit[parts[1][keep]]
    if zones is None:
        grades = [(j, _village_grade(standard, _text(table.col("ZLDWDM")[j]))) for j in owner]
        return _merge(_pieces(table, geoms, grades, dltb.geometry_crs))
    zone_list = _zones(zones, rect, dltb.geometry_crs)
    out_geoms, out_grades = [], []
    for g, j in zip(geoms, owner):
        rest = g
        for zg, grade in zone_list:
            if not zg.intersects(rest):
                continue
            inside = rest.intersection(zg)
            if inside.area > 0:
                out_geoms.append(inside)
                out_grades.append((j, grade))
                rest = rest.difference(zg)
            if rest.is_empty:
                break
        if not rest.is_empty and rest.area > 0:  # outside every zone polygon: the village table decides
            out_geoms.append(rest)
            out_grades.append((j, _village_grade(standard, _text(table.col("ZLDWDM")[j]))))
    return _merge(_pieces(table, np.asarray(out_geoms, dtype=object), out_grades, dltb.geometry_crs))


def _merge(pieces: list) -> list:
    """One piece per (patch, grade): parts of one patch split by the red line are added up."""
    merged: dict = {}
    for p in pieces:
        key = (p.fid, p.grade)
        if key in merged:
            merged[key].mu += p.mu
        else:
            merged[key] = p
    return list(merged.values())


def homestead_land(dltb: LayerInput, villages, code: str = "0702") -> tuple:
    """(pieces, union geometry) of the DLTB patches of class ``code`` in ``villages`` (reclamation mode)."""
    dlbm, zl = dltb.actual("DLBM"), dltb.actual("ZLDWDM")
    expr = f'"{dlbm}" = {quote(code)} AND ({prefix_expression(zl, villages)})'
    table = read(dltb, DLTB_FIELDS, expression=expr)
    if not len(table):
        return [], None
    grades = [(j, None) for j in range(len(table))]
    pieces = _pieces(table, table.geoms, grades, dltb.geometry_crs)
    return pieces, shapely.union_all(table.geoms)
