"""Owner-lookup audit (查询留痕): who searched for owners, and who saw an unmasked ID number, when and why.

Like cadastrapp's log of owner lookups: every search that matches owners by name or pinyin, and
every view of unmasked ID numbers, is one row of an SQLite log in the QGIS profile
(``landoffice/audit/lookup_audit.sqlite``): time, the operating-system user and the QGIS profile,
what kind of lookup, what was asked (with any ID or phone number in it masked — the log never holds
an unmasked ID), how many results, and the reason (查询事由, required to unmask). Typing a name
letter by letter gives one row, not one per keystroke. :func:`export_xlsx` files the log.

Unmasking is off unless an office switches it on (setting ``landoffice/allow_unmask``) and always
needs a reason: :func:`require_unmask` is the one gate every engine calls before unmasking.
"""
from __future__ import annotations

import datetime as _dt
import getpass
import sqlite3
import time
from pathlib import Path

from ..core.errors import LandOfficeError
from ..core.personal import mask_personal_text

OWNER_SEARCH, UNMASK = "owner search", "unmask"
KIND_ZH = {OWNER_SEARCH: "权利人查询", UNMASK: "查看完整身份证号"}
TYPING_WINDOW_S = 10.0
_LAST: dict = {}


def audit_path() -> Path:
    from qgis.core import QgsApplication

    folder = Path(QgsApplication.qgisSettingsDirPath()) / "landoffice" / "audit"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "lookup_audit.sqlite"


def _connect(path=None):
    db = sqlite3.connect(str(path or audit_path()))
    db.execute("CREATE TABLE IF NOT EXISTS lookup_audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT, os_user TEXT,"
               " profile TEXT, kind TEXT, query TEXT, results INTEGER, reason TEXT)")
    return db


def _who() -> tuple[str, str]:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    try:
        from qgis.core import QgsApplication

        profile = Path(QgsApplication.qgisSettingsDirPath().rstrip("/\\")).name
    except ImportError:
        profile = ""
    return user, profile


def record(kind: str, query: str, results: int, reason: str = "", path=None) -> None:
    """One audit row; a search that extends the previous one within seconds (typing) replaces it."""
    text = mask_personal_text(str(query or ""))
    user, profile = _who()
    now = time.monotonic()
    with _connect(path) as db:
        last = _LAST.get((str(path), kind))
        if kind == OWNER_SEARCH and last and now - last[1] < TYPING_WINDOW_S and text.startswith(last[2]):
            db.execute("UPDATE lookup_audit SET query = ?, results = ?, at = ? WHERE seq = ?",
                       (text, int(results), _stamp(), last[0]))
            _LAST[(str(path), kind)] = (last[0], now, text)
            return
        cur = db.execute("INSERT INTO lookup_audit (at, os_user, profile, kind, query, results, reason) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", (_stamp(), user, profile, kind, text, int(results),
                                                        mask_personal_text(reason or "")))
        _LAST[(str(path), kind)] = (cur.lastrowid, now, text)


def _stamp() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


def rows(path=None) -> list[dict]:
    with _connect(path) as db:
        found = db.execute("SELECT at, os_user, profile, kind, query, results, reason FROM lookup_audit "
                           "ORDER BY seq").fetchall()
    keys = ("at", "os_user", "profile", "kind", "query", "results", "reason")
    return [{**dict(zip(keys, r)), "kind_zh": KIND_ZH.get(r[3], r[3])} for r in found]


def unmask_allowed() -> bool:
    from qgis.core import QgsSettings

    return QgsSettings().value("landoffice/allow_unmask", False, type=bool)


def require_unmask(reason: str, what: str, results: int = 1, path=None) -> None:
    """The one gate before showing an unmasked ID number: allowed by the office, a reason, a log row."""
    if not unmask_allowed():
        raise LandOfficeError("Showing full ID numbers is switched off for this office: reports and the details "
                              "show them masked. An administrator can allow it (setting landoffice/allow_unmask); "
                              "every view is then logged with its reason.")
    if not (reason or "").strip():
        raise LandOfficeError("Give the reason for seeing the full ID numbers (查询事由): it is logged with your "
                              "name and the time.")
    record(UNMASK, what, results, reason.strip(), path)


def export_xlsx(out, path=None) -> Path:
    from ..export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_table

    found = rows(path)
    if not found:
        raise LandOfficeError("The owner-lookup log is empty: no owner search or unmasking has been recorded on "
                              "this computer yet.")
    wb = new_workbook()
    ws = add_sheet(wb, "查询留痕")
    columns = [Column("时间", "at"), Column("操作系统用户", "os_user"), Column("QGIS 配置", "profile"),
               Column("类别", "kind_zh"), Column("查询内容", "query"), Column("结果数", "results"),
               Column("查询事由", "reason")]
    write_table(ws, columns, found, title="权利人查询留痕")
    return save_workbook(wb, out)
