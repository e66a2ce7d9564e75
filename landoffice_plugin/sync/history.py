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
                 limit: int = 10000) -> list[dict]:
    """History rows, newest first: of one feature (``fid``), or of a collection within ``bbox``."""
    available = client.collections()
    if HISTORY not in available:
        raise LandOfficeError("The data centre at {url} keeps no history of changes (no HISTORY collection): "
                              "ask its administrator to enable it.", url=client.url)
    conditions = []
    if collection:
        conditions.append(f"collection = {_literal(collection)}")
    if fid:
        conditions.append(f"fid = {_literal(fid)}")
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
