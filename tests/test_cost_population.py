"""Population tables of both shapes (issue 10 item 4): the small sample county's HJ (one row per person) and
the same population as one row per household, built here by hand from it (head = the row whose relation is
户主, person count = the household's rows). Both must give the same households, persons and money in every
line, every household row and every cell of the recalculated workbook."""
from __future__ import annotations

from collections import OrderedDict

import pytest
from osgeo import ogr
from xlsx_recalc import recalculate, soffice

from landoffice_plugin.core.errors import LandOfficeError


def _person_rows(gpkg) -> list:
    ds = ogr.Open(str(gpkg))
    layer = ds.GetLayerByName("HJ")
    rows = [{k: f.GetField(k) for k in ("HH", "ZDDM", "XM", "GMSFHM", "YHZGX")} for f in layer]
    ds = None
    return rows


def _by_hand(person_rows) -> OrderedDict[str, dict]:
    households: OrderedDict = OrderedDict()
    for row in person_rows:
        h = households.setdefault(row["HH"], {"HH": row["HH"], "ZDDM": row["ZDDM"], "rows": []})
        h["rows"].append(row)
    for h in households.values():
        head = next((r for r in h["rows"] if r["YHZGX"] == "户主"), h["rows"][0])
        h.update(HZXM=head["XM"], HZSFZHM=head["GMSFHM"], JTRKS=len(h["rows"]))
    return households


