"""The write journal, the conflict table and the discarded-values table of a field package.

The write journal (``lo_journal``) has one row per write, inserted *immediately before* its
request leaves (writes sent together are journalled together, in one transaction, right
before the group goes out). A row holds what was sent (``body``, the GeoJSON) and its content
hash. Its state says what is known:

* ``sending`` — sent, outcome unknown (the answer was lost, the laptop crashed, the sync was
  cancelled or killed). The next sync resolves it by reading the server: a server feature is
  adopted as ours only when its *content hash equals what we sent* (:func:`unfinished`).
* ``done`` — the server confirmed it and the base copy was moved forward in the same step.
* ``rejected`` — the server's version had moved (someone else wrote first): merged again.
* ``refused`` — the server refused this feature's values (too long, wrong type, constraint);
  the reason is kept in ``reason`` and in ``lo_conflicts``; every other edit still went.
* ``resolved`` — a ``sending`` row a later sync looked at and settled.

A rejected or refused write is never adopted. Conflicts (``lo_conflicts``) stay until a person
decides; what a decision or a mine/theirs policy throws away goes to ``lo_discarded``.
"""
from __future__ import annotations

import hashlib
import json

from .features import Feature, from_geojson
from .merge import FieldConflict
from .package import connect

SENDING, DONE, REJECTED, REFUSED, RESOLVED = "sending", "done", "rejected", "refused", "resolved"
REFUSED_FIELD = "__refused__"  # the pseudo-field of a conflict row that records a refused write


def _text(value) -> str:
    if isinstance(value, (bytes, bytearray)):
        return "<geometry>"
    return json.dumps(value, ensure_ascii=False)


def content_hash(feature: Feature | None) -> str:
    """A hash of a feature's attributes and geometry (id and version left out)."""
    if feature is None:
        return ""
    props = {k: v for k, v in sorted(feature.props.items())}
    text = json.dumps(props, ensure_ascii=False, sort_keys=True, default=str)
    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(feature.geom or b"")
    return digest.hexdigest()


def begin(path, run: str, entries: list) -> list[int]:
    """Journal writes about to leave: ``entries`` of (collection, fid, op, expected version, body dict,
    hash). Returns their row numbers, in order."""
    seqs = []
    with connect(path) as db:
        for collection, fid, op, version, body, digest in entries:
            cur = db.execute("INSERT INTO lo_journal (run, collection, fid, op, expected_version, state, body, "
                             "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             (run, collection, fid, op, version, SENDING,
                              json.dumps(body, ensure_ascii=False) if body is not None else None, digest))
            seqs.append(cur.lastrowid)
    return seqs


def finish(db, outcomes: list) -> None:
    """Record outcomes (seq, state, reason) on an open connection (the caller's transaction)."""
    db.executemany("UPDATE lo_journal SET state = ?, reason = ? WHERE seq = ?",
                   [(state, reason, seq) for seq, state, reason in outcomes])


class Unfinished:
    """A write whose outcome is unknown: what was sent, to compare with what the server holds."""

    def __init__(self, seq, op, version, body, digest, multi):
        self.seq, self.op, self.version, self.hash = seq, op, version, digest
        self.sent = from_geojson(json.loads(body), multi) if body else None
        if self.sent is not None:
            self.sent.version = version


def unfinished(path, collection: str, multi: bool) -> dict:
    """fid → :class:`Unfinished`, the latest ``sending`` write of each feature."""
    with connect(path) as db:
        rows = db.execute("SELECT seq, fid, op, expected_version, body, hash FROM lo_journal "
                          "WHERE collection = ? AND state = ? ORDER BY seq", (collection, SENDING)).fetchall()
    return {fid: Unfinished(seq, op, version, body, digest, multi) for seq, fid, op, version, body, digest in rows}


# -- conflicts -------------------------------------------------------------------------------------
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


def save_refusal(db, collection: str, fid: str, reason: str, theirs_version) -> None:
    """A write the server refused: shown with the conflicts (field ``__refused__``, theirs = the reason)."""
    db.execute("INSERT INTO lo_conflicts (collection, fid, field, base, mine, theirs, theirs_version, decision) "
               "VALUES (?, ?, ?, NULL, NULL, ?, ?, NULL) ON CONFLICT (collection, fid, field) DO UPDATE SET "
               "theirs = excluded.theirs, theirs_version = excluded.theirs_version, decision = NULL",
               (collection, fid, REFUSED_FIELD, reason, theirs_version))


def clear_conflicts(path, collection: str, fids, keep_refusals: bool = False) -> None:
    query = "DELETE FROM lo_conflicts WHERE collection = ? AND fid = ?"
    if keep_refusals:
        query += f" AND field <> '{REFUSED_FIELD}'"
    with connect(path) as db:
        db.executemany(query, [(collection, f) for f in fids])


def clear_refusals(db, collection: str, fids) -> None:
    db.executemany("DELETE FROM lo_conflicts WHERE collection = ? AND fid = ? AND field = ?",
                   [(collection, f, REFUSED_FIELD) for f in fids])


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
                          "decision IS NOT NULL AND field <> ?", (collection, REFUSED_FIELD)).fetchall()
    for fid, field, choice, version in rows:
        out.setdefault(fid, (version, {}))[1][field] = choice
    return out


# -- discarded values --------------------------------------------------------------------------------
def _kept_text(value) -> str:
    """Like :func:`_text`, but a geometry is kept whole (as WKT): a discarded geometry must be recoverable."""
    if isinstance(value, (bytes, bytearray)):
        import shapely

        return shapely.from_wkb(bytes(value)).wkt
    return json.dumps(value, ensure_ascii=False, default=str)


def save_discarded(path, run: str, rows: list) -> None:
    """What a mine/theirs choice threw away: (collection, fid, field, kept side, kept value, discarded value,
    how it was decided)."""
    if not rows:
        return
    with connect(path) as db:
        db.executemany("INSERT INTO lo_discarded (run, collection, fid, field, kept, kept_value, discarded_value, "
                       "decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [(run, c, f, field, kept, _kept_text(kv), _kept_text(dv), how)
                        for c, f, field, kept, kv, dv, how in rows])


def list_discarded(path) -> list[dict]:
    with connect(path) as db:
        rows = db.execute("SELECT run, collection, fid, field, kept, kept_value, discarded_value, decided_by, at "
                          "FROM lo_discarded ORDER BY seq").fetchall()
    keys = ("run", "collection", "fid", "field", "kept", "kept_value", "discarded_value", "decided_by", "at")
    return [dict(zip(keys, row)) for row in rows]
