"""Reports: the xlsx line amounts are live formulas that recompute to the engine's total (checked by
evaluating the cells here and by LibreOffice), IDs are masked, scenarios get a sheet, the PDF has
the summary."""
from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from cost_cases import AS_OF, REDLINE, layers, r2, rect, standard_file
from openpyxl import load_workbook
from qgis.core import QgsCoordinateReferenceSystem

from landoffice_plugin.cost.engine import CostInputs, Options, estimate_redline
from landoffice_plugin.cost.inputs import layer_input
from landoffice_plugin.cost.redline import redline_from_qgs
from landoffice_plugin.cost.report_xlsx import FIRST_LINE_ROW, write_estimate_xlsx
from landoffice_plugin.cost.scenarios import compare_groups
from landoffice_plugin.cost.standard import load_standard

CRS = QgsCoordinateReferenceSystem("EPSG:4549")


@pytest.fixture()
def estimates(qgis_app, tmp_path):
    lay = layers()
    inputs = CostInputs(*(layer_input(lay[r], r) for r in ("DLTB", "ZD", "ZRZ", "HJ")))
    red = redline_from_qgs([rect(*REDLINE)], CRS, "测试红线")
    a = estimate_redline(inputs, red, load_standard(standard_file(tmp_path)), Options(as_of=AS_OF))
    b = estimate_redline(inputs, red, load_standard(standard_file(
        tmp_path, lambda d: d["houses"]["prices"].update({"3": 2000, "5": 1600}), "b.json")), Options(as_of=AS_OF))
    return a, b, tmp_path


def _dec(value) -> Decimal:
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def evaluate_lines(ws) -> Decimal:
    """Recompute the line sheet from its quantity, rate and factor cells, reading each formula's text."""
    total, row = Decimal(0), FIRST_LINE_ROW
    amounts = {}
    while ws.cell(row=row, column=2).value not in ("小计", None):
        formula = ws.cell(row=row, column=10).value
        if formula != "缺少费率":
            assert formula == f"=ROUND(D{row}*F{row}*H{row},2)"
            d, f, h = (_dec(ws.cell(row=row, column=c).value) for c in (4, 6, 8))
            amounts[row] = r2(d * f * h)
            total += amounts[row]
        row += 1
    sub = row
    assert ws.cell(row=sub, column=10).value == f"=SUM(J{FIRST_LINE_ROW}:J{sub - 1})"
    cont = sub + 1
    assert ws.cell(row=cont, column=4).value == f"=J{sub}"
    contingency = r2(total * _dec(ws.cell(row=cont, column=6).value) * _dec(ws.cell(row=cont, column=8).value))
    assert ws.cell(row=cont + 1, column=10).value == f"=J{sub}+J{cont}"
    return total + contingency


def test_xlsx_formulas_recompute_to_the_total(estimates):
    a, _b, tmp_path = estimates
    path = write_estimate_xlsx(a, tmp_path / "cost.xlsx")
    wb = load_workbook(path)
    assert {"汇总", "明细", "分户", "地类", "房屋", "警告", "补偿标准"} <= set(wb.sheetnames)
    assert evaluate_lines(wb["明细"]) == a.total
    ids = [c.value for c in wb["分户"]["D"][2:] if c.value]  # title row 1, header row 2
    assert ids and all("*" in v and v != "320299198001011234" for v in ids)
    std = wb["补偿标准"]
    assert any(c.value == "测试〔2023〕1号" for row in std.iter_rows() for c in row)
    warn = [c.value for row in wb["警告"].iter_rows() for c in row if c.value]
    assert "H9" in warn


@pytest.mark.skipif(not (shutil.which("libreoffice") or shutil.which("soffice")),
                    reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui); "
                           "the formulas are still checked by evaluating them in Python")
def test_libreoffice_recomputes_the_same_total(estimates):
    a, b, tmp_path = estimates
    path = write_estimate_xlsx(a, tmp_path / "cost.xlsx", other=b)
    out = tmp_path / "lo"
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo_profile", "--convert-to", "xlsx",
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    wb = load_workbook(out / "cost.xlsx", data_only=True)
    lines = wb["明细"]
    total_row = next(r for r in range(1, lines.max_row + 1) if lines.cell(row=r, column=2).value == "合计")
    assert _dec(lines.cell(row=total_row, column=10).value).quantize(Decimal("0.01")) == a.total
    summary = wb["汇总"]
    values = {row[0].value: row[1].value for row in summary.iter_rows() if row[0].value}
    assert _dec(values["合计"]).quantize(Decimal("0.01")) == a.total
    assert _dec(values["房屋补偿费"]).quantize(Decimal("0.01")) == Decimal("339860.00")
    cmp_rows = {row[0].value: row for row in wb["方案比较"].iter_rows() if row[0].value == "合计"}
    last = list(cmp_rows.values())[-1]  # the group table's total row
    assert _dec(last[7].value).quantize(Decimal("0.01")) == b.total - a.total


def test_scenarios_differ_by_the_house_prices(estimates):
    a, b, _tmp = estimates
    rows = {r.key: r for r in compare_groups(a, b)}
    # every house price doubled: the house compensation doubles (339,860.00 -> 679,720.00)
    assert rows["house"].difference == Decimal("339860.00")
    assert rows["total"].difference == b.total - a.total
    assert rows["total"].difference == Decimal("339860.00") + r2(b.subtotal * Decimal("0.1")) - \
        r2(a.subtotal * Decimal("0.1"))


def test_pdf_report_has_the_summary(estimates):
    a, _b, tmp_path = estimates
    from landoffice_plugin.export.cost_report_pdf import export_cost_pdf

    path = export_cost_pdf(a, tmp_path / "cost.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    assert not [ch for ch in text if 0x2E80 <= ord(ch) <= 0x2FDF], "Kangxi radicals in the text layer"
    assert "房屋补偿费" in text and "合计" in text
    assert f"{a.total:,.2f}" in re.sub(r"[ \t]+", " ", text)
