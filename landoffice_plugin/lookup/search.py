"""Ranked parcel search over a :class:`~.index.ParcelIndex`.

Rank (best first): exact code or unit number > code prefix > exact owner > full pinyin (exact,
then as a prefix) > initials (exact, then prefix) > part of a name > address > DLTB patch number.
Within a rank, parcels are in code order, so the same query always lists the same way. Each
category is one indexed SQL query with LIMIT plus a COUNT; categories are disjoint (owner-based
ones share one set of owner ids; addresses exclude parcels already found by owner), so the total
is a plain sum. Counting stops at :data:`COUNT_CAP` per category (a 6-character county prefix
would otherwise count a million rows: 80 ms instead of 2 ms).
"""
from __future__ import annotations

import json
import math
import re
import sqlite3
from dataclasses import dataclass, field

import shapely

from landoffice_plugin import settings
from landoffice_plugin.core.area import SQM_PER_MU
from landoffice_plugin.core.landuse import landuse_name
from landoffice_plugin.i18n import tr

from . import pinyin
from .index import ParcelIndex
from .query import Query, hint, parse, problem_text

EXACT_CODE, CODE_PREFIX, EXACT_OWNER, PINYIN_FULL, PINYIN_FULL_PREFIX = 0, 1, 2, 3, 4
INITIALS, INITIALS_PREFIX, PARTIAL_NAME, ADDRESS, PATCH = 5, 6, 7, 8, 9
RANK_NAMES = {EXACT_CODE: "exact code", CODE_PREFIX: "code prefix", EXACT_OWNER: "owner",
              PINYIN_FULL: "pinyin", PINYIN_FULL_PREFIX: "pinyin", INITIALS: "initials",
              INITIALS_PREFIX: "initials", PARTIAL_NAME: "part of name", ADDRESS: "address",
              PATCH: "DLTB patch"}
COUNT_CAP = 10_000  # counting stops here: "more than 10,000" is as useful as 1,020,726 and 50× faster
_HIGH = "\U0010ffff"
_PINYIN_END = "{"  # the character after 'z'


@dataclass
class ResultRow:
    fid: int
    code: str
    owner: str
    address: str
    area_mu: float
    use_code: str
    use_name: str
    township: str
    village: str
    red: bool
    rank: int


@dataclass
class SearchResult:
    query: Query
    rows: list = field(default_factory=list)
    total: int = 0
    message: str = ""   # hint / problem / "pinyin unavailable", "" when all is well
    capped: bool = False  # ``total`` is a lower bound (counting stopped at COUNT_CAP)

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.rows))


def red_condition(tolerance_pct: float | None = None) -> str:
    """SQL on table ``parcels`` (alias-free) true for parcels with any red light."""
    tol = settings.AREA_TOLERANCE_PCT.value() if tolerance_pct is None else tolerance_pct
    tol = float(tol) / 100.0
    return (f"(flags != 0 OR (ell > 0 AND (recorded IS NULL OR abs(recorded - ell) > ell * {tol!r})))")


class _Collector:
    def __init__(self, index: ParcelIndex, limit: int, where: str):
        self.conn, self.limit, self.where = index.conn, limit, where
        self.found: list[tuple[int, int]] = []
        self.seen: set[int] = set()
        self.total, self.capped = 0, False

    def add(self, rank: int, condition: str, params: tuple) -> None:
        cond = f"({condition}){self.where}"
        count = self.conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM parcels WHERE {cond} LIMIT ?)",
                                  params + (COUNT_CAP + 1,)).fetchone()[0]
        if count > COUNT_CAP:
            count, self.capped = COUNT_CAP, True
        self.total += count
        room = self.limit - len(self.found)
        if room <= 0:
            return
        for (fid,) in self.conn.execute(f"SELECT fid FROM parcels WHERE {cond} ORDER BY code LIMIT ?",
                                        params + (room + len(self.seen),)):
            if fid not in self.seen and len(self.found) < self.limit:
                self.seen.add(fid)
                self.found.append((rank, fid))


def _code(col: _Collector, q: Query) -> None:
    code = q.code
    field_name = "code" if len(code) <= 19 else "unit"
    col.add(EXACT_CODE, "code = ? OR unit = ?", (code, code))
    col.add(CODE_PREFIX, f"{field_name} > ? AND {field_name} < ?", (code, code + _HIGH))


def _owner_ranks(conn, q: Query) -> dict:
    ranks: dict[int, int] = {}

    def put(ids, rank):
        for (oid,) in ids:
            ranks.setdefault(oid, rank)
    if q.chinese:
        put(conn.execute("SELECT id FROM owners WHERE name = ?", (q.chinese,)), EXACT_OWNER)
        put(conn.execute("SELECT id FROM owners WHERE instr(name, ?) > 0", (q.chinese,)), PARTIAL_NAME)
    if q.pinyin:
        key, end = q.pinyin, q.pinyin + _PINYIN_END
        put(conn.execute("SELECT owner_id FROM pinyin WHERE key = ? AND kind = 0", (key,)), PINYIN_FULL)
        put(conn.execute("SELECT owner_id FROM pinyin WHERE key = ? AND kind = 1", (key,)), INITIALS)
        put(conn.execute("SELECT owner_id FROM pinyin WHERE key > ? AND key < ? AND kind = 0", (key, end)),
            PINYIN_FULL_PREFIX)
        put(conn.execute("SELECT owner_id FROM pinyin WHERE key > ? AND key < ? AND kind = 1", (key, end)),
            INITIALS_PREFIX)
    return ranks


