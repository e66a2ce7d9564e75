"""The estimate: red-line mode (征地拆迁成本) and village-reclamation mode (村庄复垦成本).

Red-line mode: land compensation and resettlement by zone grade on collective land, crop
compensation by land class, houses by structure and age band, moving, transition, social
security, attachments, contingency. Reclamation mode (selected villages): the homestead land
(DLTB 0702) to reclaim, the demolition compensation of every homestead in those villages (no land
compensation: the land stays collective), reclamation works per 亩, and the cost per 亩 of new
cropland (total / (reclaimed 亩 × new-cropland ratio)).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Optional

import shapely
from qgis.core import QgsRectangle

from landoffice_plugin.core.crs import working_crs
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr, zh
from landoffice_plugin.log import get_logger

from .homesteads import RULES, buildings_of, homesteads_in_redline, homesteads_in_villages, households_of
from .inputs import LayerInput
from .land import homestead_land, land_in_redline
from .lines import contingency_line, house_lines, household_rows, land_lines, people_lines
from .model import Estimate, LineItem
from .money import ZERO, mu
from .redline import RedLine
from .standard import Standard


@dataclass
class CostInputs:
    dltb: LayerInput
    zd: LayerInput
    zrz: LayerInput
    hj: LayerInput
    zones: Optional[LayerInput] = None

    def __post_init__(self):
        """Every layer read in one working CRS chosen from the DLTB's extent (a projected CGCS2000 zone: geographic
        data or layers in different CRSs are reprojected before any overlay); areas stay ellipsoidal."""
        dltb = self.dltb
        work = working_crs(dltb.extent if dltb.extent is not None else QgsRectangle(), dltb.crs, dltb.name)
        for inp in (self.dltb, self.zd, self.zrz, self.hj, self.zones):
            if inp is not None:
                inp.work = work


@dataclass
class Options:
    rule: str = "share"          # 'share' (overlap share ≥ threshold) or 'centroid'
    threshold: float = 0.5
    as_of: datetime.date = field(default_factory=datetime.date.today)
    title: str = ""
    social_security: Optional[bool] = None  # default: yes for a red line, no for reclamation

    def check(self) -> None:
        if self.rule not in RULES:
            raise LandOfficeError("Unknown homestead rule '{rule}': use 'share' or 'centroid'.", rule=self.rule)
        if not 0 < self.threshold <= 1:
            raise LandOfficeError("The overlap threshold {value} must lie above 0 and at most 1 (e.g. 0.5 for half "
                                  "of the parcel).", value=str(self.threshold))


def _progress(feedback, value: float, text: str = "") -> None:
    if feedback is None:
        return
    if feedback.isCanceled():
        raise LandOfficeError("The estimate was cancelled.")
    feedback.setProgress(value)
    if text:
        feedback.pushInfo(text)


def _people(inputs: CostInputs, homesteads, buildings, st: Standard, est: Estimate, social: bool) -> list:
    households, orphans = households_of(inputs.hj, inputs.zd, homesteads, est.warnings)
    est.orphans = orphans
    if orphans:
        est.warnings.append(tr("{n} households in the affected villages point to a parcel that does not exist "
                               "(listed in the report): {ids}").format(
            n=len(orphans), ids=", ".join(h for h, _z in orphans[:10]) + (" …" if len(orphans) > 10 else "")))
    with_people = {h.zddm for h in households.values()}
    empty = [z for z in homesteads.codes if z not in with_people]
    if empty:
        est.warnings.append(tr("{n} affected homesteads have no registered household: no moving, transition or "
                               "social-security cost is counted for them: {ids}").format(
            n=len(empty), ids=", ".join(empty[:10]) + (" …" if len(empty) > 10 else "")))
    est.households = household_rows(households, buildings, homesteads.codes, st, social)
    n_persons = sum(h.persons for h in households.values())
    return people_lines(len(households), n_persons, len(homesteads.codes), st, social)


def _finish(est: Estimate, lines: list) -> Estimate:
    est.lines = lines
    est.lines.append(contingency_line(est.subtotal, est.standard))
    for text in est.missing:
        est.warnings.append(tr("Missing rate, not counted in the total: {item}").format(item=text))
    get_logger().info(tr("Cost estimate {title}: {lines} lines, total {total} yuan, {warnings} warnings").format(
        title=est.title, lines=len(est.lines), total=est.total, warnings=len(est.warnings)))
    return est


def estimate_redline(inputs: CostInputs, redline: RedLine, standard: Standard, options: Optional[Options] = None,
                     feedback=None) -> Estimate:
    """Itemised requisition-and-demolition estimate for the land inside ``redline``."""
    options = options or Options()
    options.check()
    est = Estimate(options.title or redline.name or tr("red line"), standard, as_of=options.as_of,
                   rule=_rule_text(options), warnings=list(redline.notes))
    geom = redline.geometry
    work = inputs.dltb.geometry_crs
    if work.isValid() and redline.crs != work:
        from .inputs import transform_geometry

        geom = transform_geometry(geom, redline.crs, work)
    est.redline_wkb, est.crs_authid = bytes(geom.asWkb()), work.authid()
    _progress(feedback, 5, tr("Land inside the red line"))
    est.land = land_in_redline(inputs.dltb, redline, standard, inputs.zones)
    if not est.land:
        est.warnings.append(tr("The red line covers no land-use patch (DLTB): check that it lies on the data."))
    _progress(feedback, 40, tr("Homesteads, buildings and households"))
    homesteads = homesteads_in_redline(inputs.zd, redline, options.rule, options.threshold)
    est.homesteads = homesteads.codes
    est.buildings = buildings_of(inputs.zrz, homesteads, standard, options.as_of, est.warnings)
    _progress(feedback, 70)
    social = True if options.social_security is None else options.social_security
    lines = land_lines(est.land, standard, est.missing)
    lines += house_lines(est.buildings, standard, est.missing)
    lines += _people(inputs, homesteads, est.buildings, standard, est, social)
    _progress(feedback, 95)
    return _finish(est, lines)


def estimate_villages(inputs: CostInputs, village_codes, standard: Standard, options: Optional[Options] = None,
                      feedback=None) -> Estimate:
    """Village reclamation cost for ``village_codes`` (12-digit village codes; longer codes are cut to 12)."""
    options = options or Options()
    villages = sorted({str(c).strip()[:12] for c in village_codes if str(c).strip()})
    bad = [v for v in villages if len(v) != 12 or not v.isdigit()]
    if not villages or bad:
        raise LandOfficeError("Give the villages as 12-digit village codes (the first 12 digits of ZLDWDM); not "
                              "valid: {codes}.", codes=", ".join(bad) or "—")
    est = Estimate(options.title or zh("Village reclamation {codes}").format(codes=", ".join(villages)), standard,
                   as_of=options.as_of, rule=zh("all homesteads (ZDDM J+C) of the villages"), mode="reclamation",
                   villages=villages)
    _progress(feedback, 5, tr("Homestead land (0702) to reclaim"))
    est.land, union = homestead_land(inputs.dltb, villages)
    if union is not None:
        est.redline_wkb, est.crs_authid = shapely.to_wkb(union), inputs.dltb.geometry_crs.authid()
    est.reclaim_mu = sum((p.mu for p in est.land), ZERO)
    if not est.land:
        est.warnings.append(tr("The villages {codes} have no homestead land (DLTB 0702) to reclaim.").format(
            codes=", ".join(villages)))
    _progress(feedback, 40, tr("Homesteads, buildings and households"))
    homesteads = homesteads_in_villages(inputs.zd, villages)
    est.homesteads = homesteads.codes
    est.buildings = buildings_of(inputs.zrz, homesteads, standard, options.as_of, est.warnings)
    social = False if options.social_security is None else options.social_security
    lines = house_lines(est.buildings, standard, est.missing)
    lines += _people(inputs, homesteads, est.buildings, standard, est, social)
    lines.append(LineItem("reclamation", "reclamation", "宅基地（0702）复垦", mu(est.reclaim_mu), "亩",
                          standard.reclamation, "元/亩", source=f"{standard.document} · 复垦工程费"))
    _progress(feedback, 95)
    return _finish(est, lines)


def _rule_text(options: Options) -> str:
    if options.rule == "centroid":
        return zh("homesteads whose centroid lies inside the red line")
    return zh("homesteads with at least {pct}% of their area inside the red line").format(
        pct=f"{options.threshold * 100:g}")
