"""Site compliance check (issue 14): hand-built sites on the small sample county, areas per layer computed here
with QgsDistanceArea on the CGCS2000 ellipsoid (not by the engine's code), the verdicts, bad input."""
from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from landoffice_plugin.core.errors import LandOfficeError

ROLES = ("XZQ", "DLTB", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "ZD", "ZRZ", "HJ")
CRS = "EPSG:4549"
MU = 10000 / 15


def square(x, y, s):
    return f"({x} {y},{x + s} {y},{x + s} {y + s},{x} {y + s},{x} {y})"


# three parts: farmland / red line / cropland outside the boundary; a supplied parcel (GYYD 1); a homestead
SITE_WKT = ("MULTIPOLYGON((" + square(505000, 3485000, 100) + "),(" + square(505966.8, 3484533.8, 40) + "),("
            + square(506329.7, 3483341.0, 30) + "))")


@pytest.fixture(scope="module")
def layers(small_county):
    out = {r: QgsVectorLayer(f"{small_county}|layername={r}", r, "ogr") for r in ROLES}
    assert all(lyr.isValid() for lyr in out.values())
    yield out
    out.clear()  # the layers go now, not at interpreter exit after QGIS (a crash in QGIS 3.22)
    import gc

    gc.collect()


def da():
    d = QgsDistanceArea()
    d.setSourceCrs(QgsCoordinateReferenceSystem(CRS), QgsCoordinateTransformContext())
    d.setEllipsoid("EPSG:1024")  # CGCS2000
    return d


def expected_m2(layer, site: QgsGeometry, where=None, weight=None) -> float:
    """Σ ellipsoidal area of (feature ∩ site), computed here with QGIS geometry and QgsDistanceArea."""
    d, total = da(), 0.0
    for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(site.boundingBox())):
        if where is not None and not where(f):
            continue
        part = f.geometry().intersection(site)
        if part.isEmpty():
            continue
        total += d.measureArea(part) * (weight(f) if weight else 1.0)
    return total


def run(layers, wkt=SITE_WKT, controls=(), rules=None, name="测试选址"):
    from landoffice_plugin.sitecheck.engine import SiteInputs, check_site
    from landoffice_plugin.sitecheck.site import site_from_geometries

    site = site_from_geometries([QgsGeometry.fromWkt(wkt)], QgsCoordinateReferenceSystem(CRS), name)
    return check_site(site, SiteInputs(layers, list(controls), rules))


def kcxs(f) -> float:
    v = f["KCXS"]
    try:
        v = float(v)
    except (TypeError, ValueError):
        return 0.0
    return v if 0 < v < 1 else 0.0


def test_areas_per_layer_match_qgsdistancearea(layers):
    report = run(layers)
    site = QgsGeometry.fromWkt(SITE_WKT)
    site_m2 = da().measureArea(site)
    assert report.site_mu == pytest.approx(site_m2 / MU, rel=1e-5)
    tol = dict(rel=1e-4, abs=1e-4)
    assert report.table("categories").total_mu == pytest.approx(expected_m2(layers["DLTB"], site) / MU, **tol)
    crop = expected_m2(layers["DLTB"], site, where=lambda f: str(f["DLBM"]).startswith("01"),
                       weight=lambda f: 1.0 - kcxs(f))
    assert crop > 0
    assert report.table("cropland").total_mu == pytest.approx(crop / MU, **tol)
    for role, table_id in (("YJJBNTTB", "basic_farmland"), ("STBHHX", "eco_redline"), ("GYYD", "supplied"),
                           ("ZD", "parcels"), ("ZRZ", "buildings")):
        want = expected_m2(layers[role], site) / MU
        assert want > 0, role
        assert report.table(table_id).total_mu == pytest.approx(want, **tol), role
    inside = expected_m2(layers["CZKFBJ"], site)
    assert report.table("outside_boundary").total_mu == pytest.approx((site_m2 - inside) / MU, **tol)
    shares = sum(r["share"] for r in report.table("categories").rows)
    assert shares == pytest.approx(report.table("categories").total_mu / report.site_mu, rel=1e-9)
    assert report.townships  # 澄湖镇 …
    owners = [r["owner"] for r in report.table("parcels").rows]
    assert all("*" in o or len(o) >= 5 or not o for o in owners)  # persons masked