def _owners(col: _Collector, ranks: dict) -> None:
    for rank in sorted(set(ranks.values())):
        ids = json.dumps([oid for oid, r in ranks.items() if r == rank])
        col.add(rank, "owner_id IN (SELECT value FROM json_each(?))", (ids,))


def _address(col: _Collector, text: str, owner_ids: list) -> None:
    exclude = "(owner_id IS NULL OR owner_id NOT IN (SELECT value FROM json_each(?)))"
    ids = json.dumps(owner_ids)
    if len(text) >= 3:
        grams = " AND ".join('"' + text[i:i + 3].replace('"', '""') + '"' for i in range(len(text) - 2))
        col.add(ADDRESS, "fid IN (SELECT rowid FROM addr_fts WHERE addr_fts MATCH ?) AND instr(addr, ?) > 0 "
                f"AND {exclude}", (grams, text, ids))
    else:
        col.add(ADDRESS, f"place_id IN (SELECT id FROM places WHERE instr(text, ?) > 0) AND {exclude}",
                (text, ids))


def _patches(col: _Collector, index: ParcelIndex, tbbh: str) -> None:
    """Parcels whose interior meets a DLTB patch numbered ``tbbh`` (the layers' spatial indexes)."""
    dltb, zd = index.layers.get("DLTB"), index.layers.get("ZD")
    if dltb is None or zd is None:
        return
    from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsProject

    patch_fids = [r[0] for r in index.conn.execute(
        "SELECT fid FROM aux_keys WHERE role = 'DLTB' AND key = ? LIMIT 50", (tbbh,))]
    transform = QgsCoordinateTransform(dltb.crs(), zd.crs(), QgsProject.instance())
    hits = set()
    for patch in dltb.getFeatures(QgsFeatureRequest().setFilterFids(patch_fids).setNoAttributes()):
        geom = patch.geometry()
        if dltb.crs() != zd.crs():
            geom.transform(transform)
        shape = shapely.from_wkb(bytes(geom.asWkb()))
        request = QgsFeatureRequest().setFilterRect(geom.boundingBox()).setNoAttributes()
        for parcel in zd.getFeatures(request):
            other = shapely.from_wkb(bytes(parcel.geometry().asWkb()))
            if shapely.intersects(shape, other) and not shapely.touches(shape, other):
                hits.add(parcel.id())
    if hits:
        col.add(PATCH, "fid IN (SELECT value FROM json_each(?))", (json.dumps(sorted(hits)),))


def _rows(index: ParcelIndex, found: list, tolerance_pct: float) -> list:
    names = getattr(index, "region_names", {})
    rows = []
    red_sql = red_condition(tolerance_pct)
    for rank, fid in found:
        code, owner, addr, recorded, ell, use, red = index.conn.execute(
            f"SELECT code, name, addr, recorded, ell, use, {red_sql} FROM parcels "
            "LEFT JOIN owners ON owners.id = parcels.owner_id WHERE fid = ?", (fid,)).fetchone()
        area = recorded if recorded is not None and math.isfinite(recorded) else ell
        rows.append(ResultRow(fid, code or "", owner or "", addr or "",
                              (area or 0.0) / SQM_PER_MU, use or "", landuse_name(use) if use else "",
                              names.get((code or "")[:9], ""), names.get((code or "")[:12], ""),
                              bool(red), rank))
    return rows


def _audit(text: str, count: int) -> None:
    """An owner lookup (by name or pinyin) leaves a row in the audit log; a log that cannot be written
    is reported in the QGIS log, the search still answers."""
    from .audit import OWNER_SEARCH, record

    try:
        record(OWNER_SEARCH, text, count)
    except (OSError, sqlite3.Error) as err:
        from ..log import get_logger

        get_logger().warning(f"Owner-lookup audit not written: {err}")


def search(index: ParcelIndex, text, limit: int = 50, red_only: bool = False,
           area_prefix: str = "", tolerance_pct: float | None = None) -> SearchResult:
    """Parcels matching ``text``, best first; ``red_only``/``area_prefix`` (township or village code)
    narrow it. An empty ``text`` with ``red_only`` lists the red lights of ``area_prefix``."""
    tol = settings.AREA_TOLERANCE_PCT.value() if tolerance_pct is None else tolerance_pct
    q = parse(text)
    result = SearchResult(q)
    where = ""
    if red_only:
        where += " AND " + red_condition(tol)
    if area_prefix:
        prefix = re.sub(r"[^0-9A-Za-z]", "", area_prefix)
        where += f" AND code >= '{prefix}' AND code < '{prefix}{_HIGH}'"
    col = _Collector(index, max(1, int(limit)), where)
    if q.empty:
        if red_only:
            col.add(CODE_PREFIX, "1", ())
        else:
            result.message = hint()
    if q.code:
        _code(col, q)
    if q.pinyin and not pinyin.available():
        result.message = pinyin.unavailable_message()
    ranks = _owner_ranks(index.conn, q)
    _owners(col, ranks)
    if q.chinese:
        _address(col, q.chinese, list(ranks))
    if q.tbbh:
        _patches(col, index, q.tbbh)
    result.rows = _rows(index, col.found, tol)
    result.total = max(col.total, len(result.rows))
    if ranks:
        _audit(q.text, result.total)
    result.capped = col.capped
    if not result.rows and not result.message:
        problems = problem_text(q)
        result.message = problems or tr("No parcel matches '{text}'.").format(text=q.text) + " " + hint()
    elif q.problems and not result.message:
        result.message = problem_text(q)
    return result
