"""Fonts on print-layout items, across QGIS 3.22 (QFont setters) and later (QgsTextFormat).

Chinese needs an explicit CJK family on every text item: the default fallback picks the
Japanese face of Noto Sans CJK.
"""
from __future__ import annotations

from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLegendStyle,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QFont

# legend part -> (point size, bold)
LEGEND_SIZES = {
    QgsLegendStyle.Title: (11.0, True),
    QgsLegendStyle.Group: (9.0, True),
    QgsLegendStyle.Subgroup: (9.0, False),
    QgsLegendStyle.SymbolLabel: (8.0, False),
}


def no_shaping(font: QFont) -> QFont:
    """Qt 5 + Noto CJK: shaped Latin digits lose their ToUnicode entry (digits vanish from copied
    PDF text); skipping shaping keeps them. CJK needs no shaping."""
    font.setStyleStrategy(QFont.PreferNoShaping)
    return font


def make_font(family: str, size: float, bold: bool = False) -> QFont:
    font = no_shaping(QFont(family))
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def text_format(font: QFont) -> QgsTextFormat:
    fmt = QgsTextFormat.fromQFont(font)
    fmt.setSize(font.pointSizeF())
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    return fmt


def _restyled(font: QFont, family: str, size: float | None, bold: bool | None) -> QFont:
    out = no_shaping(QFont(font))
    out.setFamily(family)
    if size is not None:
        out.setPointSizeF(size)
    if bold is not None:
        out.setBold(bold)
    return out


def set_label_font(label: QgsLayoutItemLabel, family: str, size: float | None = None,
                   bold: bool | None = None) -> None:
    if hasattr(label, "setTextFormat"):  # QGIS 3.24+
        old = label.textFormat()
        font = _restyled(old.font(), family, size if size is not None else old.size(), bold)
        fmt = text_format(font)
        fmt.setColor(old.color())
        label.setTextFormat(fmt)
    else:  # QGIS 3.22
        label.setFont(_restyled(label.font(), family, size, bold))


def set_legend_font(legend: QgsLayoutItemLegend, family: str) -> None:
    for part, (size, bold) in LEGEND_SIZES.items():
        style = legend.rstyle(part)
        font = make_font(family, size, bold)
        if hasattr(style, "setTextFormat"):  # QGIS 3.30+
            style.setTextFormat(text_format(font))
        else:
            style.setFont(font)


def set_scalebar_font(scalebar: QgsLayoutItemScaleBar, family: str, size: float = 8.0) -> None:
    scalebar.setTextFormat(text_format(make_font(family, size)))


def set_grid_font(map_item: QgsLayoutItemMap, family: str, size: float = 6.0) -> None:
    for grid in map_item.grids().asList():
        grid.setAnnotationTextFormat(text_format(make_font(family, size)))


def apply_family(item, family: str) -> None:
    """Set ``family`` on any text-bearing layout item (keeps its size and weight)."""
    if isinstance(item, QgsLayoutItemLabel):
        set_label_font(item, family)
    elif isinstance(item, QgsLayoutItemLegend):
        set_legend_font(item, family)
    elif isinstance(item, QgsLayoutItemScaleBar):
        size = item.textFormat().size() or 8.0
        set_scalebar_font(item, family, size)
    elif isinstance(item, QgsLayoutItemMap):
        set_grid_font(item, family)