def test_verdicts_for_a_site_touching_each_kind(layers):
    report = run(layers)
    by_rule = {v.rule: v for v in report.verdicts}
    assert by_rule["basic_farmland"].verdict == "不符合"
    assert f"{report.table('basic_farmland').total_mu:.2f} 亩" in by_rule["basic_farmland"].text
    assert by_rule["outside_boundary"].verdict == "需单独选址论证"
    assert by_rule["cropland"].verdict == "需落实占补平衡"
    assert "1级" in by_rule["cropland"].text  # split by slope grade
    assert by_rule["supplied"].verdict == "核实"
    assert "涉及已供地" in by_rule["supplied"].text
    assert "compliant" not in by_rule
    assert report.verdicts[0].severity == 3  # most severe first


def test_layer_without_anything_inside_says_so(layers):
    report = run(layers, "POLYGON(" + square(505966.8, 3484533.8, 40) + ")")  # inside a supplied parcel only
    assert report.table("basic_farmland").rows == []
    assert report.table("basic_farmland").empty_text == "不涉及永久基本农田"
    assert report.table("approved").empty_text
    given = {r: lyr for r, lyr in layers.items() if r != "STBHHX"}
    report = run(given, "POLYGON(" + square(505966.8, 3484533.8, 40) + ")")
    assert report.table("eco_redline") is None
    assert any("not checked" in n for n in report.notes)


def test_self_intersecting_site_is_repaired_with_a_note(layers):
    bowtie = "POLYGON((505000 3485000,505100 3485100,505100 3485000,505000 3485100,505000 3485000))"
    report = run(layers, bowtie)
    assert any("repaired" in n for n in report.notes)
    # the two triangles of the bow-tie: 2 × ¼ of the 100 m square
    d = QgsDistanceArea()
    d.setSourceCrs(QgsCoordinateReferenceSystem(CRS), QgsCoordinateTransformContext())
    d.setEllipsoid("EPSG:1024")
    halves = QgsGeometry.fromWkt("MULTIPOLYGON(((505000 3485000,505050 3485050,505000 3485100,505000 3485000)),"
                                 "((505100 3485000,505100 3485100,505050 3485050,505100 3485000)))")
    assert report.site_mu == pytest.approx(d.measureArea(halves) / MU, rel=1e-5)


def test_site_outside_every_township_is_a_clear_message(layers):
    with pytest.raises(LandOfficeError) as err:
        run(layers, "POLYGON(" + square(605000, 3485000, 100) + ")")
    assert "outside every township" in err.value.message_en
    assert "another Gauss-Kruger zone" in err.value.message_en
    with pytest.raises(LandOfficeError) as err:  # X and Y exchanged
        run(layers, "POLYGON(" + square(3485000, 505000, 100) + ")")
    assert "swapped" in err.value.message_en


def _control(name: str, wkt: str, rule_value=None) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Polygon?crs={CRS}", name, "memory")
    fields = [QgsField("MC", QVariant.String)] + ([QgsField("GKJB", QVariant.String)] if rule_value else [])
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    feat = QgsFeature(layer.fields())
    feat.setGeometry(QgsGeometry.fromWkt(wkt))
    feat.setAttributes(["一级保护区"] + ([rule_value] if rule_value else []))
    layer.dataProvider().addFeatures([feat])
    layer.updateExtents()
    return layer


def test_control_layer_without_rule_is_a_clear_message(layers):
    from landoffice_plugin.sitecheck.engine import control_layer
    from landoffice_plugin.sitecheck.rules import load_site_rules

    layer = _control("某某管控区", "POLYGON(" + square(505000, 3485000, 50) + ")")
    with pytest.raises(LandOfficeError) as err:
        control_layer(layer, load_site_rules())
    text = err.value.message_en
    assert "某某管控区" in text and "[controls]" in text and "GKJB" in text


def test_control_layers_by_name_and_by_field(layers):
    from landoffice_plugin.sitecheck.engine import control_layer
    from landoffice_plugin.sitecheck.rules import load_site_rules

    rules = load_site_rules()
    water = _control("饮用水水源保护区", "POLYGON(" + square(505000, 3485000, 50) + ")")  # 禁止 in rules.toml
    flood = _control("某河道管理范围", "POLYGON(" + square(505050, 3485050, 100) + ")", "限制")
    report = run(layers, "POLYGON(" + square(505000, 3485000, 100) + ")",
                 [control_layer(water, rules), control_layer(flood, rules)], rules)
    by_rule = {v.rule: v for v in report.verdicts}
    quarter = da().measureArea(QgsGeometry.fromWkt("POLYGON(" + square(505000, 3485000, 50) + ")")) / MU
    assert by_rule["control_forbidden"].verdict == "不符合"
    assert by_rule["control_forbidden"].mu == pytest.approx(quarter, rel=1e-5)
    assert "饮用水水源保护区" in by_rule["control_forbidden"].text
    assert by_rule["control_limited"].mu == pytest.approx(quarter, rel=1e-5)  # the overlapping quarter


