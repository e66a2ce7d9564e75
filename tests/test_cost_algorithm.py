"""landoffice:demolitioncost and landoffice:reclamationcost on the small sample county."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from openpyxl import load_workbook


@pytest.fixture(scope="module")
def redline(small_county, tmp_path_factory):
    from landoffice_plugin.cost.sample_redline import write_redline

    return write_redline(small_county, tmp_path_factory.mktemp("red") / "redline.gpkg", 60)


def _layers(gpkg):
    return {role: f"{gpkg}|layername={role}" for role in ("DLTB", "ZD", "ZRZ", "HJ")}


def _recomputed_total(path) -> Decimal:
    """Σ ROUND(D×F×H, 2) of the line sheet + ROUND(subtotal × contingency rate, 2), from the written cells."""
    ws = load_workbook(path)["明细"]
    total, row = Decimal(0), 3
    while ws.cell(row=row, column=2).value != "小计":
        if ws.cell(row=row, column=6).value is not None:
            d, f, h = (Decimal(repr(ws.cell(row=row, column=c).value)) for c in (4, 6, 8))
            total += (d * f * h).quantize(Decimal("0.01"), ROUND_HALF_UP)
        row += 1
    rate = Decimal(repr(ws.cell(row=row + 1, column=6).value))
    return total + (total * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)


def test_demolition_cost_algorithm(landoffice_processing, small_county, redline, tmp_path):
    import processing

    params = {**_layers(small_county), "REDLINE": str(redline), "AS_OF": "2024-01-01",
              "OUTPUT_XLSX": str(tmp_path / "cost.xlsx"), "OUTPUT_PDF": str(tmp_path / "cost.pdf")}
    result = processing.run("landoffice:demolitioncost", params)
    assert (tmp_path / "cost.xlsx").is_file() and (tmp_path / "cost.pdf").stat().st_size > 10_000
    assert result["TOTAL"] > 0
    assert Decimal(repr(result["TOTAL"])).quantize(Decimal("0.01")) == _recomputed_total(tmp_path / "cost.xlsx")
    households = load_workbook(tmp_path / "cost.xlsx")["分户"]
    assert households.max_row > 20  # ~60 homesteads


def test_reclamation_cost_algorithm(landoffice_processing, small_county, tmp_path):
    import processing
    from osgeo import ogr

    ds = ogr.Open(str(small_county))
    layer = ds.GetLayerByName("ZD")
    layer.SetAttributeFilter("substr(ZDDM, 13, 2) = 'JC'")
    village = next(iter(layer)).GetField("ZDDM")[:12]
    ds = None
    params = {**_layers(small_county), "VILLAGES": village, "AS_OF": "2024-01-01",
              "OUTPUT_XLSX": str(tmp_path / "reclaim.xlsx")}
    result = processing.run("landoffice:reclamationcost", params)
    assert result["RECLAIM_MU"] > 0 and result["TOTAL"] > 0
    # cost per mu = total / (reclaimed mu × 0.9, the example's new-cropland ratio), both as written
    new_mu = (Decimal(repr(result["RECLAIM_MU"])) * Decimal("0.9")).quantize(Decimal("0.0001"), ROUND_HALF_UP)
    expected = (Decimal(repr(result["TOTAL"])) / new_mu).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert Decimal(repr(result["COST_PER_MU"])).quantize(Decimal("0.01")) == expected


def test_bad_red_line_is_refused(landoffice_processing, small_county, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    from landoffice_plugin.cost.sample_redline import homestead_centres

    xy, _wkt = homestead_centres(small_county)
    from osgeo import ogr, osr

    path = tmp_path / "points.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    lyr = ds.CreateLayer("pts", srs, ogr.wkbLineString)
    feat = ogr.Feature(lyr.GetLayerDefn())
    feat.SetGeometry(ogr.CreateGeometryFromWkt(f"LINESTRING({xy[0][0]} {xy[0][1]},{xy[0][0] + 50} {xy[0][1]})"))
    lyr.CreateFeature(feat)
    ds = None
    with pytest.raises(QgsProcessingException, match="no polygon|没有"):
        processing.run("landoffice:demolitioncost", {**_layers(small_county), "REDLINE": str(path),
                                                     "OUTPUT_XLSX": str(tmp_path / "x.xlsx")})
