"""Builds the layer styles in ``resources/styles/<ROLE>.qml`` (run once; the .qml files are committed).

``.venv/bin/python -m landoffice_plugin.export.style_builder`` regenerates them. Colours follow
the 三调 map conventions approximately (an office can restyle a layer in QGIS and save over
the .qml); label fonts are Noto Sans CJK SC.
"""
from __future__ import annotations

import sys
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from landoffice_plugin.paths import resource_path
from landoffice_plugin.settings import REPORT_FONT

from .layout_fonts import make_font

STYLE_CATEGORIES = QgsMapLayer.Symbology | QgsMapLayer.Labeling | QgsMapLayer.Rendering

LABEL_DETAIL_SCALE = 10_000   # parcel numbers and company names only from 1:10 000 in
VILLAGE_LABEL_SCALE = 50_000  # village names from 1:50 000 in
DETAIL_LAYER_SCALE = 25_000   # parcels and buildings (thousands of outlines) only from 1:25 000 in

# first two digits of DLBM -> (label, fill colour); 三调 conventions, approximately
DLTB_CLASSES = (
    ("00", "00 湿地", "120,200,190"),
    ("01", "01 耕地", "250,240,130"),
    ("02", "02 园地", "240,190,110"),
    ("03", "03 林地", "60,160,80"),
    ("04", "04 草地", "190,230,120"),
    ("05", "05 商服用地", "240,100,100"),
    ("06", "06 工矿仓储用地", "200,110,80"),
    ("07", "07 住宅用地", "245,150,140"),
    ("08", "08 公共管理与公共服务用地", "235,140,190"),
    ("09", "09 特殊用地", "190,120,160"),
    ("10", "10 交通运输用地", "175,175,175"),
    ("11", "11 水域及水利设施用地", "140,200,240"),
    ("12", "12 其他土地", "230,225,205"),
)
FWJG_CLASSES = (
    ("1", "钢结构", "120,130,150"),
    ("2", "钢混结构", "170,150,190"),
    ("3", "钢筋混凝土结构", "200,160,170"),
    ("4", "混合结构", "230,190,150"),
    ("5", "砖木结构", "240,220,160"),
    ("6", "其他结构", "220,220,220"),
)
FQDM_CLASSES = (
    ("11", "集中建设区", "220,30,30"),
    ("12", "弹性发展区", "240,120,40"),
    ("13", "特别用途区", "150,60,170"),
)


def _fill(color: str, outline: str = "110,110,110", width: float = 0.1, style: str = "solid",
          outline_style: str = "solid") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({
        "color": color, "style": style, "outline_color": outline, "outline_width": str(width),
        "outline_width_unit": "MM", "outline_style": outline_style})


def _hatch(color: str, angle: float, outline_width: float = 0.4) -> QgsFillSymbol:
    symbol = _fill("0,0,0,0", color, outline_width, style="no")
    pattern = QgsLinePatternFillSymbolLayer()
    pattern.setLineAngle(angle)
    pattern.setDistance(2.5)
    pattern.setDistanceUnit(QgsUnitTypes.RenderMillimeters)
    pattern.setSubSymbol(QgsLineSymbol.createSimple({"color": color, "width": "0.25", "width_unit": "MM"}))
    symbol.insertSymbolLayer(0, pattern)
    return symbol


def _categorised(expression: str, classes, symbol_for, other_label: str = "其他") -> QgsCategorizedSymbolRenderer:
    categories = [QgsRendererCategory(value, symbol_for(color), label) for value, label, color in classes]
    categories.append(QgsRendererCategory("", symbol_for("230,230,230"), other_label))
    return QgsCategorizedSymbolRenderer(expression, categories)


def _labels(layer: QgsVectorLayer, expression: str, size: float, bold: bool = False,
            color: str = "0,0,0", point: bool = False, zoomed_out_limit: float = 0.0) -> None:
    """Labels; with ``zoomed_out_limit`` (a scale denominator) they show only at that scale and closer."""
    settings = QgsPalLayerSettings()
    if zoomed_out_limit:
        settings.scaleVisibility = True
        settings.minimumScale = zoomed_out_limit
        settings.maximumScale = 0.0
    settings.fieldName = expression
    settings.isExpression = not expression.isidentifier()
    fmt = QgsTextFormat()
    fmt.setFont(make_font(REPORT_FONT.default, size, bold))
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(*map(int, color.split(","))))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    settings.placement = QgsPalLayerSettings.AroundPoint if point else QgsPalLayerSettings.OverPoint
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _layer(geometry: str, fields: str) -> QgsVectorLayer:
    uri = f"{geometry}?crs=EPSG:4549" + "".join(f"&field={name}:string" for name in fields.split())
    return QgsVectorLayer(uri, "style", "memory")


