"""PDF map export: page size, Chinese text, embedded CJK font, a non-blank rendering, atlas, styles."""
from __future__ import annotations

import datetime
import re
import subprocess

import pytest
from potential_cases import write_gpkg
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QImage

from landoffice_plugin.core.errors import LandOfficeError

MM_TO_PT = 72 / 25.4
X0, Y0 = 500_000.0, 3_500_000.0  # CGCS2000 3° GK CM 120E (EPSG:4549), near Wuxi
CODES = ["0101", "0103", "0201", "0301", "0404", "0702", "1003", "1101", "1202", "0601", "0102", "1006"]
OFFICE = "某某镇自然资源所"
TITLE = "某某镇土地利用现状图"


def _polygon_layer(name: str, fields: str) -> QgsVectorLayer:
    uri = "Polygon?crs=EPSG:4549" + "".join(f"&field={f}:string" for f in fields.split())
    layer = QgsVectorLayer(uri, name, "memory")
    assert layer.isValid()
    return layer


def _add(layer, rect, *attrs):
    feature = QgsFeature(layer.fields())
    feature.setAttributes(list(attrs))
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(*rect)))
    assert layer.dataProvider().addFeatures([feature])[0]
    layer.updateExtents()


@pytest.fixture()
def dltb(qgis_app):
    layer = _polygon_layer("地类图斑", "DLBM ZLDWMC")
    for i, code in enumerate(CODES):  # 4 × 3 patches of 1000 m × 800 m
        col, row = i % 4, i // 4
        _add(layer, (X0 + col * 1000, Y0 + row * 800, X0 + (col + 1) * 1000, Y0 + (row + 1) * 800), code, "某村")
    return layer


@pytest.fixture()
def xzq(qgis_app):
    layer = _polygon_layer("行政区", "XZQDM XZQMC")
    _add(layer, (X0, Y0, X0 + 2000, Y0 + 2400), "320205001", "甲镇")
    _add(layer, (X0 + 2000, Y0, X0 + 4000, Y0 + 2400), "320205002", "乙镇")
    return layer


def _styled(layer, role):
    from landoffice_plugin.export.styles import apply_role_style

    assert apply_role_style(layer, role)
    return layer


def _pdftext(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    # no NFKC: the text layer itself must hold the unified ideographs, never Kangxi radicals
    radicals = sorted({ch for ch in out if 0x2E80 <= ord(ch) <= 0x2FDF})
    assert not radicals, [f"U+{ord(ch):04X}" for ch in radicals]
    return " ".join(out.split())


def _page_sizes(path) -> tuple[int, tuple[float, float]]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    w, h = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups()
    return pages, (float(w), float(h))


def _render(path, tmp_path) -> QImage:
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(path), str(prefix)], check=True)
    png = next(tmp_path.glob("page*.png"))
    image = QImage(str(png))
    assert not image.isNull()
    return image


def _pixel_shares(image: QImage) -> tuple[float, float]:
    """(share of non-white pixels, share of yellowish 耕地-like pixels), sampled every 2nd pixel."""
    total = non_white = yellow = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            total += 1
            if min(c.red(), c.green(), c.blue()) < 235:
                non_white += 1
            if c.red() > 200 and c.green() > 200 and c.blue() < 170:
                yellow += 1
    return non_white / total, yellow / total


def test_a4_landscape_pdf(dltb, xzq, tmp_path):
    from landoffice_plugin.export.pdf_map import MapSpec, export_map_pdf

    before = QgsProject.instance().count()
    spec = MapSpec(title=TITLE, subtitle="2023年度变更调查", layers=[_styled(xzq, "XZQ"), _styled(dltb, "DLTB")],
                   office=OFFICE, date=datetime.date(2024, 5, 6))
    out = export_map_pdf(spec, tmp_path / "map.pdf")

    assert out == tmp_path / "map.pdf" and out.stat().st_size > 10_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.pdf"]  # no temporary file left
    pages, (w, h) = _page_sizes(out)
    assert pages == 1
    assert w == pytest.approx(297 * MM_TO_PT, abs=1) and h == pytest.approx(210 * MM_TO_PT, abs=1)

    text = _pdftext(out)
    for expected in (TITLE, "2023年度变更调查", "制图单位", OFFICE, "制图日期", "2024年5月6日", "坐标系",
                     "2000国家大地坐标系 3度带 第40带 中央经线120°E（EPSG:4549）", "图例", "甲镇", "乙镇"):
        assert expected in text, expected

    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    embedded = [line.split()[0] for line in fonts.splitlines()[2:] if line.strip()]
    assert any("NotoSansCJKsc" in name for name in embedded), fonts
    assert not any("CJKjp" in name for name in embedded), fonts

    non_white, yellow = _pixel_shares(_render(out, tmp_path))
    assert non_white > 0.08, non_white  # the map is drawn, not a blank page with a frame
    assert yellow > 0.005, yellow      # cropland patches carry the yellow DLTB style

    # layers were only borrowed: nothing left in the global project, the layers are intact
    assert QgsProject.instance().count() == before
    assert dltb.isValid() and dltb.parent() is None and dltb.featureCount() == len(CODES)


