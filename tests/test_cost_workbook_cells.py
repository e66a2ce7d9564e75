"""Every formula cell of every sheet of both cost workbooks, recomputed by LibreOffice, against figures
computed here by hand (households, buildings) or the engine's own line amounts (明细, 汇总, 方案比较).

Last round the 分户 and 房屋 sheets were one row off: each household was shown its neighbour's money. Any
formula pointing at the wrong row fails here, because every row's recomputed value is compared."""
from __future__ import annotations

from decimal import Decimal

import pytest
from cost_cases import AS_OF, REDLINE, layers, rect, standard_file
from qgis.core import QgsCoordinateReferenceSystem
from xlsx_recalc import ERRORS, fen, formula_cells, recalculate, soffice

from landoffice_plugin.cost.engine import CostInputs, Options, estimate_redline, estimate_villages
from landoffice_plugin.cost.inputs import layer_input
from landoffice_plugin.cost.redline import redline_from_qgs
from landoffice_plugin.cost.report_xlsx import write_estimate_xlsx
from landoffice_plugin.cost.standard import load_standard

pytestmark = pytest.mark.skipif(not soffice(), reason="LibreOffice is not installed (make setup installs "
                                                      "libreoffice-calc-nogui)")
CRS = QgsCoordinateReferenceSystem("EPSG:4549")

# by hand from cost_cases: area × price × condition factor (ages 3, 13, 34, 8 years on 2024-01-01)
HOUSE = {"B1": Decimal("120500.00"), "B1b": Decimal("19360.00"), "B2": Decimal("40000.00"),
         "B3": Decimal("160000.00")}
PERSONS = {"H1": 3, "H2": 2, "H3": 1}
HOUSE_OF = {"H1": HOUSE["B1"] + HOUSE["B1b"], "H2": HOUSE["B2"], "H3": HOUSE["B3"]}


def household_total(hh: str, social: bool) -> Decimal:
    n = PERSONS[hh]
    # moving 2,000/户; transition 500 元/人·月 × 12; social security 10,000/人; attachments 5,000/宗
    return HOUSE_OF[hh] + 2000 + n * 500 * 12 + (n * 10000 if social else 0) + 5000


@pytest.fixture()
def workbooks(qgis_app, tmp_path):
    lay = layers()
    # a control character in a head's name must not break the writer (it is removed)
    hj = lay["HJ"]
    hj.startEditing()
    first = next(hj.getFeatures())
    hj.changeAttributeValue(first.id(), hj.fields().indexOf("XM"), "H1\x07成员0")
    hj.commitChanges()
    inputs = CostInputs(*(layer_input(lay[r], r) for r in ("DLTB", "ZD", "ZRZ", "HJ")))
    red = redline_from_qgs([rect(*REDLINE)], CRS, "测试红线")
    st_a = load_standard(standard_file(tmp_path))
    st_b = load_standard(standard_file(tmp_path, lambda d: d["houses"]["prices"].update({"3": 2000}), "b.json"))
    a = estimate_redline(inputs, red, st_a, Options(as_of=AS_OF))
    b = estimate_redline(inputs, red, st_b, Options(as_of=AS_OF))
    v = estimate_villages(inputs, ["3202991012010000000"], st_a, Options(as_of=AS_OF))
    paths = [write_estimate_xlsx(a, tmp_path / "redline.xlsx", other=b),
             write_estimate_xlsx(v, tmp_path / "villages.xlsx")]
    return {"redline": (a, b), "villages": (v, None)}, dict(zip(("redline", "villages"), paths)), \
        recalculate(paths, tmp_path)


def rows_by_first_cell(ws):
    return {row[0].value: row for row in ws.iter_rows() if row[0].value is not None}


def test_no_formula_cell_is_an_error_or_empty(workbooks):
    _est, paths, recalc = workbooks
    for path in paths.values():
        cells = list(formula_cells(*recalc[path]))
        assert len(cells) > 30
        for sheet, coord, formula, value in cells:
            assert value is not None, (path.name, sheet, coord, formula)
            assert not (isinstance(value, str) and value.startswith(ERRORS)), (path.name, sheet, coord, formula, value)


