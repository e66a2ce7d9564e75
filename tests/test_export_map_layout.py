"""Map pages: nothing over the map, a ratio scale beside a 1-2-5 scale bar, the CRS in Chinese, atlas pages
that single out their township; checked on the print layout's items before export and in the PDF text."""
from __future__ import annotations

import math
import re
import subprocess

import pytest
from qgis.core import QgsLayoutExporter, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QColor
from test_export_pdf import CODES, X0, Y0, _polygon_layer, _styled, dltb, xzq  # noqa: F401 - fixtures

from landoffice_plugin.export.pdf_map import MapSpec, fill_layout, load_layout

DECORATIONS = ("legend", "north", "scalebar", "scale_label")


def _rect(item) -> QRectF:
    return QRectF(item.pos(), item.rect().size())


def _ground_scale(map_item) -> float:
    """The map item's scale from its own extent and width: metres on the ground per metre on paper."""
    return map_item.extent().width() / (map_item.rect().width() / 1000.0)


def _layout(project, layers, paper, orientation, **spec):
    project.addMapLayers(layers, False)
    layout = load_layout(project, paper, orientation)
    map_item = fill_layout(layout, MapSpec(title="图", layers=layers, paper=paper, orientation=orientation, **spec),
                           project)
    return layout, map_item


@pytest.mark.parametrize(("paper", "orientation"), [("A4", "landscape"), ("A4", "portrait"), ("A3", "landscape")])
def test_decorations_stay_off_the_map_and_the_ratio_is_the_maps_scale(dltb, xzq, paper, orientation):  # noqa: F811
    project = QgsProject()
    layers = [_styled(xzq, "XZQ"), _styled(dltb, "DLTB")]
    layout, map_item = _layout(project, layers, paper, orientation)
    page = layout.pageCollection().page(0).pageSize()
    page_rect = QRectF(0, 0, page.width(), page.height())
    box = _rect(map_item)
    for item_id in DECORATIONS:
        item = layout.itemById(item_id)
        assert item is not None and item.isVisible(), item_id
        assert not _rect(item).intersects(box), (item_id, _rect(item), box)
        assert page_rect.contains(_rect(item)), (item_id, _rect(item))
    # the whole county is on the map (nothing of it hidden under a legend: the legend is beside it)
    county = QgsRectangle(X0, Y0, X0 + 4000, Y0 + 2400)
    assert map_item.extent().contains(county)
    scale = _ground_scale(map_item)
    assert scale == pytest.approx(map_item.scale(), rel=1e-6)
    assert layout.itemById("scale_label").text() == f"比例尺 1:{round(scale)}"
    bar = layout.itemById("scalebar")
    step = bar.unitsPerSegment() * (1000.0 if bar.unitLabel() == "km" else 1.0)  # metres
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 9) in (1.0, 2.0, 5.0), step
    project.clear()


def test_pdf_ratio_and_chinese_crs_line(dltb, tmp_path):  # noqa: F811
    from landoffice_plugin.export.pdf_map import export_map_pdf

    project = QgsProject()
    project.addMapLayers([dltb], False)
    layout = load_layout(project, "A4", "portrait")
    map_item = fill_layout(layout, MapSpec(title="图", layers=[dltb], paper="A4", orientation="portrait"), project)
    expected_ratio = f"1:{round(_ground_scale(map_item))}"
    out = export_map_pdf(MapSpec(title="图", layers=[dltb], paper="A4", orientation="portrait"), tmp_path / "m.pdf")
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert f"比例尺 {expected_ratio}" in text
    # EPSG:4549 = 4509 + zone: zone 40, central meridian 3 × 40 = 120°E, no zone prefix in the easting
    assert "2000国家大地坐标系 3度带 第40带 中央经线120°E（EPSG:4549）" in text
    project.clear()


def test_cost_page_keeps_legend_and_table_off_the_red_line(qgis_app, tmp_path):
    from cost_cases import AS_OF, REDLINE, layers, rect, standard_file

    from landoffice_plugin.cost.engine import CostInputs, Options, estimate_redline
    from landoffice_plugin.cost.inputs import layer_input
    from landoffice_plugin.cost.redline import redline_from_qgs
    from landoffice_plugin.cost.standard import load_standard
    from landoffice_plugin.export.cost_report_pdf import build_cost_layout, cost_spec
    from landoffice_plugin.export.pdf_map import layers_in_project

    lay = layers()
    inputs = CostInputs(*(layer_input(lay[r], r) for r in ("DLTB", "ZD", "ZRZ", "HJ")))
    red = redline_from_qgs([rect(*REDLINE)], lay["DLTB"].crs(), "测试红线")
    est = estimate_redline(inputs, red, load_standard(standard_file(tmp_path)), Options(as_of=AS_OF))
    spec, crs = cost_spec(est)
    with layers_in_project(None, spec.layers, crs) as project:
        layout = build_cost_layout(est, spec, project)
        map_item = layout.itemById("map")
        box = _rect(map_item)
        tables = [f for f in layout.items() if f.__class__.__name__ == "QgsLayoutFrame"]
        assert tables
        for item in [layout.itemById(i) for i in DECORATIONS] + tables:
            assert not _rect(item).intersects(box), item
        legend = _rect(layout.itemById("legend"))
        assert all(not _rect(t).intersects(legend) for t in tables)
        assert map_item.extent().contains(QgsRectangle(*REDLINE))  # the whole red line is on the map


