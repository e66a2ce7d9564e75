"""The site check: what the site holds in each role layer and control layer, and the verdicts.

:func:`check_site` takes a :class:`~landoffice_plugin.sitecheck.site.Site` (any CRS) and the role layers
(``{role: QgsVectorLayer}``, each optional but DLTB), works in the site's CGCS2000 3° zone, and reads only the
features in the site's bounding box of each layer (:mod:`.overlay`). Areas are ellipsoidal 亩. A layer that
was not given is said to be unchecked; a layer that was given but holds nothing inside the site gets a table
saying so. Runs on the main thread (feature sources are made from the layers here).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import shapely
from qgis.core import QgsCoordinateTransform, QgsProject, QgsVectorLayerFeatureSource

from landoffice_plugin.core.area import ellipsoidal_areas, m2_to_mu
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.fields import code_table
from landoffice_plugin.core.landuse import default_codes, normalise_landuse_code
from landoffice_plugin.core.layer_input import LayerInput
from landoffice_plugin.core.personal import mask_name
from landoffice_plugin.cost.inputs import in_expression, layer_input
from landoffice_plugin.cost.population import read_households
from landoffice_plugin.i18n import tr

from .model import Col, Piece, SiteReport, Table
from .overlay import Cut, bbox_rect, cut_layer
from .rules import SiteRules, load_site_rules, normalise_level
from .site import Site, site_in_zone
from .verdicts import verdicts

ROLES = ("XZQ", "DLTB", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "ZD", "ZRZ", "HJ")
AREA, SHARE = Col("mu", "面积", "亩", "area"), Col("share", "占选址比例", "", "percent")
SLOPE_NAMES = {"1": "1级（≤2°）", "2": "2级（2°–6°）", "3": "3级（6°–15°）", "4": "4级（15°–25°）", "5": "5级（>25°）"}
GDLX_NAMES = {"TT": "梯田", "PD": "坡地"}


@dataclass
class ControlLayer:
    """A layer another department gives (水源保护区, 自然保护区 …) and its rule: 禁止 / 限制 / 提示 for the whole
    layer (``level``) or per feature (the layer's ``rule_field``)."""

    layer: object
    level: Optional[str] = None
    rule_field: Optional[str] = None
    name_field: Optional[str] = None


@dataclass
class SiteInputs:
    layers: dict                              # role -> QgsVectorLayer (None or missing: not checked)
    controls: list = field(default_factory=list)
    rules: Optional[SiteRules] = None


def control_layer(layer, rules: SiteRules) -> ControlLayer:
    """The rule of a control layer: from the rules file (its name under [controls]) or a rule field; a layer with
    neither is a LandOfficeError saying both ways to give it."""
    if layer is None or not layer.isValid():
        raise LandOfficeError("A control layer cannot be read: check that its file exists and choose it again.")
    names = {n.upper(): n for n in layer.fields().names()}
    name_field = next((names[f.upper()] for f in rules.name_fields if f.upper() in names), None)
    level = rules.control_level(layer.name())
    if level is not None:
        return ControlLayer(layer, level=level, name_field=name_field)
    rule_field = next((names[f.upper()] for f in rules.rule_fields if f.upper() in names), None)
    if rule_field is None:
        raise LandOfficeError(
            "Control layer '{layer}' has no rule: add it to [controls] of the site-check rules file as "
            "\"{layer}\" = \"禁止\" (or \"限制\", \"提示\"), or give the layer a field {fields} holding "
            "禁止, 限制 or 提示 for each feature.", layer=layer.name(), fields=" / ".join(rules.rule_fields) or "GKJB")
    return ControlLayer(layer, rule_field=rule_field, name_field=name_field)


def _share(m2: float, site_m2: float) -> float:
    return float(m2) / site_m2 if site_m2 > 0 else 0.0


def _mu(m2) -> float:
    return float(m2_to_mu(float(m2)))


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _date(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else _text(value)


class _Check:
    def __init__(self, site: Site, inputs: SiteInputs):
        self.rules = inputs.rules or load_site_rules()
        self.site_name = site.name
        self.geom, self.crs = site_in_zone(site)
        self.site_m2 = float(ellipsoidal_areas(np.asarray([self.geom], dtype=object), self.crs)[0])
        self.min_m2 = self.rules.min_piece_m2
        self.layers = {r: lyr for r, lyr in (inputs.layers or {}).items() if lyr is not None}
        self.report = SiteReport(site.name, self.crs.authid(), shapely.to_wkb(self.geom), _mu(self.site_m2), [],
                                 notes=list(site.notes))
        self.inputs = {}

    def inp(self, role: str) -> Optional[LayerInput]:
        layer = self.layers.get(role)
        if layer is None:
            return None
        if role not in self.inputs:
            inp = layer_input(layer, role)
            inp.work = self.crs
            self.inputs[role] = inp
        return self.inputs[role]

    def cut(self, role: str, names) -> Optional[Cut]:
        inp = self.inp(role)
        return None if inp is None else cut_layer(inp, names, self.geom, self.crs, self.min_m2)

    def not_given(self, role: str, what: str) -> None:
        self.report.notes.append(tr("No {what} layer was given: the site was not checked against it.").format(
            what=what))

    def add_pieces(self, layer: str, category: str, cut: Cut, labels) -> None:
        for k, label in enumerate(labels):
            self.report.pieces.append(Piece(layer, category, label, _mu(cut.m2[k]), _share(cut.m2[k], self.site_m2),
                                            shapely.to_wkb(cut.parts[k])))

    def table(self, table_id, title, columns, rows, empty_text, total_m2=None) -> Table:
        t = Table(table_id, title, columns, rows, empty_text, None if total_m2 is None else _mu(total_m2))
        self.report.tables.append(t)
        return t

    def grouped(self, table_id, title, key_col: Col, name_col: Optional[Col], groups: dict, empty_text: str,
                names=None):
        rows = []
        for key in sorted(groups):
            row = {key_col.key: key, "mu": _mu(groups[key]), "share": _share(groups[key], self.site_m2)}
            if name_col is not None:
                row[name_col.key] = (names or {}).get(key, "")
            rows.append(row)
        cols = [key_col] + ([name_col] if name_col is not None else []) + [AREA, SHARE]
        return self.table(table_id, title, cols, rows, empty_text, sum(groups.values()))


def _townships(chk: _Check) -> None:
    cut = chk.cut("XZQ", ["XZQDM", "XZQMC"])
    if cut is None:
        chk.not_given("XZQ", tr("township (XZQ)"))
        return
    if not len(cut):
        raise _outside_error(chk, chk.layers["XZQ"], tr("township"))
    chk.report.townships = [f"{cut.text('XZQMC', k)}（{cut.text('XZQDM', k)}）" for k in range(len(cut))]


def _outside_error(chk: _Check, layer, what: str) -> LandOfficeError:
    ext = layer.extent()
    if layer.crs() != chk.crs:
        ext = QgsCoordinateTransform(layer.crs(), chk.crs, QgsProject.instance().transformContext()
                                     ).transformBoundingBox(ext)
    cx, cy = shapely.centroid(chk.geom).x, shapely.centroid(chk.geom).y
    hint = ""
    if ext.xMinimum() <= cy <= ext.xMaximum() and ext.yMinimum() <= cx <= ext.yMaximum():
        hint = tr(" With X and Y exchanged it would lie inside: the coordinates look swapped (X is the northing).")
    elif abs(cx - (ext.xMinimum() + ext.xMaximum()) / 2) > 100_000:
        hint = tr(" It lies more than 100 km east or west of the data: are the coordinates from another "
                  "Gauss-Kruger zone, or is the site's coordinate system wrong?")
    return LandOfficeError(
        "The site '{site}' (centre E {x}, N {y} in {crs}) lies outside every {what} of layer '{layer}' (its data "
        "cover E {x0}–{x1}, N {y0}–{y1}).{hint} Check the site's position and coordinate system, or choose the "
        "layers of the county it lies in.", site=chk.site_name, x=f"{cx:.1f}", y=f"{cy:.1f}", crs=chk.crs.authid(),
        what=what, layer=layer.name(), x0=f"{ext.xMinimum():.0f}", x1=f"{ext.xMaximum():.0f}",
        y0=f"{ext.yMinimum():.0f}", y1=f"{ext.yMaximum():.0f}", hint=hint)


def _landuse(chk: _Check) -> None:
    cut = chk.cut("DLTB", ["TBBH", "DLBM", "DLMC", "KCDLBM", "KCXS", "GDLX", "GDPDJB", "ZLDWMC"])
    if cut is None:
        raise LandOfficeError("The land-use patch layer (DLTB) is missing: choose it; the site check measures the "
                              "land use of the site from it.")
    if not len(cut):
        raise _outside_error(chk, chk.layers["DLTB"], tr("land-use patch"))
    codes = default_codes()
    cats, first, second, slope, gdlx = {}, {}, {}, {}, {}
    labels, names = [], {}
    for k in range(len(cut)):
        m2 = float(cut.m2[k])
        dlbm = normalise_landuse_code(cut.value("DLBM", k))
        kcxs = cut.value("KCXS", k)
        try:
            kcxs = float(kcxs) if kcxs not in (None, "") else 0.0
        except (TypeError, ValueError):
            kcxs = 0.0
        kcxs = kcxs if 0.0 < kcxs < 1.0 else 0.0
        shares = [(dlbm, m2 * (1.0 - kcxs))]
        if kcxs:
            shares.append((normalise_landuse_code(cut.value("KCDLBM", k)) or "1203", m2 * kcxs))
        for code, part in shares:
            cat = codes.legal_category(code) or tr("unknown class")
            cats[cat] = cats.get(cat, 0.0) + part
            base = codes.base_code(code) or code
            first[base[:2]] = first.get(base[:2], 0.0) + part
            second[code] = second.get(code, 0.0) + part
            names.setdefault(code, codes.name(code) or _text(cut.value("DLMC", k)))
            names.setdefault(base[:2], codes.name(base[:2]))
            if codes.is_cropland(code):
                grade = cut.text("GDPDJB", k)
                grade = grade[:-2] if grade.endswith(".0") else grade
                slope[grade or "—"] = slope.get(grade or "—", 0.0) + part
                kind = cut.text("GDLX", k).upper()
                gdlx[kind or "—"] = gdlx.get(kind or "—", 0.0) + part
        labels.append(f"{dlbm} {names.get(dlbm, '')} {cut.text('TBBH', k)}".strip())
    chk.add_pieces(tr("Land use (DLTB)"), "DLTB", cut, labels)
    covered = float(cut.m2.sum())
    gap = chk.site_m2 - covered
    if gap > max(chk.min_m2, chk.site_m2 * 1e-6):
        chk.report.notes.append(tr("{mu} 亩 of the site are covered by no land-use patch (outside the county's data "
                                   "or in a gap of it); the land-use tables add up to {covered} 亩.").format(
            mu=f"{_mu(gap):.2f}", covered=f"{_mu(covered):.2f}"))
    order = {c: i for i, c in enumerate(("农用地", "建设用地", "未利用地"))}
    cat_rows = [{"category": c, "mu": _mu(v), "share": _share(v, chk.site_m2)}
                for c, v in sorted(cats.items(), key=lambda kv: order.get(kv[0], 9))]
    chk.table("categories", "三大类", [Col("category", "三大类"), AREA, SHARE], cat_rows,
              "选址范围内没有地类图斑", covered)
    chk.grouped("classes", "一级地类", Col("code", "地类编码"), Col("name", "地类名称"), first,
                "选址范围内没有地类图斑", names)
    chk.grouped("subclasses", "二级地类", Col("code", "地类编码"), Col("name", "地类名称"), second,
                "选址范围内没有地类图斑", names)
    chk.grouped("cropland", "耕地（按坡度级别）", Col("grade", "耕地坡度级别"), Col("name", "坡度"), slope,
                "选址范围内没有耕地", SLOPE_NAMES)
    chk.grouped("cropland_type", "耕地（按耕地类型）", Col("kind", "耕地类型"), Col("name", "名称"), gdlx,
                "选址范围内没有耕地", {**GDLX_NAMES, "—": "平地/未标注"})


def _features(chk: _Check, role: str, table_id: str, title: str, what: str, fields: list, cols: list,
              label_of, empty_text: str):
    cut = chk.cut(role, [f for f, _c in fields])
    if cut is None:
        chk.not_given(role, what)
        return None
    rows = []
    for k in range(len(cut)):
        row = {}
        for name, col in fields:
            value = cut.value(name, k)
            row[col.key] = _date(value) if col.kind == "date" else (value if col.kind != "text" else _text(value))
        row.update(mu=_mu(cut.m2[k]), share=_share(cut.m2[k], chk.site_m2))
        rows.append(row)
    chk.add_pieces(what, role, cut, [label_of(cut, k) for k in range(len(cut))])
    chk.table(table_id, title, [c for _f, c in fields] + cols + [AREA, SHARE], rows, empty_text,
              float(cut.m2.sum()))
    return cut


def _constraints(chk: _Check) -> None:
    _features(chk, "YJJBNTTB", "basic_farmland", "永久基本农田", tr("permanent basic farmland (YJJBNTTB)"),
              [("JBNTTBBH", Col("no", "基本农田图斑编号")), ("DLBM", Col("dlbm", "地类编码"))], [],
              lambda c, k: c.text("JBNTTBBH", k), "不涉及永久基本农田")
    _features(chk, "STBHHX", "eco_redline", "生态保护红线", tr("ecological protection red line (STBHHX)"),
              [("HXBH", Col("no", "红线编号")), ("HXMC", Col("name", "红线名称")), ("HXLX", Col("kind", "红线类型"))],
              [], lambda c, k: c.text("HXMC", k) or c.text("HXBH", k), "不涉及生态保护红线")
    cut = chk.cut("CZKFBJ", ["FQDM", "FQMC"])
    if cut is None:
        chk.not_given("CZKFBJ", tr("urban development boundary (CZKFBJ)"))
        return
    zones = code_table("CZKFBJ", "FQDM")
    groups, names = {}, {}
    for k in range(len(cut)):
        code = cut.text("FQDM", k)
        groups[code] = groups.get(code, 0.0) + float(cut.m2[k])
        names[code] = (zones.get(code) or [cut.text("FQMC", k)])[0]
    chk.add_pieces(tr("Urban development boundary"), "CZKFBJ", cut,
                   [names.get(cut.text("FQDM", k), "") for k in range(len(cut))])
    inside = shapely.union_all(cut.parts) if len(cut) else None
    outside = chk.geom if inside is None else chk.geom.difference(inside)
    out_m2 = float(ellipsoidal_areas(np.asarray([outside], dtype=object), chk.crs)[0]) if not outside.is_empty else 0.0
    rows = [{"zone": c, "name": names[c], "mu": _mu(v), "share": _share(v, chk.site_m2)} for c, v in
            sorted(groups.items())]
    rows.append({"zone": "—", "name": "城镇开发边界外", "mu": _mu(out_m2), "share": _share(out_m2, chk.site_m2)})
    chk.table("boundary", "城镇开发边界", [Col("zone", "分区代码"), Col("name", "分区"), AREA, SHARE], rows, "")
    chk.table("outside_boundary", "城镇开发边界外", [AREA, SHARE],
              [{"mu": _mu(out_m2), "share": _share(out_m2, chk.site_m2)}] if out_m2 > chk.min_m2 else [],
              "全部位于城镇开发边界内", out_m2 if out_m2 > chk.min_m2 else 0.0)


def _approvals(chk: _Check) -> None:
    _features(chk, "PZYD", "approved", "批准用地", tr("approved conversion (PZYD)"),
              [("PZWH", Col("pzwh", "批准文号")), ("PCMC", Col("batch", "批次名称")),
               ("PZRQ", Col("date", "批准日期", kind="date"))], [],
              lambda c, k: c.text("PZWH", k), "不涉及批准用地")
    _features(chk, "GYYD", "supplied", "供地", tr("land supply (GYYD)"),
              [("DZJGH", Col("no", "电子监管号")), ("XMMC", Col("project", "项目名称")),
               ("SRR", Col("holder", "受让人")), ("GDFS", Col("how", "供地方式")), ("YT", Col("use", "用途")),
               ("GYRQ", Col("date", "供应日期", kind="date"))],
              [], lambda c, k: c.text("XMMC", k) or c.text("DZJGH", k), "不涉及已供地")


def _parcels_and_people(chk: _Check) -> None:
    cut = chk.cut("ZD", ["ZDDM", "QLRMC", "ZL", "YT", "ZDMJ"])
    codes, shares = [], {}
    if cut is None:
        chk.not_given("ZD", tr("parcel (ZD)"))
    else:
        rows = []
        for k in range(len(cut)):
            whole = float(shapely.area(cut.table.geoms[cut.rows[k]]))
            codes.append(cut.text("ZDDM", k))
            shares[codes[-1]] = float(shapely.area(cut.parts[k])) / whole if whole > 0 else 0.0
            rows.append({"zddm": codes[-1], "owner": mask_name(cut.text("QLRMC", k)), "zl": cut.text("ZL", k),
                         "yt": cut.text("YT", k), "mu": _mu(cut.m2[k]), "share": _share(cut.m2[k], chk.site_m2),
                         "inside": float(shapely.area(cut.parts[k])) / whole if whole > 0 else 0.0})
        chk.add_pieces(tr("Parcels (ZD)"), "ZD", cut, codes)
        chk.table("parcels", "宗地", [Col("zddm", "宗地代码"), Col("owner", "权利人（脱敏）"), Col("zl", "坐落"),
                                      Col("yt", "用途"), AREA, SHARE, Col("inside", "宗地在选址内比例", "", "percent")],
                  rows, "不涉及宗地", float(cut.m2.sum()))
    affected = {z for z, share in shares.items() if share >= chk.rules.household_parcel_share - 1e-12}
    cut = chk.cut("ZRZ", ["ZRZH", "ZDDM", "FWJG", "ZCS", "JZMJ"])
    if cut is None:
        chk.not_given("ZRZ", tr("building (ZRZ)"))
    else:
        structures = code_table("ZRZ", "FWJG")
        rows = []
        for k in range(len(cut)):
            whole = float(shapely.area(cut.table.geoms[cut.rows[k]]))
            fwjg = cut.text("FWJG", k)
            affected.add(cut.text("ZDDM", k))
            rows.append({"zrzh": cut.text("ZRZH", k), "zddm": cut.text("ZDDM", k),
                         "fwjg": (structures.get(fwjg) or [fwjg])[0], "zcs": cut.value("ZCS", k),
                         "jzmj": cut.value("JZMJ", k), "mu": _mu(cut.m2[k]), "share": _share(cut.m2[k], chk.site_m2),
                         "inside": float(shapely.area(cut.parts[k])) / whole if whole > 0 else 0.0})
        chk.add_pieces(tr("Buildings (ZRZ)"), "ZRZ", cut, [cut.text("ZRZH", k) for k in range(len(cut))])
        chk.table("buildings", "房屋（自然幢）", [Col("zrzh", "自然幢号"), Col("zddm", "宗地代码"), Col("fwjg", "结构"),
                                              Col("zcs", "层数", kind="integer"),
                                              Col("jzmj", "建筑面积", "平方米", "number"), AREA, SHARE,
                                              Col("inside", "基底在选址内比例", "", "percent")],
                  rows, "不涉及房屋", float(cut.m2.sum()))
    hj = chk.inp("HJ")
    if hj is None:
        chk.not_given("HJ", tr("household (HJ)"))
        return
    wanted = affected - {""}
    warnings: list = []
    found = read_households(hj, lambda z: z if z in wanted else None,
                            expression=in_expression(hj.actual("ZDDM"), wanted), warnings=warnings) if wanted else {}
    chk.report.notes.extend(warnings)
    rows = [{"hh": h.hh, "zddm": h.zddm, "head": mask_name(h.head), "persons": h.persons}
            for group in found.values() for h in group.values()]
    rows.sort(key=lambda r: (r["zddm"], r["hh"]))
    chk.table("households", "涉及户籍", [Col("hh", "户号"), Col("zddm", "宗地代码"), Col("head", "户主（脱敏）"),
                                     Col("persons", "人口", "人", "integer")], rows,
              "不涉及户籍（涉及房屋或大部分在选址内的宗地无登记人口）")


def _controls(chk: _Check, controls: list) -> None:
    rows = []
    for ctl in controls:
        layer = ctl.layer
        fields = [f for f in (ctl.rule_field, ctl.name_field) if f]
        inp = LayerInput(role="", name=layer.name(), crs=layer.crs(), source=QgsVectorLayerFeatureSource(layer),
                         mapping={f: f for f in fields}, extent=layer.extent(), work=chk.crs)
        cut = cut_layer(inp, fields, chk.geom, chk.crs, chk.min_m2)
        bad = []
        labels = []
        for k in range(len(cut)):
            level = ctl.level or normalise_level(cut.value(ctl.rule_field, k))
            if level is None:
                bad.append(cut.text(ctl.rule_field, k) or "—")
                level = "提示"
            label = cut.text(ctl.name_field, k) if ctl.name_field else ""
            labels.append(label or layer.name())
            rows.append({"layer": layer.name(), "level": level, "name": label, "mu": _mu(cut.m2[k]),
                         "share": _share(cut.m2[k], chk.site_m2)})
        if bad:
            chk.report.notes.append(tr("Control layer '{layer}': the rule field {field} holds {values}, which is not "
                                       "禁止, 限制 or 提示; those features were treated as 提示 (notice). Correct "
                                       "the field.").format(layer=layer.name(), field=ctl.rule_field,
                                                            values=", ".join(sorted(set(bad)))))
        if not len(cut):
            chk.report.notes.append(tr("Control layer '{layer}' ({level}): the site does not touch it.").format(
                layer=layer.name(), level=ctl.level or ctl.rule_field))
        chk.add_pieces(layer.name(), "CONTROL", cut, labels)
    if controls:
        chk.table("controls", "管控图层",
                  [Col("layer", "图层"), Col("level", "管控要求"), Col("name", "名称"), AREA, SHARE], rows,
                  "不涉及登记的管控图层", sum(_mu_to_m2(r["mu"]) for r in rows))


def _mu_to_m2(mu: float) -> float:
    return mu * 10000 / 15


def check_site(site: Site, inputs: SiteInputs, feedback=None) -> SiteReport:
    """The site report: tables per layer, verdicts by the rules, notes (repairs, layers not given, gaps)."""
    started = time.perf_counter()
    chk = _Check(site, inputs)
    rules = chk.rules
    controls = [c if isinstance(c, ControlLayer) else control_layer(c, rules) for c in inputs.controls]
    steps = (_townships, _landuse, _constraints, _approvals, _parcels_and_people)
    for i, step in enumerate(steps):
        if feedback is not None and feedback.isCanceled():
            raise LandOfficeError("The site check was cancelled.")
        step(chk)
        if feedback is not None:
            feedback.setProgress(100.0 * (i + 1) / (len(steps) + 1))
    _controls(chk, controls)
    chk.report.verdicts = verdicts(chk.report, rules)
    chk.report.seconds = time.perf_counter() - started
    return chk.report


def site_rect(report: SiteReport):
    return bbox_rect(shapely.from_wkb(report.site_wkb))
