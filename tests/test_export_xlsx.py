"""Styled Excel tables: headers with units, frozen header, filters, formats, masking, formulas, atomic save."""
from __future__ import annotations

import os

import openpyxl
import pytest

from landoffice_plugin.core.errors import LandOfficeError

ID_NUMBER = "11010519491231002X"   # a valid 18-character ID (check digit X)
PHONE = "13812345678"


def _columns():
    from landoffice_plugin.export.xlsx import Column

    return [
        Column("户主姓名", "name"),
        Column("身份证号", "id_no", personal="id"),
        Column("联系电话", "phone", personal="phone"),
        Column("宅基地面积", "area_mu", unit="亩", number_format="area"),
        Column("补偿金额", "money", unit="元", number_format="money", width=18),
    ]


def _rows():
    from landoffice_plugin.export.xlsx import Formula

    return [
        {"name": "张三", "id_no": ID_NUMBER, "phone": PHONE, "area_mu": 0.4567, "money": 1234567.891},
        {"name": "李四", "id_no": None, "phone": "", "area_mu": 0.3, "money": 20000},
        {"name": "合计", "area_mu": Formula("=SUM(D3:D4)"), "money": Formula("=SUM(E3:E4)")},
    ]


def _write(tmp_path, **kwargs):
    from landoffice_plugin.export.xlsx import add_sheet, new_workbook, save_workbook, write_key_values, write_table

    wb = new_workbook()
    ws = add_sheet(wb, "拆迁成本")
    last = write_table(ws, _columns(), _rows(), title="某村拆迁成本估算", **kwargs)
    assert last == 5  # title row 1, header row 2, three data rows
    meta = add_sheet(wb, "规则")
    write_key_values(meta, [("补偿标准", "吉政函〔2020〕86号"), ("亩", "10000/15 平方米")], title="使用的规则")
    return save_workbook(wb, tmp_path / "report.xlsx")


def test_table_layout_and_formats(qgis_app, tmp_path):
    path = _write(tmp_path)
    assert path == tmp_path / "report.xlsx"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]  # no temporary file left
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["拆迁成本", "规则"]
    ws = wb["拆迁成本"]
    assert ws["A1"].value == "某村拆迁成本估算" and "A1:E1" in {str(r) for r in ws.merged_cells.ranges}
    headers = [c.value for c in ws[2]]
    assert headers == ["户主姓名", "身份证号", "联系电话", "宅基地面积（亩）", "补偿金额（元）"]
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:E5"
    header = ws["D2"]
    assert header.font.bold and header.fill.fgColor.rgb.endswith("DDEBF7")
    assert header.font.name == "Noto Sans CJK SC" and ws["A3"].font.name == "Noto Sans CJK SC"
    assert ws["D3"].number_format == "0.00" and ws["D3"].value == pytest.approx(0.4567)  # value kept, shown 0.46
    assert ws["E3"].number_format == "#,##0.00"
    assert ws.column_dimensions["E"].width == 18
    assert ws.column_dimensions["D"].width >= len("宅基地面积（亩）") * 2  # CJK counts double
    meta = wb["规则"]
    assert meta["A1"].value == "使用的规则"
    assert (meta["A2"].value, meta["B2"].value) == ("补偿标准", "吉政函〔2020〕86号")


def test_formulas_stay_formulas(qgis_app, tmp_path):
    ws = openpyxl.load_workbook(_write(tmp_path))["拆迁成本"]
    assert ws["D5"].value == "=SUM(D3:D4)" and ws["D5"].data_type == "f"
    assert ws["E5"].value == "=SUM(E3:E4)" and ws["E5"].data_type == "f"
    assert ws["A5"].data_type == "s"


