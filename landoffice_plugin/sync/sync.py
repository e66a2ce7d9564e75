"""pull → merge → push, safe to run again after a crash at any point.

Why a re-run finishes with nothing lost and nothing duplicated:

* local edits are the difference between the working layer and the base copy
  (:mod:`.changes`); the base is only moved forward after the server confirmed a write, so
  an unconfirmed edit is simply found again;
* new features carry client-generated UUIDs; a create whose answer was lost is found on
  the server by the next pull (or by a GET before any re-POST) and adopted, never re-posted;
* every write is recorded in ``lo_journal`` as *sent* before it leaves; the next sync
  adopts a sent write whose version is on the server, so even a third party's later edit
  is merged against our own write and not reported as a conflict;
* updates send ``version = base + 1``; the server's trigger rejects anything else (a 500),
  after which the feature is re-read and merged again — a rejected update is never retried
  blindly.

After a sync the base is the server state the working copy agrees with.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace

from ..core.errors import LandOfficeError
from ..log import get_logger
from . import journal, sync_log
from .area import read_area, read_changes, watermark
from .changes import CREATE, DELETE, UPDATE, detect, diff
from .checkout import is_multi
from .client import FeatureClient, ServerError, safe_url
from .features import Feature, from_geojson, new_id, to_geojson
from .merge import POLICIES, STOP, merge_feature
from .package import BASE_PREFIX, open_package, read_meta, write_features, write_meta
from .photos import embed_photos, extract_photos

MAX_REMERGES = 3


@dataclass
class SyncReport:
    pulled: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    merged: int = 0
    rejected: int = 0
    adopted: int = 0
    conflicts: list = field(default_factory=list)

    def summary(self) -> dict:
        return {"pulled": self.pulled, "created": self.created, "updated": self.updated, "deleted": self.deleted,
                "merged": self.merged, "rejected": self.rejected, "adopted": self.adopted,
                "conflicts": len(self.conflicts)}


@dataclass
class _Op:
    kind: str
    feature: Feature | None
    fid: str
    expected: int | None
    base: Feature | None = None
    mine: Feature | None = None


class _CollectionSync:
    def __init__(self, path, meta, client, collection, policy, report, feedback, run, batch):
        self.path, self.meta, self.client, self.c = path, meta, client, collection
        self.policy, self.report, self.feedback, self.run, self.batch = policy, report, feedback, run, batch
        self.epsg, self.multi = int(meta.get("epsg", 4549)), is_multi(collection)
        self.local = {"upsert": [], "delete": []}
        self._base_changes = {"upsert": [], "delete": []}
        self._conflicted: set = set()
        self.new_watermark: str | None = None

    # -- pull ---------------------------------------------------------------------------------
    def pull(self, base: dict) -> dict:
        """The server's state of the area: read whole, or (LandOffice data centre) only what changed."""
        since = (self.meta.get("watermarks") or {}).get(self.c)
        if self.meta.get("incremental") and since:
            changed, deleted, stamp = read_changes(self.client, self.c, self.meta["area"], self.epsg, self.multi,
                                                   since)
            theirs = {fid: f for fid, f in base.items() if fid not in deleted}
            theirs.update(changed)
            suspects = {row["fid"] for row in journal.list_conflicts(self.path, False) if row["collection"] == self.c}
        else:
            theirs = read_area(self.client, self.c, self.meta["area"], self.epsg, self.multi)
            stamp = self.client.first_timestamp
            suspects = {fid for fid in base if fid not in theirs}  # deleted, or moved out of the area
        for fid in suspects:
            item = self.client.get(self.c, fid, epsg=self.epsg)
            if item is not None:
                theirs[fid] = from_geojson(item, self.multi)
            else:
                theirs.pop(fid, None)
        self.new_watermark = watermark(stamp)
        return theirs

    def adopt(self, base: dict, theirs: dict) -> None:
        """Writes an earlier, interrupted sync sent and the server kept become the base."""
        for fid, (op, version) in journal.unfinished(self.path, self.c).items():
            now = theirs.get(fid)
            if op == DELETE and now is None and fid in base:
                del base[fid]
                self._base_changes["delete"].append(fid)
                self.report.adopted += 1
            elif op != DELETE and now is not None and now.version == version:
                base[fid] = now
                self._base_changes["upsert"].append(now)
                self.report.adopted += 1
        journal.close_unfinished(self.path, self.c)

    # -- merge --------------------------------------------------------------------------------
    def plan(self) -> list[_Op]:
        changes, working, base = detect(self.path, self.c)
        theirs = self.pull(base)
        self.adopt(base, theirs)
        changes = diff(working, base)
        decided = journal.decisions(self.path, self.c)
        ops, settled = [], []
        for fid in dict.fromkeys([*changes, *theirs, *base]):
            b, t, m, change = base.get(fid), theirs.get(fid), working.get(fid), changes.get(fid)
            theirs_changed = (t is not None) if b is None else (t is None or t.version != b.version)
            if change is None and not theirs_changed:
                continue
            if change is None:
                self.report.pulled += 1
                self._take_theirs(fid, t)
            elif not theirs_changed:
                ops.append(self._op_for_mine(change))
            else:
                version, fields = decided.get(fid, (None, {}))
                choices = fields if version == (t.version if t else None) else {}
                op = self._merge(fid, b, m, t, choices)
                if op is not None:
                    ops.append(op)
                settled.append(fid)
        journal.clear_conflicts(self.path, self.c, [f for f in settled if f not in self._conflicted])
        return ops

    def _take_theirs(self, fid: str, t: Feature | None) -> None:
        if t is None:
            self.local["delete"].append(fid)
        else:
            self.local["upsert"].append(t)

    def _op_for_mine(self, change) -> _Op:
        if change.kind == CREATE:
            return _Op(CREATE, change.mine, change.id, 1, None, change.mine)
        if change.kind == UPDATE:
            expected = (change.base.version or 0) + 1
            return _Op(UPDATE, change.mine, change.id, expected, change.base, change.mine)
        return _Op(DELETE, None, change.id, change.base.version, change.base, None)

    def _merge(self, fid, b, m, t, choices) -> _Op | None:
        result = merge_feature(b, m, t, choices, self.policy)
        if result.conflicts:
            self._conflicted.add(fid)
            journal.save_conflicts(self.path, self.c, fid, result.conflicts, t.version if t else None)
            self.report.conflicts += [{"collection": self.c, "fid": fid, "field": x.field} for x in result.conflicts]
            return None
        self.report.merged += 1
        r = result.result
        if r is None:
            if t is not None:
                return _Op(DELETE, None, fid, t.version, t, None)
            self._take_theirs(fid, None)
            return None
        if t is None:
            return _Op(CREATE, replace(r, version=None), fid, 1, None, r)
        if r.values() != t.values():
            return _Op(UPDATE, replace(r, id=fid), fid, (t.version or 0) + 1, t, r)
        self._take_theirs(fid, t)
        return None

    # -- push ---------------------------------------------------------------------------------
    def push(self, ops: list[_Op], progress) -> None:
        for start in range(0, len(ops), self.batch):
            chunk = ops[start:start + self.batch]
            journal.mark_sent(self.path, self.run, [(self.c, op.fid, op.kind, op.expected) for op in chunk])
            done = []
            try:
                for op in chunk:
                    if self.feedback is not None and self.feedback.isCanceled():
                        raise LandOfficeError("The sync was cancelled; what was sent is kept and the rest will be "
                                              "sent by the next sync.")
                    if self._send(op):
                        done.append(op.fid)
                    progress()
            finally:
                self.flush()
                journal.mark(self.path, self.run, self.c, done, journal.DONE)

    def _send(self, op: _Op) -> bool:
        if op.kind == CREATE:
            self.client.create(self.c, to_geojson(op.feature, None))
            self.local["upsert"].append(replace(op.feature, version=1))
            self.report.created += 1
            return True
        if op.kind == DELETE:
            return self._delete(op)
        return self._replace(op)

    def _delete(self, op: _Op) -> bool:
        """DELETE only the version the decision was made on.

        OGC API DELETE carries no version and pygeoapi has no If-Match, so the feature is read
        right before: a version that moved since the pull means someone changed it, and the
        delete goes back through the merge (delete against change = a conflict) instead of
        silently removing their edit. The window left is the milliseconds between GET and DELETE.
        """
        item = self.client.get(self.c, op.fid, epsg=self.epsg)
        now = from_geojson(item, self.multi) if item is not None else None
        if now is not None and op.expected is not None and now.version != op.expected:
            self.report.rejected += 1
            follow = self._merge(op.fid, op.base, op.mine, now, {})
            if follow is None:
                return op.fid not in self._conflicted
            return self._send(follow)
        if now is not None:
            self.client.delete(self.c, op.fid)
        self.local["delete"].append(op.fid)
        self.report.deleted += 1
        return True

    def _replace(self, op: _Op) -> bool:
        for _ in range(MAX_REMERGES):
            now = self._put(op.feature, op.expected)
            if now is True:
                self.local["upsert"].append(replace(op.feature, version=op.expected))
                self.report.updated += 1
                return True
            self.report.rejected += 1  # someone else wrote first: merge again with what is there now
            follow = self._merge(op.fid, op.base, op.mine, now, {})
            if follow is None:
                return op.fid not in self._conflicted
            if follow.kind != UPDATE:
                return self._send(follow)
            op = follow
        return False

    def _put(self, feature: Feature, expected: int):
        """True when the server has our write; else the server's current feature (None = deleted)."""
        for _ in range(MAX_REMERGES):
            try:
                response = self.client.replace(self.c, to_geojson(feature, expected))
                if response.status_code in (200, 204):
                    return True
                if response.status_code < 500:
                    raise ServerError(f"PUT {self.c}/{feature.id}: HTTP {response.status_code}", response.status_code)
            except ServerError as err:
                if err.status is not None and err.status < 500:
                    raise
            item = self.client.get(self.c, feature.id, epsg=self.epsg)
            now = from_geojson(item, self.multi) if item is not None else None
            if now is not None and now.version == expected and now.values() == feature.values():
                return True
            if now is None or now.version != expected - 1:
                return now
        raise ServerError(f"PUT {self.c}/{feature.id} failed repeatedly")

    def flush(self) -> None:
        """Write what the server confirmed to the working layer and the base copy."""
        ups, dels = self.local["upsert"], self.local["delete"]
        base_ups = ups + self._base_changes["upsert"]
        base_dels = dels + self._base_changes["delete"]
        if ups or dels:
            write_features(self.path, self.c, ups, dels)
        if base_ups or base_dels:
            write_features(self.path, BASE_PREFIX + self.c, base_ups, base_dels)
        self.local = {"upsert": [], "delete": []}
        self._base_changes = {"upsert": [], "delete": []}


