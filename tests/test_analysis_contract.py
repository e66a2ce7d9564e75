"""Never a silent zero (issue 10): the idle rule, loud messages for unusable input, any CRS.

Expected areas come from QgsDistanceArea (potential_cases.area), never from the engine.
"""
import openpyxl
import pytest
from potential_cases import area, dltb, layer, rect, run, total

from landoffice_plugin.analysis.report_xlsx import write_report

REL = 1e-4


def _idle_layers():
    return {
        # 1201 空闲地 (supplied, nobody built), 0601 built industry, 0103 farmland
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100), dlbm="1201"), dltb(rect(100, 0, 200, 100), dlbm="0601"),
                               dltb(rect(200, 0, 300, 100), dlbm="0103")]),
        "GYYD": layer("GYYD", [(rect(0, 0, 250, 100), {"GDMJ": 25000.0, "YDTZE": 1000.0,
                                                        "YDKGRQ": "2022-01-01"})]),  # not started: idle
    }


def test_idle_counts_1201_vacant_land_as_not_built(qgis_app, tmp_path):
    result = run(_idle_layers(), categories=["idle"])
    expected = area(rect(0, 0, 100, 100)) + area(rect(200, 0, 250, 100))
    assert total(result, "idle") == pytest.approx(expected, rel=REL)
    assert result.count == 2  # the 1201 patch and the farmland part; not the built 0601 patch
    sheet = openpyxl.load_workbook(write_report(result, tmp_path / "idle.xlsx"))["规则与说明"]
    values = {str(r[0]): str(r[1]) for r in sheet.iter_rows(values_only=True) if r[0]}
    assert values["规则 idle.not_built_codes"] == "1201"
    assert "1201 空闲地" in values["闲置/供而未用：视为“未建设”的现状地类"]


def test_not_built_classes_are_a_rules_setting(qgis_app):
    rules = '[idle]\nnot_built_codes = []\n'
    result = run(_idle_layers(), categories=["idle"], rules_text=rules)
    assert total(result, "idle") == pytest.approx(area(rect(200, 0, 250, 100)), rel=REL)
