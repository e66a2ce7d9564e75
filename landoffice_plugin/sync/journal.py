"""The sync step journal and the conflict table of a field package (plain SQLite tables)."""
from __future__ import annotations

import json

from .merge import FieldConflict
from .package import connect

SENT, DONE, VOID = "sent", "done", "void"


def _text(value) -> str:
    if isinstance(value, (bytes, bytearray)):
        return "<geometry>"
    return json.dumps(value, ensure_ascii=False)


def mark_sent(path, run: str, ops: list) -> None:
    """Record, before any request leaves, what is about to be written: (collection, fid, op, expected version)."""
    with connect(path) as db:
        db.executemany("INSERT INTO lo_journal (run, collection, fid, op, expected_version, state) "
                       "VALUES (?, ?, ?, ?, ?, ?)", [(run, c, f, o, v, SENT) for c, f, o, v in ops])


def mark(path, run: str, collection: str, fids, state: str) -> None:
    with connect(path) as db:
        db.executemany("UPDATE lo_journal SET state = ? WHERE run = ? AND collection = ? AND fid = ? AND state = ?",
                       [(state, run, collection, f, SENT) for f in fids])


def unfinished(path, collection: str) -> dict:
    """fid → (op, expected version) of writes sent by an earlier sync that never confirmed them."""
    with connect(path) as db:
        rows = db.execute("SELECT fid, op, expected_version FROM lo_journal WHERE collection = ? AND state = ? "
                          "ORDER BY seq", (collection, SENT)).fetchall()
    return {fid: (op, version) for fid, op, version in rows}


def close_unfinished(path, collection: str) -> None:
    with connect(path) as db:
        db.execute("UPDATE lo_journal SET state = ? WHERE collection = ? AND state = ?", (VOID, collection, SENT))


def save_conflicts(path, collection: str, fid: str, conflicts: list[FieldConflict], theirs_version) -> None:
    with connect(path) as db:
        for c in conflicts:
            db.execute("INSERT INTO lo_conflicts (collection, fid, field, base, mine, theirs, theirs_version, "
                       "decision) VALUES (?, ?, ?, ?, ?, ?, ?, NULL) "
                       "ON CONFLICT (collection, fid, field) DO UPDATE SET "
                       "base = excluded.base, mine = excluded.mine, theirs = excluded.theirs, "
                       "theirs_version = excluded.theirs_version, decision = CASE WHEN "
                       "lo_conflicts.theirs_version = excluded.theirs_version THEN lo_conflicts.decision END",
                       (collection, fid, c.field, _text(c.base), _text(c.mine), _text(c.theirs), theirs_version))


def clear_conflicts(path, collection: str, fids) -> None:
    with connect(path) as db:
        db.executemany("DELETE FROM lo_conflicts WHERE collection = ? AND fid = ?", [(collection, f) for f in fids])


def list_conflicts(path, undecided_only: bool = True) -> list[dict]:
    query = "SELECT collection, fid, field, base, mine, theirs, theirs_version, decision FROM lo_conflicts"
    if undecided_only:
        query += " WHERE decision IS NULL"
    with connect(path) as db:
        rows = db.execute(query + " ORDER BY collection, fid, field").fetchall()
    keys = ("collection", "fid", "field", "base", "mine", "theirs", "theirs_version", "decision")
    return [dict(zip(keys, row)) for row in rows]


def decide(path, collection: str, fid: str, field: str, choice: str) -> None:
    """Record the user's choice ('mine' or 'theirs') for one conflicting field; the next sync applies it."""
    with connect(path) as db:
        db.execute("UPDATE lo_conflicts SET decision = ? WHERE collection = ? AND fid = ? AND field = ?",
                   (choice, collection, fid, field))


def decisions(path, collection: str) -> dict:
    """fid → (theirs_version, {field: choice}) of decided conflicts."""
    out: dict = {}
    with connect(path) as db:
        rows = db.execute("SELECT fid, field, decision, theirs_version FROM lo_conflicts WHERE collection = ? AND "
                          "decision IS NOT NULL", (collection,)).fetchall()
    for fid, field, choice, version in rows:
        out.setdefault(fid, (version, {}))[1][field] = choice
    return out