def write_household_table(path, households, fields=("HH", "ZDDM", "HZXM", "HZSFZHM", "JTRKS"), counts=None):
    """A GeoPackage attribute table HJ with one row per household (``fields`` renames the columns)."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("HJ", None, ogr.wkbNone)
    for name, std in zip(fields, ("HH", "ZDDM", "HZXM", "HZSFZHM", "JTRKS")):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTInteger if std == "JTRKS" and counts is None
                                        else ogr.OFTString))
    for h in households.values():
        feat = ogr.Feature(layer.GetLayerDefn())
        for name, std in zip(fields, ("HH", "ZDDM", "HZXM", "HZSFZHM", "JTRKS")):
            value = (counts or {}).get(h["HH"], h[std]) if std == "JTRKS" else h[std]
            feat.SetField(name, value if std != "JTRKS" or counts is None else str(value))
        layer.CreateFeature(feat)
    ds = None
    return path


@pytest.fixture(scope="module")
def county(small_county, tmp_path_factory):
    from landoffice_plugin.cost.sample_redline import write_redline

    tmp = tmp_path_factory.mktemp("population")
    persons = _person_rows(small_county)
    households = _by_hand(persons)
    per_household = write_household_table(tmp / "households.gpkg", households)
    redline = write_redline(small_county, tmp / "redline.gpkg", 60)
    return {"gpkg": small_county, "persons": persons, "households": households,
            "per_household": per_household, "redline": redline, "tmp": tmp}


def _inputs(gpkg, hj_source):
    from qgis.core import QgsVectorLayer

    from landoffice_plugin.cost.engine import CostInputs
    from landoffice_plugin.cost.inputs import layer_input

    layers = {r: QgsVectorLayer(f"{gpkg}|layername={r}", r, "ogr") for r in ("DLTB", "ZD", "ZRZ")}
    layers["HJ"] = QgsVectorLayer(hj_source, "HJ", "ogr")
    return CostInputs(*(layer_input(layers[r], r) for r in ("DLTB", "ZD", "ZRZ", "HJ")))


def _standard():
    from landoffice_plugin.cost.standard import load_standard
    from landoffice_plugin.processing.cost_common import example_standard

    return load_standard(example_standard())


def _both(county, estimate):
    gpkg = county["gpkg"]
    a = estimate(_inputs(gpkg, f"{gpkg}|layername=HJ"))
    b = estimate(_inputs(gpkg, f"{county['per_household']}|layername=HJ"))
    return a, b


def _redline_estimates(county):
    import datetime

    from qgis.core import QgsVectorLayer

    from landoffice_plugin.cost.engine import Options, estimate_redline
    from landoffice_plugin.cost.redline import redline_from_layer

    red = redline_from_layer(QgsVectorLayer(str(county["redline"]), "redline", "ogr"))
    st = _standard()
    return _both(county, lambda inputs: estimate_redline(inputs, red, st, Options(as_of=datetime.date(2024, 1, 1))))


def _expected_counts(county, homesteads) -> tuple:
    """Households and persons of the affected homesteads, counted here from the per-person rows."""
    wanted = set(homesteads)
    rows = [r for r in county["persons"] if r["ZDDM"] in wanted]
    return len({r["HH"] for r in rows}), len(rows)


def _household_view(est) -> list:
    return [(h.hh, h.zddm, h.head, h.head_id, h.persons, h.buildings, h.floor_area, h.house, h.moving,
             h.transition, h.social, h.attachment, h.total) for h in est.households]


def _lines(est) -> list:
    return [(ln.key, ln.quantity, ln.rate, ln.factor, ln.amount) for ln in est.lines]


def test_shape_is_recognised_from_the_fields(county):
    from landoffice_plugin.cost.population import population_shape

    gpkg = county["gpkg"]
    assert population_shape(_inputs(gpkg, f"{gpkg}|layername=HJ").hj) == "person"
    assert population_shape(_inputs(gpkg, f"{county['per_household']}|layername=HJ").hj) == "household"


def test_both_shapes_give_the_same_redline_estimate(county):
    a, b = _redline_estimates(county)
    n_households, n_persons = _expected_counts(county, a.homesteads)
    assert n_households > 20 and n_persons > n_households  # the red line takes ~60 homesteads
    for est in (a, b):
        assert sum(1 for h in est.households if h.hh) == n_households
        assert est.persons == n_persons
        moving = next(ln for ln in est.lines if ln.key == "moving")
        transition = next(ln for ln in est.lines if ln.key == "transition")
        assert (int(moving.quantity), int(transition.quantity)) == (n_households, n_persons)
    assert a.homesteads == b.homesteads
    assert _lines(a) == _lines(b)
    assert _household_view(a) == _household_view(b)
    assert a.orphans == b.orphans and a.total == b.total and a.total > 0


def test_both_shapes_give_the_same_reclamation_estimate(county):
    import datetime

    from landoffice_plugin.cost.engine import Options, estimate_villages

    village = next(r["ZDDM"][:12] for r in county["persons"] if r["ZDDM"][12:14] == "JC")
    st = _standard()
    a, b = _both(county, lambda inputs: estimate_villages(inputs, [village], st,
                                                           Options(as_of=datetime.date(2024, 1, 1))))
    n_households, n_persons = _expected_counts(county, a.homesteads)
    assert n_households > 0
    for est in (a, b):
        assert (sum(1 for h in est.households if h.hh), est.persons) == (n_households, n_persons)
    assert _lines(a) == _lines(b) and _household_view(a) == _household_view(b) and a.total == b.total


@pytest.mark.skipif(not soffice(), reason="LibreOffice is not installed")
def test_both_shapes_give_the_same_workbook(county, tmp_path):
    from landoffice_plugin.cost.report_xlsx import write_estimate_xlsx

    a, b = _redline_estimates(county)
    paths = [write_estimate_xlsx(a, tmp_path / "per_person.xlsx"),
             write_estimate_xlsx(b, tmp_path / "per_household.xlsx")]
    books = recalculate(paths, tmp_path)
    (_fa, va), (_fb, vb) = books[paths[0]], books[paths[1]]
    assert va.sheetnames == vb.sheetnames
    n_cells = 0
    for name in va.sheetnames:
        rows_a = [[c.value for c in row] for row in va[name].iter_rows()]
        rows_b = [[c.value for c in row] for row in vb[name].iter_rows()]
        assert rows_a == rows_b, name
        n_cells += sum(len(r) for r in rows_a)
    assert n_cells > 500
    ids = [c.value for c in va["分户"]["D"] if isinstance(c.value, str) and len(c.value) == 18]
    assert ids and all("*" in i for i in ids)  # head IDs masked in both


def test_household_table_with_chinese_field_names(county, tmp_path):
    """户号 / 宗地代码 / 户主姓名 / 户主身份证号 / 家庭人口数: resolved by alias, same persons."""
    path = write_household_table(tmp_path / "hh_zh.gpkg", county["households"],
                                 fields=("户号", "宗地代码", "户主姓名", "户主身份证号", "家庭人口数"))
    gpkg = county["gpkg"]
    hj = _inputs(gpkg, f"{path}|layername=HJ").hj
    assert hj.mapping == {"HH": "户号", "ZDDM": "宗地代码", "HZXM": "户主姓名", "HZSFZHM": "户主身份证号",
                          "JTRKS": "家庭人口数"}


def test_bad_person_counts_are_named_and_counted_as_the_head(county, tmp_path):
    import datetime

    from qgis.core import QgsVectorLayer

    from landoffice_plugin.cost.engine import Options, estimate_redline
    from landoffice_plugin.cost.redline import redline_from_layer

    a, _b = _redline_estimates(county)
    victim = next(h for h in a.households if h.hh and h.persons > 1)
    path = write_household_table(tmp_path / "bad.gpkg", county["households"], counts={victim.hh: "三"})
    red = redline_from_layer(QgsVectorLayer(str(county["redline"]), "redline", "ogr"))
    est = estimate_redline(_inputs(county["gpkg"], f"{path}|layername=HJ"), red, _standard(),
                           Options(as_of=datetime.date(2024, 1, 1)))
    assert est.persons == a.persons - victim.persons + 1
    assert any(victim.hh in w and "JTRKS" in w for w in est.warnings)


def test_population_table_of_neither_shape_is_refused(county, tmp_path):
    households = OrderedDict((k, v) for k, v in list(county["households"].items())[:3])
    path = write_household_table(tmp_path / "neither.gpkg", households,
                                 fields=("HH", "ZDDM", "HZXM", "HZSFZHM", "RENSHU_X"))
    with pytest.raises(LandOfficeError, match="XM / JTRKS"):
        _inputs(county["gpkg"], f"{path}|layername=HJ")