@pytest.mark.parametrize(("paper", "orientation", "size_mm"), [
    ("A4", "portrait", (210, 297)),
    ("A3", "landscape", (420, 297)),
])
def test_other_papers(dltb, tmp_path, paper, orientation, size_mm):
    from landoffice_plugin.export.pdf_map import MapSpec, export_map_pdf

    spec = MapSpec(title=TITLE, layers=[dltb], paper=paper, orientation=orientation, office=OFFICE, legend=False)
    out = export_map_pdf(spec, tmp_path / "map.pdf")
    _, (w, h) = _page_sizes(out)
    assert (w, h) == (pytest.approx(size_mm[0] * MM_TO_PT, abs=1), pytest.approx(size_mm[1] * MM_TO_PT, abs=1))
    text = _pdftext(out)
    assert TITLE in text and "图例" not in text  # legend switched off


def test_project_argument_is_left_as_it_was(dltb, tmp_path):
    from landoffice_plugin.export.pdf_map import MapSpec, export_map_pdf

    project = QgsProject()
    export_map_pdf(MapSpec(title=TITLE, layers=[dltb], office=OFFICE), tmp_path / "m.pdf", project=project)
    assert project.count() == 0 and dltb.isValid()


def test_bad_requests_raise_clear_errors(dltb, tmp_path):
    from landoffice_plugin.export.pdf_map import MapSpec, export_map_pdf

    with pytest.raises(LandOfficeError, match="A3 landscape"):
        export_map_pdf(MapSpec(title=TITLE, layers=[dltb], paper="A3", orientation="portrait"), tmp_path / "a.pdf")
    with pytest.raises(LandOfficeError, match="does not exist"):
        export_map_pdf(MapSpec(title=TITLE, layers=[dltb]), tmp_path / "missing" / "a.pdf")
    with pytest.raises(LandOfficeError, match="no layers"):
        export_map_pdf(MapSpec(title=TITLE, layers=[]), tmp_path / "a.pdf")
    empty = _polygon_layer("空", "DLBM")
    with pytest.raises(LandOfficeError, match="empty"):
        export_map_pdf(MapSpec(title=TITLE, layers=[empty]), tmp_path / "a.pdf")
    assert list(tmp_path.iterdir()) == []


def test_atlas_one_page_per_township(dltb, xzq, tmp_path):
    from landoffice_plugin.export.pdf_map import MapSpec, export_atlas_pdf

    spec = MapSpec(title="unused", layers=[_styled(xzq, "XZQ"), _styled(dltb, "DLTB")], office=OFFICE)
    out = export_atlas_pdf(spec, xzq, "\"XZQMC\" || '土地利用现状图'", tmp_path / "atlas.pdf",
                           sort_expression='"XZQDM"')
    pages, (w, _h) = _page_sizes(out)
    assert pages == 2 and w == pytest.approx(297 * MM_TO_PT, abs=1)
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True).stdout
    second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(out), "-"], capture_output=True, text=True).stdout
    assert "甲镇土地利用现状图" in first
    assert "乙镇土地利用现状图" in second
    assert "unused" not in _pdftext(out)


def test_every_role_style_loads(qgis_app):
    from landoffice_plugin.export.styles import apply_role_style, style_path

    roles = ["DLTB", "XZQ", "CJDCQ", "ZD", "ZRZ", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD"]
    for role in roles:
        assert style_path(role).is_file(), role
        layer = _polygon_layer(role, "DLBM XZQMC ZLDWMC ZDDM FWJG FQDM")
        assert apply_role_style(layer, role), role
    point = QgsVectorLayer("Point?crs=EPSG:4549&field=QYMC:string", "企业", "memory")
    assert apply_role_style(point, "GYQY") and point.labelsEnabled()
    assert not apply_role_style(point, "NO_SUCH_ROLE")

    dltb = _styled(_polygon_layer("d", "DLBM"), "dltb")
    renderer = dltb.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute().replace(" ", "") == 'left("DLBM",4)'  # second-level classes
    categories = {c.value(): c for c in renderer.categories()}  # keep the copies alive while reading
    assert "水田" in categories["0101"].label() and "乔木林地" in categories["0301"].label()
    assert "河流水面" in categories["1101"].label()
    cropland, water = categories["0101"].symbol().color(), categories["1101"].symbol().color()
    assert cropland.red() > 200 and cropland.green() > 200 and cropland.blue() < 170  # yellow-ish
    assert water.blue() > water.red()                                                   # blue
    xzq = _styled(_polygon_layer("x", "XZQMC"), "XZQ")
    assert xzq.labelsEnabled() and xzq.labeling().settings().fieldName == "XZQMC"
    assert xzq.labeling().settings().format().font().family() == "Noto Sans CJK SC"


def test_overview_map_algorithm(landoffice_processing, dltb, xzq, tmp_path):
    import processing

    from landoffice_plugin.io.project_builder import open_role_layers

    gpkg = tmp_path / "county.gpkg"
    write_gpkg(gpkg, {"DLTB": dltb, "XZQ": xzq, "notes": _polygon_layer("notes", "BZ")})
    roles = {item.layer.name(): item.role_id for item in open_role_layers(gpkg)}
    assert roles == {"DLTB": "DLTB", "XZQ": "XZQ", "notes": None}
    out = tmp_path / "overview.pdf"
    result = processing.run("landoffice:overviewmap", {
        "INPUT": str(gpkg), "OFFICE": OFFICE, "PAPER": 1, "OUTPUT_PDF": str(out)})
    assert result["OUTPUT_PDF"] == str(out)
    _, (w, h) = _page_sizes(out)
    assert w == pytest.approx(210 * MM_TO_PT, abs=1) and h == pytest.approx(297 * MM_TO_PT, abs=1)
    text = _pdftext(out)
    assert "土地利用现状概览图" in text and OFFICE in text and "甲镇" in text