@pytest.mark.parametrize("which,social", [("redline", True), ("villages", False)])
def test_every_household_gets_its_own_money(workbooks, which, social):
    est, paths, recalc = workbooks
    e = est[which][0]
    formulas, values = recalc[paths[which]]
    ws = values["分户"]
    rows = rows_by_first_cell(ws)
    header = next(r for r in ws.iter_rows() if r[0].value == "户号")
    col = {c.value: i for i, c in enumerate(header)}
    total_col = col["合计（元）"]
    for hh in PERSONS:
        assert fen(rows[hh][total_col].value) == household_total(hh, social), hh
        assert fen(rows[hh][col["房屋补偿（元）"]].value) == HOUSE_OF[hh], hh
        assert rows[hh][col["人数"]].value == PERSONS[hh]
    # reclamation takes the whole village, so JC00004 (30 % inside the red line, not affected there) counts,
    # without a registered household: its attachment only
    orphan = Decimal("5000.00") if which == "villages" else Decimal(0)
    if orphan:
        assert fen(rows["（无户籍登记）"][total_col].value) == orphan
    else:
        assert "（无户籍登记）" not in rows
    # every row's total is its own row's sum: the formula text names its own row
    fws = formulas["分户"]
    for row in fws.iter_rows(min_row=header[0].row + 1):
        if row[0].value in PERSONS or row[0].value == "（无户籍登记）":
            r = row[0].row
            assert row[total_col].value == f"=SUM(H{r}:L{r})"
    hand = sum(household_total(h, social) for h in PERSONS) + orphan
    assert fen(rows["合计"][total_col].value) == hand
    # the audited line totals from 明细 and the rounding line reconcile the sheet with the lines
    by_group = e.by_group()
    audited = rows["明细表审定金额"]
    for key, title in (("house", "房屋补偿（元）"), ("moving", "搬迁费（元）"), ("transition", "过渡费（元）"),
                       ("social", "社会保障费（元）"), ("attachment", "附属物（元）")):
        assert fen(audited[col[title]].value) == by_group[key], key
        diff = rows["舍入差（审定 − 分户合计）"][col[title]].value
        assert fen(diff) == by_group[key] - fen(rows["合计"][col[title]].value), key
    # the personal data stays masked, the control character is gone
    heads = [r[col["户主身份证号"]].value for r in ws.iter_rows(min_row=header[0].row + 1) if r[0].value in PERSONS]
    assert heads and all("*" in h and h != "320299198001011234" for h in heads)
    assert any(r[col["户主"]].value == "H1成员0" for r in ws.iter_rows())


@pytest.mark.parametrize("which", ["redline", "villages"])
def test_every_building_row_and_line(workbooks, which):
    est, paths, recalc = workbooks
    e = est[which][0]
    _formulas, values = recalc[paths[which]]
    houses = rows_by_first_cell(values["房屋"])
    for zrzh, amount in HOUSE.items():
        assert fen(houses[zrzh][8].value) == amount, zrzh
    assert {houses[z][2].value for z in HOUSE} == {"钢筋混凝土结构", "砖木结构"}  # names, not codes
    assert fen(houses["合计"][8].value) == sum(HOUSE.values())
    assert houses["合计"][3].value == pytest.approx(120.50 + 30.25 + 100.0 + 200.0)
    lines = values["明细"]
    by_no = {row[0].value: row for row in lines.iter_rows(min_row=3) if isinstance(row[0].value, int)}
    for i, ln in enumerate(e.item_lines, start=1):
        got = by_no[i][9].value
        if ln.missing:
            assert got == "缺少费率"
        else:
            assert fen(got) == ln.amount, (i, ln.key)
    named = rows_by_first_cell(values["汇总"])
    assert fen(named["合计"][1].value) == e.total
    assert fen(named["不可预见费"][1].value) == e.contingency
    for g, amount in e.by_group().items():
        title = next(ln.title for ln in e.lines if ln.group == g) if any(ln.group == g for ln in e.lines) else None
        if title and g != "contingency":
            assert fen(named[title][1].value) == amount, g
    land = values["地类"]
    land_rows = rows_by_first_cell(land)
    assert land_rows["合计"][5].value == sum(1 for _ in e.land)
    assert Decimal(repr(land_rows["合计"][6].value)).quantize(Decimal("0.0001")) == sum(p.mu for p in e.land)


def test_scenario_sheet(workbooks):
    est, paths, recalc = workbooks
    a, b = est["redline"]
    ws = recalc[paths["redline"]][1]["方案比较"]
    totals = [row for row in ws.iter_rows() if row[0].value == "合计"]
    assert len(totals) == 2  # the line table's totals row and the group table's total line
    line_total, group_total = totals
    # the line table sums the lines of A and B (contingency included) and their difference
    assert fen(line_total[4].value) == a.total and fen(line_total[6].value) == b.total
    assert fen(line_total[7].value) == b.total - a.total
    assert fen(group_total[7].value) == b.total - a.total
    # structure 3 doubled in price: B1 and B3 cost twice as much
    house = [row for row in ws.iter_rows() if row[0].value == "房屋补偿费" and row[1].value == ""
             or row[0].value == "房屋补偿费" and row[1].value is None]
    assert house and fen(house[-1][7].value) == HOUSE["B1"] + HOUSE["B3"]