def _run_checks(path) -> None:
    from .checks import attach_overrides, blocking, run_checks

    problems = run_checks(path)
    stop = blocking(problems)
    if stop:
        listing = "; ".join(f"{p.collection} {p.fid[:8]}: {p.message()}" for p in stop[:5])
        raise LandOfficeError("{count} edited features do not pass the checks ({listing}): fix them, or override "
                              "each with a reason, then sync again.", count=len(stop), listing=listing)
    attach_overrides(path, problems)


def sync_package(directory, url: str | None = None, authcfg: str | None = None, policy: str = STOP,
                 client: FeatureClient | None = None, feedback=None, batch: int = 100,
                 checks: bool = True) -> SyncReport:
    """Synchronise a field package with its data centre. ``policy``: stop | mine | theirs.

    With ``checks`` the 灭红灯 checks run first (:mod:`.checks`); a problem that is neither fixed
    nor overridden stops the sync before anything is sent.
    """
    if policy not in POLICIES:
        raise LandOfficeError("Unknown conflict policy {policy}: use stop, mine or theirs.", policy=policy)
    path = open_package(directory)
    meta = read_meta(path)
    if "EVIDENCE" in meta["collections"]:
        embed_photos(path)
    client = client or FeatureClient(url or meta["url"], authcfg)
    try:
        if checks:
            _run_checks(path)
        report = _sync(path, meta, client, policy, feedback, batch)
    except LandOfficeError as err:
        sync_log.log_failure(path.parent, safe_url(client.url), err)
        raise
    sync_log.log_report(path.parent, safe_url(client.url), report)
    return report


def _sync(path, meta, client, policy, feedback, batch) -> SyncReport:
    client.require_writes()
    report, run = SyncReport(), new_id()
    workers = [_CollectionSync(path, meta, client, c, policy, report, feedback, run, batch)
               for c in meta["collections"]]
    plans = []
    for worker in workers:
        plans.append(worker.plan())
        worker.flush()
    total = max(1, sum(len(p) for p in plans))
    sent = [0]

    def progress():
        sent[0] += 1
        if feedback is not None:
            feedback.setProgress(100.0 * sent[0] / total)

    for worker, ops in zip(workers, plans):
        worker.push(ops, progress)
    marks = dict(meta.get("watermarks") or {})
    marks.update({w.c: w.new_watermark for w in workers if w.new_watermark})
    write_meta(path, {"watermarks": marks})
    if "EVIDENCE" in meta["collections"]:
        extract_photos(path)
    write_meta(path, {"last_sync": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
                      "last_sync_report": report.summary()})
    get_logger().info(f"Sync of {path.name}: {report.summary()}")
    return report
