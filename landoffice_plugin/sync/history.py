"""留痕: the data centre's history of changes (collection ``HISTORY``), read and written to xlsx.

Each history row (written by the data centre in the same transaction as the change, see
``.ci/datacentre/schema.sql``) says which feature changed, how (insert / update / delete), to
which version, by which account, why (the sync's reason: the accepted problems' reasons), which
fields, and when. ``read_history`` reads an area's (bbox or township) or one feature's rows;
``write_history_xlsx`` files them through the one table writer.
"""
from __future__ import annotations

from ..core.errors import LandOfficeError
from .client import TOMBSTONES

HISTORY = "HISTORY"
COLUMNS = (("changed_at", "时间"), ("collection", "图层"), ("fid", "要素编号"), ("op", "操作"), ("version", "版本"),
           ("account", "账号"), ("changed_fields", "变更字段"), ("reason", "事由"))
OPS_ZH = {"insert": "新增", "update": "修改", "delete": "删除"}


def _literal(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def read_history(client, collection: str | None = None, fid: str | None = None, bbox=None, epsg: int = 4549,
                 limit: int = 10000, code: str | None = None) -> list[dict]:
    """History rows, newest first: of one feature (``fid``, or its own ``code``: a parcel's ZDDM), or of a
    collection within ``bbox``."""
    available = client.collections()
    if HISTORY not in available:
        raise LandOfficeError("The data centre at {url} keeps no history of changes (no HISTORY collection): "
                              "ask its administrator to enable it.", url=client.url)
    conditions = []
    if collection:
        conditions.append(f"collection = {_literal(collection)}")
    if fid:
        conditions.append(f"fid = {_literal(fid)}")
    if code:
        conditions.append(f"code = {_literal(code)}")
    params = {"sortby": "-changed_at", "skipGeometry": "true"}
    if conditions:
        params.update({"filter": " AND ".join(conditions), "filter-lang": "cql2-text"})
    rows = []
    for item in client.items(HISTORY, epsg=epsg, bbox=bbox, limit=min(limit, 10000), params=params):
        props = dict(item.get("properties") or {})
        props["op_zh"] = OPS_ZH.get(props.get("op"), props.get("op"))
        rows.append(props)
        if len(rows) >= limit:
            break
    rows.sort(key=lambda r: str(r.get("changed_at") or ""), reverse=True)
    return rows


def write_history_xlsx(rows: list[dict], path, title: str):
    """One sheet 变更记录: a row per change (the account and reason as the data centre recorded them)."""
    from ..export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_table

    if not rows:
        raise LandOfficeError("The data centre has no recorded change for this selection: check the area, the "
                              "layer or the feature id.")
    wb = new_workbook()
    ws = add_sheet(wb, "变更记录")
    columns = [Column(header, "op_zh" if key == "op" else key) for key, header in COLUMNS]
    write_table(ws, columns, rows, title=title)
    return save_workbook(wb, path)


__all__ = ["read_history", "write_history_xlsx", "HISTORY", "TOMBSTONES"]


SECTION_COLUMNS = [("changed_at", "时间"), ("op_zh", "操作"), ("version", "版本"), ("account", "账号"),
                   ("changed_fields", "变更字段"), ("reason", "事由")]


def history_section(client, code: str, limit: int = 50):
    """The 变更记录 section of a parcel's details (宗地查询): its changes at the data centre, newest first."""
    from ..lookup.details import Section

    rows = read_history(client, "ZD", code=code, limit=limit)
    for row in rows:
        row["changed_at"] = str(row.get("changed_at") or "")[:19].replace("T", " ")
    return Section("HISTORY", "变更记录（数据中心）", SECTION_COLUMNS, rows)


def configured_client():
    """The data centre the office configured for 宗地查询 (settings ``landoffice/datacentre_url`` and
    ``landoffice/datacentre_authcfg``), or None: without it the details stay offline."""
    from qgis.core import QgsSettings

    from .client import FeatureClient

    url = QgsSettings().value("landoffice/datacentre_url", "", type=str)
    if not url:
        return None
    return FeatureClient(url, QgsSettings().value("landoffice/datacentre_authcfg", "", type=str) or None, retries=1)
