"""Homesteads (宅基地: ZD with ownership J and type C) hit by the red line, their buildings (ZRZ by
ZDDM) and households (HJ by ZDDM); households whose parcel does not exist are listed."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Optional

import numpy as np
import shapely
from qgis.core import QgsRectangle

from landoffice_plugin.core.fields import parse_date
from landoffice_plugin.i18n import tr

from .inputs import LayerInput, prefix_expression, read
from .land import redline_in
from .model import Building
from .money import m2
from .population import read_households
from .redline import RedLine
from .standard import Standard

RULES = ("share", "centroid")


@dataclass
class Homesteads:
    codes: list              # ZDDM, in layer order
    geoms: np.ndarray        # shapely, layer CRS
    owners: dict             # ZDDM -> 权利人


def is_homestead(zddm: str) -> bool:
    """宅基地使用权: 13th character J (collective), 14th C (homestead)."""
    return len(zddm) >= 14 and zddm[12:14].upper() == "JC"


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _select(table, mask) -> Homesteads:
    idx = np.flatnonzero(mask)
    codes = [_text(table.col("ZDDM")[i]) for i in idx]
    owners = {c: _text(table.col("QLRMC")[i]) for c, i in zip(codes, idx)}
    return Homesteads(codes, table.geoms[idx], owners)


def homesteads_in_redline(zd: LayerInput, redline: RedLine, rule: str = "share",
                          threshold: float = 0.5) -> Homesteads:
    """Homesteads whose overlap share with the red line is ≥ ``threshold`` (rule 'share') or whose centroid lies
    inside it (rule 'centroid')."""
    rl, rect = redline_in(redline, zd)
    table = read(zd, ["ZDDM", "QLRMC"], rect=rect)
    if not len(table):
        return Homesteads([], np.asarray([], dtype=object), {})
    home = np.asarray([is_homestead(_text(z)) for z in table.col("ZDDM")], dtype=bool)
    ok = home & ~shapely.is_missing(table.geoms)
    shapely.prepare(rl)
    if rule == "centroid":
        inside = np.zeros(len(table), bool)
        inside[ok] = shapely.contains(rl, shapely.centroid(table.geoms[ok]))
    else:
        inside = np.zeros(len(table), bool)
        cand = np.flatnonzero(ok)
        cand = cand[shapely.intersects(rl, table.geoms[cand])]
        area = shapely.area(table.geoms[cand])
        share = np.where(area > 0, shapely.area(shapely.intersection(table.geoms[cand], rl)) / np.maximum(area, 1e-12),
                         0.0)
        inside[cand] = share >= threshold - 1e-12
    return _select(table, inside)


def homesteads_in_villages(zd: LayerInput, villages) -> Homesteads:
    table = read(zd, ["ZDDM", "QLRMC"], expression=prefix_expression(zd.actual("ZDDM"), villages))
    home = np.asarray([is_homestead(_text(z)) for z in table.col("ZDDM")], dtype=bool)
    return _select(table, home)


def _age(completed: Optional[datetime.date], as_of: datetime.date) -> Optional[int]:
    if completed is None:
        return None
    years = as_of.year - completed.year - ((as_of.month, as_of.day) < (completed.month, completed.day))
    return max(0, years)


def _date(value) -> Optional[datetime.date]:
    day = parse_date(value)  # the one door: DATE, 2019-05-01, 2019/5/1, 20190501, 2019年5月1日
    if day is not None or value is None:
        return day
    try:
        return datetime.date(int(str(value).strip()[:4]), 7, 1)  # a year alone: mid-year
    except ValueError:
        return None


def _fwjg(value) -> str:
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return _text(value)


def buildings_of(zrz: LayerInput, homesteads: Homesteads, standard: Standard, as_of: datetime.date,
                 warnings: list) -> list:
    """Buildings on the homesteads with their structure, floor area, age and condition factor."""
    if not homesteads.codes:
        return []
    codes = set(homesteads.codes)
    bounds = shapely.total_bounds(homesteads.geoms)
    rect = QgsRectangle(*bounds)
    rect.grow(50.0)
    table = read(zrz, ["ZRZH", "ZDDM", "FWJG", "JZMJ", "JGRQ"], rect=rect)
    out = []
    no_date, no_area = [], []
    for i in range(len(table)):
        zddm = _text(table.col("ZDDM")[i])
        if zddm not in codes:
            continue
        zrzh = _text(table.col("ZRZH")[i]) or f"#{table.fids[i]}"
        fwjg = _fwjg(table.col("FWJG")[i])
        raw_area = table.col("JZMJ")[i]
        area = m2(raw_area) if raw_area not in (None, "") else m2(0)
        if raw_area in (None, ""):
            no_area.append(zrzh)
        completed = _date(table.col("JGRQ")[i])
        age = _age(completed, as_of)
        factor, band = standard.condition_factor(age) if age is not None else (None, None)
        if age is None:
            no_date.append(zrzh)
        out.append(Building(zrzh, zddm, fwjg, area, completed, age, factor, band,
                            standard.house_prices.get(fwjg), table.wkbs[i]))
    if no_date:
        warnings.append(tr("{n} buildings have no completion date (JGRQ), so no condition factor: {ids}").format(
            n=len(no_date), ids=", ".join(no_date[:10]) + (" …" if len(no_date) > 10 else "")))
    if no_area:
        warnings.append(tr("{n} buildings have no floor area (JZMJ) and count as 0 m²: {ids}").format(
            n=len(no_area), ids=", ".join(no_area[:10]) + (" …" if len(no_area) > 10 else "")))
    return out


def households_of(hj: LayerInput, zd: LayerInput, homesteads: Homesteads, warnings=None) -> tuple:
    """(households, orphans): households = {HH: PopulationHousehold} on the homesteads, from a population table
    of either shape (:mod:`.population`); orphans = [(HH, ZDDM)] of households in the same villages whose ZDDM
    matches no parcel."""
    if not homesteads.codes:
        return {}, []
    villages = sorted({c[:12] for c in homesteads.codes})
    known = read(zd, ["ZDDM"], expression=prefix_expression(zd.actual("ZDDM"), villages), geometry=False)
    parcels = {_text(z) for z in known.col("ZDDM")}
    wanted = set(homesteads.codes)

    def classify(zddm: str):
        return "on" if zddm in wanted else ("orphan" if zddm not in parcels else None)

    groups = read_households(hj, classify, prefix_expression(hj.actual("ZDDM"), villages), warnings)
    orphans = {hh: h.zddm for hh, h in groups.get("orphan", {}).items()}
    return groups.get("on", {}), sorted(orphans.items())