def test_text_that_looks_like_a_formula_stays_text(qgis_app, tmp_path):
    """Data such as an owner name starting with '=' must not become a formula (formula injection)."""
    from landoffice_plugin.export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_table

    wb = new_workbook()
    ws = add_sheet(wb, "t")
    write_table(ws, [Column("权利人", "name")], [{"name": '=HYPERLINK("http://x","点我")'}])
    path = save_workbook(wb, tmp_path / "t.xlsx")
    cell = openpyxl.load_workbook(path)["t"]["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_personal_data_masked_by_default(qgis_app, tmp_path):
    ws = openpyxl.load_workbook(_write(tmp_path))["拆迁成本"]
    masked_id, masked_phone = ws["B3"].value, ws["C3"].value
    assert masked_id != ID_NUMBER and "19491231" not in masked_id        # birth date hidden
    assert masked_id.startswith("110105") and masked_id.endswith("002X")  # region and tail kept
    assert len(masked_id) == 18
    assert PHONE not in masked_phone and "1234" not in masked_phone and masked_phone.endswith("5678")
    assert ws["B4"].value is None  # empty stays empty


def test_personal_data_in_clear_when_asked(qgis_app, tmp_path):
    ws = openpyxl.load_workbook(_write(tmp_path, mask_personal=False))["拆迁成本"]
    assert ws["B3"].value == ID_NUMBER and ws["C3"].value == PHONE


def test_rows_as_sequences_and_features(qgis_app, tmp_path):
    from qgis.core import QgsFeature, QgsVectorLayer

    from landoffice_plugin.export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_table

    layer = QgsVectorLayer("None?field=ZLDWMC:string&field=MJ:double", "t", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["甲村", None])
    wb = new_workbook()
    ws = add_sheet(wb, "a/b:c")
    cols = [Column("坐落单位", "ZLDWMC"), Column("面积", "MJ", unit="平方米", number_format="area")]
    write_table(ws, cols, [feature, ("乙村\x07", 12.5)])
    path = save_workbook(wb, tmp_path / "t")  # .xlsx is appended
    ws = openpyxl.load_workbook(path)["a_b_c"]
    assert path.name == "t.xlsx" and ws.freeze_panes == "A2"
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2)] == [["甲村", None], ["乙村", 12.5]]


def test_sheet_names_are_valid_and_unique(qgis_app):
    from landoffice_plugin.export.xlsx import add_sheet, new_workbook

    wb = new_workbook()
    first = add_sheet(wb, "汇总" * 20)
    second = add_sheet(wb, "汇总" * 20)
    assert len(first.title) == 31 and len(second.title) <= 31 and first.title != second.title
    assert second.title.endswith("(2)")


def test_save_errors(qgis_app, tmp_path, monkeypatch):
    from landoffice_plugin.export import xlsx

    wb = xlsx.new_workbook()
    with pytest.raises(LandOfficeError, match="no sheets"):
        xlsx.save_workbook(wb, tmp_path / "x.xlsx")
    xlsx.add_sheet(wb, "表")
    with pytest.raises(LandOfficeError, match="does not exist"):
        xlsx.save_workbook(wb, tmp_path / "missing" / "x.xlsx")

    target = tmp_path / "locked.xlsx"
    target.write_bytes(b"old contents")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)  # what Windows does while Excel holds the file
    with pytest.raises(LandOfficeError, match="open in another program"):
        xlsx.save_workbook(wb, target)
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.xlsx"]  # temporary file removed


def test_column_rejects_unknown_personal_kind(qgis_app):
    from landoffice_plugin.export.xlsx import Column

    with pytest.raises(LandOfficeError):
        Column("姓名", "name", personal="name")