def test_rules_file_unknown_key_names_its_line(tmp_path):
    from landoffice_plugin.sitecheck.rules import load_site_rules

    path = tmp_path / "rules.toml"
    path.write_text('name = "x"\n\n[cropland]\nenabled = true\nminmu = 1\n', encoding="utf-8")
    with pytest.raises(LandOfficeError) as err:
        load_site_rules(path)
    assert "line 5" in err.value.message_en and "cropland.minmu" in err.value.message_en
    path.write_text('[controls]\n"水源地" = "不许"\n', encoding="utf-8")
    with pytest.raises(LandOfficeError) as err:
        load_site_rules(path)
    assert "line 2" in err.value.message_en


def test_geographic_site_gives_the_same_report(layers):
    from qgis.core import QgsCoordinateTransform, QgsProject

    geom = QgsGeometry.fromWkt(SITE_WKT)
    geom.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS), QgsCoordinateReferenceSystem("EPSG:4490"),
                                          QgsProject.instance()))
    from landoffice_plugin.sitecheck.engine import SiteInputs, check_site
    from landoffice_plugin.sitecheck.site import site_from_geometries

    geo = check_site(site_from_geometries([geom], QgsCoordinateReferenceSystem("EPSG:4490"), "经纬度"),
                     SiteInputs(layers))
    plane = run(layers)
    assert geo.crs_authid == "EPSG:4549"  # worked in the CGCS2000 3° zone of the site
    assert geo.site_mu == pytest.approx(plane.site_mu, rel=1e-6)
    assert [v.text for v in geo.verdicts] == [v.text for v in plane.verdicts]


def test_households_are_those_of_touched_buildings_or_mostly_inside_parcels(layers):
    report = run(layers)
    site = QgsGeometry.fromWkt(SITE_WKT)
    req = QgsFeatureRequest().setFilterRect(site.boundingBox())
    codes = {str(f["ZDDM"]) for f in layers["ZRZ"].getFeatures(req)
             if da().measureArea(f.geometry().intersection(site)) >= 0.5}
    codes |= {str(f["ZDDM"]) for f in layers["ZD"].getFeatures(req)
              if f.geometry().intersection(site).area() >= 0.5 * f.geometry().area()}
    want = {str(f["HH"]) for f in layers["HJ"].getFeatures() if str(f["ZDDM"]) in codes}
    assert want
    assert {r["hh"] for r in report.table("households").rows} == want
    persons = sum(1 for f in layers["HJ"].getFeatures() if str(f["ZDDM"]) in codes)  # one row per person
    assert sum(r["persons"] for r in report.table("households").rows) == persons
    assert all("*" in r["head"] for r in report.table("households").rows)


def test_site_from_a_kml_file(tmp_path, layers):
    from osgeo import ogr, osr
    from qgis.core import QgsCoordinateTransform, QgsProject

    from landoffice_plugin.sitecheck.site import site_from_file

    geom = QgsGeometry.fromWkt("POLYGON(" + square(505000, 3485000, 100) + ")")
    want = da().measureArea(geom) / MU
    geom.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS), QgsCoordinateReferenceSystem("EPSG:4326"),
                                          QgsProject.instance()))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ds = ogr.GetDriverByName("KML").CreateDataSource(str(tmp_path / "site.kml"))
    lyr = ds.CreateLayer("site", srs, ogr.wkbPolygon)
    feat = ogr.Feature(lyr.GetLayerDefn())
    feat.SetGeometry(ogr.CreateGeometryFromWkt(geom.asWkt()))
    lyr.CreateFeature(feat)
    ds = None
    site = site_from_file(tmp_path / "site.kml")
    report = run_site(layers, site)
    assert report.site_mu == pytest.approx(want, rel=1e-4)  # WGS 84 vs CGCS2000: centimetres
    assert any(v.rule == "basic_farmland" for v in report.verdicts)


def run_site(layers, site):
    from landoffice_plugin.sitecheck.engine import SiteInputs, check_site

    return check_site(site, SiteInputs(layers))