def dltb_subclasses() -> list:
    """(code, label, "r,g,b") per second-level class from ``resources/landuse/sandiao_colours.csv``."""
    import csv

    from landoffice_plugin.core.landuse import default_codes

    codes = default_codes()
    with resource_path("landuse", "sandiao_colours.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return [(r["code"], f"{r['code']} {codes.name(r['code'])}", f"{r['r']},{r['g']},{r['b']}") for r in rows]


def style_dltb():
    """By second-level class (0101 水田, 0102 水浇地 …; 0201K and 1104A fall in 0201 and 1104)."""
    layer = _layer("Polygon", "DLBM DLMC")
    layer.setRenderer(_categorised('left("DLBM", 4)', dltb_subclasses(), lambda c: _fill(c, "130,130,130", 0.05)))
    return layer


def _detail_only(layer: QgsVectorLayer) -> QgsVectorLayer:
    layer.setScaleBasedVisibility(True)
    layer.setMinimumScale(DETAIL_LAYER_SCALE)
    layer.setMaximumScale(0.0)
    return layer


def style_xzq():
    layer = _layer("Polygon", "XZQDM XZQMC")
    layer.setRenderer(QgsSingleSymbolRenderer(_fill("0,0,0,0", "90,40,110", 0.8, "no", "dash")))
    _labels(layer, "XZQMC", 12.0, bold=True, color="90,40,110")
    return layer


def style_cjdcq():
    layer = _layer("Polygon", "ZLDWDM ZLDWMC")
    layer.setRenderer(QgsSingleSymbolRenderer(_fill("0,0,0,0", "90,90,90", 0.3, "no", "dash")))
    _labels(layer, "ZLDWMC", 8.0, zoomed_out_limit=VILLAGE_LABEL_SCALE)
    return layer


def style_zd():
    layer = _layer("Polygon", "ZDDM ZL")
    layer.setRenderer(QgsSingleSymbolRenderer(_fill("0,0,0,0", "200,40,40", 0.25, "no")))
    _labels(layer, 'right("ZDDM", 5)', 7.0, color="200,40,40", zoomed_out_limit=LABEL_DETAIL_SCALE)
    return _detail_only(layer)


def style_zrz():
    layer = _layer("Polygon", "ZRZH ZDDM FWJG")
    layer.setRenderer(_categorised("FWJG", FWJG_CLASSES, lambda c: _fill(c, "80,80,80", 0.15)))
    return _detail_only(layer)


def style_yjjbnttb():
    layer = _layer("Polygon", "JBNTTBBH DLBM")
    layer.setRenderer(QgsSingleSymbolRenderer(_hatch("150,190,40", 45.0)))
    return layer


def style_stbhhx():
    layer = _layer("Polygon", "HXBH HXMC")
    layer.setRenderer(QgsSingleSymbolRenderer(_hatch("30,140,60", -45.0, 0.5)))
    return layer


def style_czkfbj():
    layer = _layer("Polygon", "FQDM FQMC")
    layer.setRenderer(_categorised("FQDM", FQDM_CLASSES, lambda c: _fill("0,0,0,0", c, 0.6, "no"), "其他分区"))
    return layer


def style_pzyd():
    layer = _layer("Polygon", "PZWH PCMC")
    layer.setRenderer(QgsSingleSymbolRenderer(_fill("250,170,60,70", "230,120,20", 0.4)))
    return layer


def style_gyyd():
    layer = _layer("Polygon", "DZJGH XMMC")
    layer.setRenderer(QgsSingleSymbolRenderer(_fill("80,140,230,60", "30,90,200", 0.4)))
    return layer


def style_gyqy():
    layer = _layer("Point", "QYMC ZDDM")
    marker = QgsMarkerSymbol.createSimple({"name": "square", "color": "130,60,160", "size": "2.4",
                                           "outline_color": "255,255,255", "outline_width": "0.3"})
    layer.setRenderer(QgsSingleSymbolRenderer(marker))
    _labels(layer, "QYMC", 7.0, color="90,30,120", point=True, zoomed_out_limit=LABEL_DETAIL_SCALE)
    return layer


BUILDERS = {
    "DLTB": style_dltb, "XZQ": style_xzq, "CJDCQ": style_cjdcq, "ZD": style_zd, "ZRZ": style_zrz,
    "YJJBNTTB": style_yjjbnttb, "STBHHX": style_stbhhx, "CZKFBJ": style_czkfbj,
    "PZYD": style_pzyd, "GYYD": style_gyyd, "GYQY": style_gyqy,
}


def write_styles(out_dir: Path | None = None) -> list[Path]:
    out_dir = Path(out_dir) if out_dir else resource_path("styles")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for role, build in BUILDERS.items():
        path = out_dir / f"{role}.qml"
        message, ok = build().saveNamedStyle(str(path), STYLE_CATEGORIES)
        if not ok:
            raise OSError(f"could not write {path}: {message}")
        written.append(path)
    return written


def main() -> int:
    from landoffice_plugin.headless import start_qgis

    start_qgis()
    for path in write_styles():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