def test_streamed_workbook_matches_the_layout_of_an_ordinary_one(tmp_path):
    """new_workbook(stream=True): the same title, merge, header, formats, totals, panes, filter and widths."""
    from openpyxl import load_workbook

    from landoffice_plugin.export.xlsx import (
        Column,
        add_sheet,
        new_workbook,
        save_workbook,
        write_key_values,
        write_table,
    )

    cols = [Column("名称", "name"), Column("面积", "area", unit="亩", number_format="0.0000"),
            Column("说明", "note", width=30)]
    rows = [{"name": f"地块{i}", "area": i / 3, "note": "=not a formula" if i == 1 else None} for i in range(3000)]
    shown = {}
    for stream in (False, True):
        wb = new_workbook(stream=stream)
        write_table(add_sheet(wb, "明细"), cols, rows, title="标题", totals={"area": "sum"})
        ws = add_sheet(wb, "规则")
        last = write_key_values(ws, [("规则", "x"), ("长一些的标签", 2)], title="说明")
        write_table(ws, cols[:1], [{"name": "a"}], start_row=last + 2, freeze=False)
        path = save_workbook(wb, tmp_path / f"s{stream}.xlsx")
        book = load_workbook(path)
        t, r = book["明细"], book["规则"]
        shown[stream] = (
            t["A1"].value, sorted(str(m) for m in t.merged_cells.ranges), t["B2"].value, t["B5"].value,
            t["B5"].number_format, t["C4"].value, t["C4"].data_type, t.freeze_panes, t.auto_filter.ref,
            [c.value for c in t[3003]], t.column_dimensions["A"].width, t.column_dimensions["C"].width,
            r["A1"].value, r["A3"].value, r["B3"].value, r["A6"].value, r.freeze_panes)
    assert shown[True] == shown[False]
    assert shown[True][4] == "0.0000" and shown[True][5] == "=not a formula" and shown[True][6] == "s"
    assert shown[True][9] == ["合计", "=SUM(B3:B3002)", None]


def test_big_streamed_table_writes_every_cell_as_openpyxl_does(tmp_path):
    """The rows of a big streamed table go to the sheet XML directly (export/xlsx_rows): every cell's value, type
    and number format is the one an ordinary workbook holds, with tricky text, empty cells, formulas with {r},
    a second table below on the same sheet, and a table that ends its sheet without totals; LibreOffice opens it
    and computes the same totals; a table holding dates is written by openpyxl instead (same cells)."""
    import datetime

    from openpyxl import load_workbook
    from xlsx_recalc import recalculate, soffice

    from landoffice_plugin.export.xlsx import Column, Formula, add_sheet, new_workbook, save_workbook, write_table

    cols = [Column("名称", "name"), Column("面积", "area", number_format="area"),
            Column("代码", "code", number_format="text"), Column("两倍", "twice", number_format="0.0"),
            Column("是否", "flag"), Column("身份证", "idno", personal="id")]
    texts = ["地块", " leading space", "a < b & c > d", "=1+1", "", "tab\tand\nnewline", "x\x01y"]
    rows = [{"name": texts[i % len(texts)] + str(i), "area": None if i % 11 == 0 else (i / 3 if i % 2 else i),
             "code": f"{i:012d}", "twice": Formula("=B{r}*2"), "flag": bool(i % 3), "idno": "320102199001011234"}
            for i in range(4500)]
    dated = [{"name": f"d{i}", "area": datetime.date(2020, 1, 1 + i % 28)} for i in range(2500)]
    books = {}
    for stream in (False, True):
        wb = new_workbook(stream=stream)
        write_table(add_sheet(wb, "明细"), cols, rows, title="明细表", totals={"area": "sum"})
        ws = add_sheet(wb, "两表")
        last = write_table(ws, cols, rows[:2500], title="第一")
        write_table(ws, cols[:2], rows[:5], title="第二", start_row=last + 3, freeze=False)
        write_table(add_sheet(wb, "结尾"), cols[:3], rows[:2600])  # no title, no totals, nothing after
        write_table(add_sheet(wb, "日期"), cols[:2], dated)
        books[stream] = save_workbook(wb, tmp_path / f"big{int(stream)}.xlsx")
    plain, fast = (load_workbook(books[s]) for s in (False, True))
    assert plain.sheetnames == fast.sheetnames
    for name in plain.sheetnames:
        a, b = plain[name], fast[name]
        assert a.max_row == b.max_row and a.max_column == b.max_column, name
        for ra, rb in zip(a.iter_rows(), b.iter_rows()):
            for ca, cb in zip(ra, rb):
                assert (ca.data_type, ca.number_format) == (cb.data_type, cb.number_format), ca.coordinate
                if isinstance(ca.value, float):  # openpyxl writes 16 digits, the fast path the exact double
                    assert cb.value == pytest.approx(ca.value, rel=1e-15), (name, ca.coordinate)
                else:
                    assert ca.value == cb.value, (name, ca.coordinate, ca.value, cb.value)
    assert [fast["明细"].cell(3 + i, 2).value for i in range(len(rows))] == [r["area"] for r in rows]  # exact
    assert fast["明细"]["A4"].value == " leading space1" and fast["明细"]["A6"].value == "=1+13"
    assert fast["明细"]["A6"].data_type == "s" and fast["明细"]["D5"].value == "=B5*2"
    assert fast["明细"]["F5"].value != "320102199001011234"  # masked
    assert fast["明细"]["A4503"].value == "合计" and fast["明细"]["B4503"].value == "=SUM(B3:B4502)"
    if soffice():
        values = recalculate([books[True]], tmp_path)[books[True]][1]
        expected = sum(r["area"] for r in rows if r["area"] is not None)
        assert abs(values["明细"]["B4503"].value - expected) < 1e-6 * expected
        assert values["明细"]["D6"].value == 2 * rows[3]["area"]