def test_parcel_page_scale_bar_is_off_the_parcels(tmp_path, qgis_app):
    from lookup_cases import build_gpkg, code, layers

    from landoffice_plugin.export.parcel_report_pdf import _ReportPages
    from landoffice_plugin.export.pdf_map import layers_in_project
    from landoffice_plugin.lookup.batch import collect_details, fids_for_codes, prepare_index

    lyrs = layers(build_gpkg(tmp_path / "parcels.gpkg"))
    index = prepare_index(lyrs["ZD"], lyrs, tmp_path / "cache")
    details = collect_details(index, [fid for _code, fid in fids_for_codes(index, [code("P5")])])
    pages = _ReportPages(details, lyrs["ZD"], None, "宗地查询报告")
    with layers_in_project(None, pages.layers, lyrs["ZD"].crs()) as project:
        pages.project = project
        layout = pages.build()
        pages.fill(details[0])
        box = _rect(layout.itemById("map"))
        for item_id in ("north", "scalebar", "scale_label"):
            assert not _rect(layout.itemById(item_id)).intersects(box), item_id
        ratio = layout.itemById("scale_label").text()
        assert ratio == f"比例尺 1:{round(_ground_scale(layout.itemById('map')))}"
    index.close()


def _lightness(image, map_item, extent, x, y, dpi) -> float:
    """Mean of R, G, B of the page pixel showing ground point (x, y)."""
    box = _rect(map_item)
    px = (box.left() + (x - extent.xMinimum()) / extent.width() * box.width()) * dpi / 25.4
    py = (box.top() + (extent.yMaximum() - y) / extent.height() * box.height()) * dpi / 25.4
    c = QColor(image.pixel(int(px), int(py)))
    return (c.red() + c.green() + c.blue()) / 3


def test_atlas_page_masks_the_neighbours(dltb, xzq):  # noqa: F811
    from landoffice_plugin.export.pdf_map import atlas_layout, focus_layer, layers_in_project

    spec = MapSpec(title="unused", layers=[_styled(xzq, "XZQ"), _styled(dltb, "DLTB")], legend=False)
    cover = xzq.clone()
    focus = focus_layer(cover)
    dpi = 60
    # a point of 乙镇 (x 2000–4000) in patch 0404 (col 2, row 0), seen on 甲镇's page and on its own page
    point = (X0 + 2500, Y0 + 400)
    seen = {}
    with layers_in_project(None, [*spec.layers, cover, focus], dltb.crs()) as project:
        layout = atlas_layout(spec, cover, '"XZQMC"', project, focus, sort_expression='"XZQDM"')
        atlas = layout.atlas()
        assert atlas.beginRender()
        for page in range(atlas.count()):
            assert atlas.seekTo(page)
            map_item = layout.itemById("map")
            extent = QgsRectangle(map_item.extent())
            assert extent.contains(QgsRectangle(point[0], point[1], point[0], point[1]))
            image = QgsLayoutExporter(layout).renderPageToImage(0, dpi=dpi)
            seen[layout.reportContext().feature()["XZQMC"]] = _lightness(image, map_item, extent, *point, dpi)
            assert layout.itemById("scale_label").text() == f"比例尺 1:{round(_ground_scale(map_item))}"
        atlas.endRender()
    assert set(seen) == {"甲镇", "乙镇"}
    # masked on 甲镇's page: far closer to white than on 乙镇's own page
    assert seen["甲镇"] > seen["乙镇"] + 40, seen


def test_crs_names_follow_the_epsg_numbering(qgis_app):
    from landoffice_plugin.core.crs import name_zh

    assert name_zh(4490).startswith("2000国家大地坐标系 地理坐标")
    for zone in range(25, 46):  # 3° zones: 4488 + zone with the zone prefix, 4509 + zone without
        assert name_zh(4509 + zone) == f"2000国家大地坐标系 3度带 第{zone}带 中央经线{3 * zone}°E（EPSG:{4509 + zone}）"
        assert name_zh(4488 + zone) == (f"2000国家大地坐标系 3度带 第{zone}带 中央经线{3 * zone}°E"
                                        f"（EPSG:{4488 + zone}，横坐标含带号）")
    for zone in range(13, 24):  # 6° zones: 4478 + zone prefixed, 4489 + zone not; CM = 6 × zone − 3
        expected = f"2000国家大地坐标系 6度带 第{zone}带 中央经线{6 * zone - 3}°E"
        assert name_zh(4489 + zone) == f"{expected}（EPSG:{4489 + zone}）"
        assert name_zh(4478 + zone) == f"{expected}（EPSG:{4478 + zone}，横坐标含带号）"
    assert re.search(r"WGS 84", name_zh(QgsProject().crs().fromEpsgId(4326)))


def test_scale_bar_steps_are_1_2_5():
    from landoffice_plugin.export.pdf_map import step_125

    for value, expected in ((0.7, 0.5), (1.0, 1.0), (3.0, 2.0), (7.5, 5.0), (1999.0, 1000.0), (2000.0, 2000.0),
                            (49.0, 20.0), (50.0, 50.0)):
        assert step_125(value) == pytest.approx(expected), value
