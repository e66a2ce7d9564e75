"""Owner-lookup audit (查询留痕): owner searches and unmasked views are logged, never with a full ID number."""
from __future__ import annotations

import openpyxl
import pytest
from lookup_cases import close_index, code, open_index

from landoffice_plugin.lookup import audit
from landoffice_plugin.lookup import search as S


@pytest.fixture()
def fresh_log(qgis_app, monkeypatch, tmp_path):
    path = tmp_path / "audit.sqlite"
    monkeypatch.setattr(audit, "audit_path", lambda: path)
    audit._LAST.clear()
    return path


@pytest.fixture(scope="module")
def index(tmp_path_factory, qgis_app):
    idx = open_index(tmp_path_factory.mktemp("lookup"))
    yield idx
    close_index(idx)


def test_owner_search_is_logged_once_while_typing(index, fresh_log):
    first = S.search(index, "张")
    full = S.search(index, "张建国")
    S.search(index, code("P1"))  # a code search is not an owner lookup: not logged
    rows = audit.rows(fresh_log)
    assert len(rows) == 1
    assert rows[0]["kind"] == audit.OWNER_SEARCH and rows[0]["query"] == "张建国"
    assert rows[0]["results"] == full.total and first.total >= full.total >= 1
    assert rows[0]["os_user"]


def test_the_log_never_holds_a_full_id_number(fresh_log):
    audit.record(audit.OWNER_SEARCH, "320211198001011234 的宗地", 0, path=fresh_log)
    [row] = audit.rows(fresh_log)
    assert "320211198001011234" not in row["query"] and row["query"].startswith("320211")


def test_unmasking_needs_the_setting_and_a_reason(index, fresh_log, tmp_path, landoffice_processing):
    import processing
    from qgis.core import QgsProcessingException, QgsSettings

    params = {"ZD": f"{index.gpkg}|layername=ZD", "CODES": code("P1"), "MASK_PERSONAL": False,
              "INDEX_DIR": str(tmp_path / "c"), "OUTPUT_XLSX": str(tmp_path / "r.xlsx")}
    settings = QgsSettings()
    try:
        settings.setValue("landoffice/allow_unmask", False)
        with pytest.raises(QgsProcessingException, match="switched off"):
            processing.run("landoffice:parcelreport", params)
        settings.setValue("landoffice/allow_unmask", True)
        with pytest.raises(QgsProcessingException, match="reason"):
            processing.run("landoffice:parcelreport", params)
        assert not (tmp_path / "r.xlsx").exists() and audit.rows(fresh_log) == []
        processing.run("landoffice:parcelreport", {**params, "REASON": "法院协助查询 (2026) 第12号"})
    finally:
        settings.remove("landoffice/allow_unmask")
    [row] = audit.rows(fresh_log)
    assert row["kind"] == audit.UNMASK and row["reason"] == "法院协助查询 (2026) 第12号" and row["results"] == 1
    out = audit.export_xlsx(tmp_path / "audit.xlsx", fresh_log)
    values = [[c.value for c in r] for r in openpyxl.load_workbook(out)["查询留痕"].iter_rows(min_row=3)]
    assert values[0][3] == "查看完整身份证号" and values[0][6] == "法院协助查询 (2026) 第12号"