def test_big_streamed_table_edge_cases(tmp_path):
    """Sheet titles with XML entities, text over Excel's 32,767 characters, carriage returns and numpy numbers
    go through the fast path as openpyxl writes them; a date part-way through sends the table through openpyxl."""
    import datetime
    import zipfile

    import numpy as np
    from openpyxl import load_workbook

    from landoffice_plugin.export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_table

    cols = [Column("文字", "text"), Column("数", "n", number_format="area")]
    rows = [{"text": ("x\r\ny" if i == 5 else "长" * 40000 if i == 7 else f"t{i}"),
             "n": np.float64(i / 7) if i % 2 else i} for i in range(2500)]
    dated = [{"text": f"d{i}", "n": datetime.date(2020, 1, 1) if i == 2100 else i} for i in range(2500)]
    books = {}
    for stream in (False, True):
        wb = new_workbook(stream=stream)
        write_table(add_sheet(wb, "a&lt;b & <c>"), cols, rows, title="表")
        write_table(add_sheet(wb, "日期"), cols, dated)
        books[stream] = save_workbook(wb, tmp_path / f"e{int(stream)}.xlsx")
    plain, fast = (load_workbook(books[s]) for s in (False, True))
    assert fast.sheetnames == plain.sheetnames == ["a&lt;b & <c>", "日期"]
    for name in plain.sheetnames:
        a, b = plain[name], fast[name]
        assert a.max_row == b.max_row
        for ra, rb in zip(a.iter_rows(), b.iter_rows()):
            for ca, cb in zip(ra, rb):
                assert (ca.data_type, ca.number_format) == (cb.data_type, cb.number_format), (name, ca.coordinate)
                if isinstance(ca.value, float):
                    assert cb.value == pytest.approx(ca.value, rel=1e-15)
                else:
                    assert ca.value == cb.value, (name, ca.coordinate)
    sheet = fast["a&lt;b & <c>"]
    assert sheet["A8"].value == "x\r\ny" and len(sheet["A10"].value) == 32767 and sheet["A3"].value == "t0"
    with zipfile.ZipFile(books[True]) as zf:  # small sheets carry no Zip64 extra field
        assert all(info.extra == b"" for info in zf.infolist())


def test_rows_as_columns_write_the_same_sheets(tmp_path):
    """ColumnRows (a table held as columns, as a potential-land result's arrays) writes byte for byte the sheets the
    same rows as mappings write: big streamed tables (text, empty cells, formulas with {r}, masked ID numbers,
    NaN-free numbers), a small styled one, and a big one holding a date (openpyxl's path); unequal columns are
    refused with a message."""
    import datetime
    import zipfile

    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.export.xlsx import (
        Column,
        ColumnRows,
        Formula,
        add_sheet,
        new_workbook,
        save_workbook,
        write_table,
    )

    cols = [Column("名称", "name"), Column("面积", "area", number_format="area"),
            Column("代码", "code", number_format="text"), Column("两倍", "twice", number_format="0.0"),
            Column("是否", "flag"), Column("身份证", "idno", personal="id"), Column("缺", "missing")]
    texts = ["地块", " leading space", "a < b & c > d", "=1+1", "", "tab\tand\nnewline", "x\x01y"]
    rows = [{"name": texts[i % len(texts)] + str(i), "area": None if i % 11 == 0 else (i / 3 if i % 2 else i),
             "code": f"{i:012d}", "twice": Formula("=B{r}*2"), "flag": bool(i % 3),
             "idno": "320102199001011234" if i % 5 else None} for i in range(4500)]
    dated = [{"name": f"d{i}", "area": datetime.date(2020, 1, 1) if i == 2100 else i} for i in range(2500)]

    def as_columns(table, keys):
        return ColumnRows({k: [r.get(k) for r in table] for k in keys})

    books = {}
    for kind in ("rows", "columns"):
        wb = new_workbook(stream=True)
        keys = [c.key for c in cols if c.key != "missing"]
        write_table(add_sheet(wb, "明细"), cols, rows if kind == "rows" else as_columns(rows, keys),
                    title="明细表", totals={"area": "sum"})
        write_table(add_sheet(wb, "小"), cols, rows[:50] if kind == "rows" else as_columns(rows[:50], keys))
        write_table(add_sheet(wb, "日期"), cols[:2], dated if kind == "rows" else as_columns(dated, ["name", "area"]))
        books[kind] = save_workbook(wb, tmp_path / f"{kind}.xlsx")
    with zipfile.ZipFile(books["rows"]) as a, zipfile.ZipFile(books["columns"]) as b:
        sheets = [n for n in a.namelist() if n.startswith("xl/worksheets/")]
        assert len(sheets) == 3 and sorted(sheets) == sorted(n for n in b.namelist() if n.startswith("xl/worksheets/"))
        for name in sheets:
            assert a.read(name) == b.read(name), name
    assert len(as_columns(rows, ["name"])) == 4500 and as_columns(rows, ["name"])[-1] == {"name": rows[-1]["name"]}
    with pytest.raises(LandOfficeError, match="different lengths"):
        ColumnRows({"a": [1, 2], "b": [1]})


@pytest.mark.parametrize("count", [30, 3000])
def test_numpy_scalars_and_nan_are_numbers_and_empty_cells(tmp_path, count):
    """Columns of numpy arrays (object arrays holding numpy scalars and NaN, as a result's columns can be): every
    number is stored as a number (not the text "5"), NaN and None as an empty cell, in a small sheet (openpyxl's
    cells) and a big streamed one (the sheet XML written directly); read back cell by cell."""
    import numpy as np

    from landoffice_plugin.export.xlsx import Column, ColumnRows, add_sheet, new_workbook, save_workbook, write_table

    ints = np.arange(count, dtype=np.int64)
    mixed = np.empty(count, dtype=object)
    for i in range(count):
        mixed[i] = [np.int64(i), np.float64(i / 4), np.float64("nan"), None, np.bool_(i % 2 == 0), float("nan")][i % 6]
    floats = np.where(ints % 7 == 0, np.nan, ints / 8.0)
    cols = [Column("整数", "ints"), Column("混合", "mixed"), Column("小数", "floats", number_format="0.00")]
    wb = new_workbook(stream=True)
    write_table(add_sheet(wb, "表"), cols, ColumnRows({"ints": ints, "mixed": mixed, "floats": floats}))
    path = save_workbook(wb, tmp_path / "numpy.xlsx")
    ws = openpyxl.load_workbook(path)["表"]
    got = [row for row in ws.iter_rows(min_row=2, values_only=True)]
    assert len(got) == count
    for i, (a, b, c) in enumerate(got):
        assert a == i and type(a) is int
        expected = [i, i / 4, None, None, i % 2 == 0, None][i % 6]
        assert b == expected and (expected is None or type(b) is type(expected)), (i, b)
        assert (c is None) if i % 7 == 0 else (c == i / 8.0), (i, c)
