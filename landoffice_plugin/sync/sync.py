"""pull → merge → push, safe to run again after a crash, a kill or an outage at any point.

Why nothing is lost, duplicated or overwritten without a conflict:

* local edits are the difference between the working layer and the base copy (:mod:`.changes`);
  the base only moves forward for what the server confirmed, so an unconfirmed edit is found again;
* the pull compares the area's (id, version) listing with the base (:mod:`.pull`): it cannot miss
  a slow transaction, and it sees features that left the area; a feature is deleted on the laptop
  only when the data centre's tombstone says so;
* every write is journalled with what it sends right before it leaves (:mod:`.journal`); a write
  whose answer was lost is adopted only when the server holds exactly what we sent — never
  because a version number matches, so another laptop's write is merged, not mistaken for ours;
* updates send ``version = base + 1``; the server's trigger rejects anything else, after which the
  feature is merged again with what is there now; a value the server refuses marks that feature
  (conflict table, ``sync.log``) and every other edit still goes (:mod:`.push`);
* what the sync writes back into the working layer is written only over rows that are still what
  the sync read; an edit saved in QGIS meanwhile is merged or left for the next sync; the working
  layer, the base copy and the journal outcomes of one write-back are ONE transaction of the package
  (:class:`.package.PackageWriter`): a crash between them leaves the package as it was before;
* one sync per package at a time (:mod:`.lock`).

After a sync the base is the server state the working copy agrees with.
"""
from __future__ import annotations

import datetime as _dt
import time
from dataclasses import dataclass, field, replace

from ..core.errors import LandOfficeError
from ..log import get_logger
from . import journal, sync_log
from .area import CQL2_TEXT
from .changes import CREATE, DELETE, UPDATE, detect_changed, diff
from .checkout import is_multi
from .client import TOMBSTONES, FeatureClient, ServerError, safe_url
from .features import Feature, new_id
from .lock import package_lock
from .merge import POLICIES, STOP, merge_feature
from .package import (
    BASE_PREFIX,
    PackageWriter,
    connect,
    ensure_id_indexes,
    open_package,
    read_layer,
    read_meta,
    versions,
    write_meta,
)
from .photos import embed_photos, extract_photos
from .pull import pull
from .push import TRANSIENT, Op, Sender, precheck

MAX_REMERGES = 3
PARALLEL_GROUP = 8  # writes journalled together and then sent at the same time
FLUSH_EVERY = 400  # writes between two write-backs to the package (a crash re-resolves at most these)


@dataclass
class SyncReport:
    pulled: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    merged: int = 0
    rejected: int = 0
    adopted: int = 0
    left_area: int = 0
    kept_for_next: int = 0
    conflicts: list = field(default_factory=list)
    refused: list = field(default_factory=list)
    discarded: list = field(default_factory=list)

    def summary(self) -> dict:
        return {"pulled": self.pulled, "created": self.created, "updated": self.updated, "deleted": self.deleted,
                "merged": self.merged, "rejected": self.rejected, "adopted": self.adopted,
                "left_area": self.left_area, "kept_for_next": self.kept_for_next,
                "conflicts": len(self.conflicts), "refused": len(self.refused), "discarded": len(self.discarded)}


class _CollectionSync:
    def __init__(self, path, meta, client, collection, policy, report, feedback, run, schema):
        self.path, self.meta, self.client, self.c = path, meta, client, collection
        self.policy, self.report, self.feedback, self.run = policy, report, feedback, run
        self.epsg, self.multi = int(meta.get("epsg", 4549)), is_multi(collection)
        self.has_tombstones = bool(meta.get("tombstones", meta.get("incremental")))
        self.schema = schema
        self.sender = Sender(client, collection, self.epsg, self.multi, self.has_tombstones)
        self.working: dict = {}
        self.tombstones: dict = {}
        self._conflicted: set = set()
        self._remerges: dict = {}
        self.reasons = _override_reasons(path, collection)
        self.default_reason = f"LandOffice field sync {run[:8]}"
        self._reset()

    def _reset(self):
        self.local = {"upsert": [], "delete": []}  # working layer (guarded by the rows read)
        self.base_changes = {"upsert": [], "delete": []}  # base copy
        self.outcomes: list = []  # (seq, state, reason) for the journal
        self.refusals: list = []  # (fid, reason, version)
        self.done_fids: list = []
        self.pure: set = set()  # pushed as read: the base follows the server even if the row changed since

    # -- plan -----------------------------------------------------------------------------------
    def plan(self) -> list[Op]:
        changes, snapshot, base_versions = detect_changed(self.path, self.c)
        self._check_base(base_versions)
        pending = journal.unfinished(self.path, self.c, self.multi)
        pulled = pull(self.client, self.c, self.meta["area"], self.epsg, self.multi, base_versions,
                      self.has_tombstones, extra_ids=[fid for fid in pending if fid not in base_versions],
                      cql=CQL2_TEXT in (self.meta.get("server_conformance") or []))
        self.tombstones = pulled.tombstones
        # only the features someone changed are read whole: locally changed, remotely changed, journalled
        involved = set(changes) | set(pulled.theirs) | set(pulled.tombstones) | set(pending)
        base = read_layer(self.path, BASE_PREFIX + self.c, involved)
        self.working = {**read_layer(self.path, self.c, involved - set(snapshot)), **snapshot}
        theirs = {fid: pulled.theirs.get(fid, None if fid in pulled.tombstones else base.get(fid))
                  for fid in involved}
        self._adopt(base, theirs, pending)
        changes = diff({k: v for k, v in self.working.items() if k in involved},
                       {k: v for k, v in base.items() if k in involved})
        decided = journal.decisions(self.path, self.c)
        ops = []
        for fid in sorted(involved):
            b, t, m, change = base.get(fid), theirs.get(fid), self.working.get(fid), changes.get(fid)
            theirs_changed = (t is not None) if b is None else (t is None or t.version != b.version)
            if change is None and fid in pulled.outside:
                self.report.left_area += 1  # moved or re-assigned out of the area: no longer ours to keep
                self.local["delete"].append(fid)
                self.base_changes["delete"].append(fid)
                continue
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
        self._clear_stale_conflicts(changes)
        return ops

    def _check_base(self, base_versions: dict) -> None:
        expected = (self.meta.get("base_counts") or {}).get(self.c)
        if not base_versions and expected:
            raise LandOfficeError("The base copy of {collection} in the field package is empty although it held "
                                  "{count} features: the package is damaged. Nothing was sent. Keep the folder "
                                  "and ask the data centre's administrator; do not check out over it.",
                                  collection=self.c, count=expected)

    def _adopt(self, base: dict, theirs: dict, pending: dict) -> None:
        """Writes of an interrupted sync: adopted only where the server holds exactly what we sent."""
        for fid, entry in pending.items():
            now = theirs.get(fid)
            if entry.op == CREATE and now is None and fid in self.tombstones and fid not in base \
                    and entry.sent is not None:
                base[fid] = entry.sent  # our create landed and was deleted since: merged as a remote delete
                self.base_changes["upsert"].append(base[fid])
                self.report.adopted += 1
                continue
            if entry.op == DELETE or now is None or entry.sent is None:
                continue
            if now.version == entry.version and journal.content_hash(now) == entry.hash:
                base[fid] = now
            elif entry.op == CREATE and fid not in base and (now.version or 0) >= (entry.version or 1):
                base[fid] = entry.sent  # our create landed (client UUID); what changed since is theirs
            else:
                continue
            self.base_changes["upsert"].append(base[fid])
            mine = self.working.get(fid)
            if mine is not None and mine.version != base[fid].version and mine.values() == base[fid].values():
                self.local["upsert"].append(base[fid])  # the working row is what landed: it follows the version
            self.report.adopted += 1
        # settled in the journal only with the base write that adopts them (flush), not before
        self.outcomes += [(entry.seq, journal.RESOLVED, None) for entry in pending.values()]

    def _clear_stale_conflicts(self, changes: dict) -> None:
        with connect(self.path) as db:
            rows = db.execute("SELECT DISTINCT fid, field FROM lo_conflicts WHERE collection = ?",
                              (self.c,)).fetchall()
        stale = {fid for fid, name in rows if name != journal.REFUSED_FIELD and fid not in self._conflicted}
        unrefused = {fid for fid, name in rows if name == journal.REFUSED_FIELD and fid not in changes}
        journal.clear_conflicts(self.path, self.c, stale, keep_refusals=True)
        with connect(self.path) as db:
            journal.clear_refusals(db, self.c, unrefused)

    def _take_theirs(self, fid: str, t: Feature | None) -> None:
        if t is None:
            # a delete is the feature's last state: drop an earlier upsert of it (an adopted create), since
            # write_features deletes before it upserts
            for changes in (self.local, self.base_changes):
                changes["upsert"] = [f for f in changes["upsert"] if f.id != fid]
            self.local["delete"].append(fid)
            self.base_changes["delete"].append(fid)
        else:
            self.local["upsert"].append(t)
            self.base_changes["upsert"].append(t)

    def _op_for_mine(self, change) -> Op:
        if change.kind == CREATE:
            return Op(CREATE, change.id, change.mine, self._create_version(change.id), None, change.mine)
        if change.kind == UPDATE:
            return Op(UPDATE, change.id, change.mine, (change.base.version or 0) + 1, change.base, change.mine)
        return Op(DELETE, change.id, None, change.base.version, change.base, None)

    def _create_version(self, fid: str, base: Feature | None = None) -> int:
        """A create continues from the tombstone's version (the server does so too)."""
        last = self.tombstones.get(fid)
        if last is None and base is not None:
            last = base.version
        return (last or 0) + 1

    def _merge(self, fid, b, m, t, choices) -> Op | None:
        result = merge_feature(b, m, t, choices, self.policy)
        if result.discarded:
            rows = [(self.c, fid, *row) for row in result.discarded]
            journal.save_discarded(self.path, self.run, rows)
            self.report.discarded += [{"collection": self.c, "fid": fid, "field": row[0], "kept": row[1],
                                       "discarded": row[3]} for row in result.discarded]
        if result.conflicts:
            self._conflicted.add(fid)
            journal.save_conflicts(self.path, self.c, fid, result.conflicts, t.version if t else None)
            self.report.conflicts += [{"collection": self.c, "fid": fid, "field": x.field} for x in result.conflicts]
            return None
        self.report.merged += 1
        r = result.result
        if r is None:
            if t is not None:
                return Op(DELETE, fid, None, t.version, t, None)
            self._take_theirs(fid, None)
            return None
        if t is None:
            return Op(CREATE, fid, replace(r, version=None), self._create_version(fid, b), None, r)
        if r.values() != t.values():
            return Op(UPDATE, fid, replace(r, id=fid), (t.version or 0) + 1, t, r)
        self._take_theirs(fid, t)
        return None

    # -- push -----------------------------------------------------------------------------------
    def push(self, ops: list[Op], progress) -> None:
        queue = list(ops)
        since_flush = 0
        try:
            while queue:
                if self.feedback is not None and self.feedback.isCanceled():
                    raise LandOfficeError("The sync was cancelled; what was sent is kept and the rest will be "
                                          "sent by the next sync.")
                group, queue = queue[:PARALLEL_GROUP], queue[PARALLEL_GROUP:]
                for op in group:
                    op.reason = op.reason or self.reasons.get(op.fid, self.default_reason)
                ready = [op for op in group if not self._refused_before_sending(op)]
                seqs = journal.begin(self.path, self.run, [(self.c, op.fid, op.kind, op.expected, op.body(),
                                                            journal.content_hash(op.feature)) for op in ready])
                failure = None
                for seq, outcome in zip(seqs, self.sender.send_all(ready)):
                    if outcome.state == TRANSIENT:
                        failure = failure or outcome.error
                        continue  # stays "sending": the next sync resolves it from the server
                    follow = self._record(seq, outcome)
                    if follow is not None:
                        queue.append(follow)
                    progress()
                since_flush += len(group)
                if failure is not None:
                    raise failure
                if since_flush >= FLUSH_EVERY:
                    self.flush()
                    since_flush = 0
        finally:
            self.sender.close()
            self.flush()

    def _refused_before_sending(self, op: Op) -> bool:
        reason = precheck(op, self.schema)
        if reason:
            self.refusals.append((op.fid, f"{reason} (checked before sending)", op.expected))
            self.report.refused.append({"collection": self.c, "fid": op.fid, "reason": reason})
        return bool(reason)

    def _record(self, seq, outcome) -> Op | None:
        op = outcome.op
        if outcome.state == journal.DONE:
            self.outcomes.append((seq, journal.DONE, None))
            self.done_fids.append(op.fid)
            if op.kind == DELETE:
                self.local["delete"].append(op.fid)
                self.base_changes["delete"].append(op.fid)
                self.report.deleted += 1
            else:
                confirmed = replace(op.feature, version=op.expected)
                self.local["upsert"].append(confirmed)
                self.base_changes["upsert"].append(confirmed)
                read = self.working.get(op.fid)
                if read is not None and read.values() == confirmed.values():
                    self.pure.add(op.fid)  # the server now holds exactly the row we read
                self.report.created += op.kind == CREATE
                self.report.updated += op.kind == UPDATE
            return None
        if outcome.state == journal.REFUSED:
            self.outcomes.append((seq, journal.REFUSED, outcome.reason))
            self.refusals.append((op.fid, outcome.reason, op.expected))
            self.report.refused.append({"collection": self.c, "fid": op.fid, "reason": outcome.reason})
            return None
        # rejected: someone else wrote first (or deleted it): merge again with what is there now
        self.outcomes.append((seq, journal.REJECTED, outcome.reason or None))
        self.report.rejected += 1
        self._remerges[op.fid] = self._remerges.get(op.fid, 0) + 1
        if self._remerges[op.fid] > MAX_REMERGES:
            self.report.kept_for_next += 1
            return None
        base = outcome.merge_base if outcome.merge_base is not None else op.base
        if outcome.server is None and op.kind != CREATE:
            self.tombstones.setdefault(op.fid, op.expected)
        return self._merge(op.fid, base, op.mine, outcome.server, {})

    # -- write-back -----------------------------------------------------------------------------
    def flush(self) -> None:
        """Write what the server confirmed into the working layer (only over rows still as read), the base
        copy and the journal outcomes — in ONE transaction of the package: a crash between them cannot
        leave a working row ahead of its base or a journal row settled without its base write (the next
        sync simply resolves the still-``sending`` writes again)."""
        ups, dels = self.local["upsert"], self.local["delete"]
        cancelled: set = set()
        with PackageWriter(self.path) as writer:
            if ups or dels:
                expect = {fid: self.working.get(fid) for fid in [*dels, *(f.id for f in ups)]}
                skipped = writer.write(self.c, ups, dels, expect=expect)
                if skipped:
                    cancelled = self._edited_meanwhile(writer, skipped, {f.id: f for f in ups}) - self.pure
                for f in ups:
                    if f.id not in skipped:
                        self.working[f.id] = f
                for fid in dels:
                    if fid not in skipped:
                        self.working.pop(fid, None)
            base_ups = [f for f in self.base_changes["upsert"] if f.id not in cancelled]
            base_dels = [fid for fid in self.base_changes["delete"] if fid not in cancelled]
            if base_ups or base_dels:
                writer.write(BASE_PREFIX + self.c, base_ups, base_dels)
            journal.finish(writer, self.outcomes)
            for fid, reason, version in self.refusals:
                journal.save_refusal(writer, self.c, fid, reason, version)
            journal.clear_refusals(writer, self.c, self.done_fids)
        self._reset()

    def _edited_meanwhile(self, writer, skipped: set, intended: dict) -> set:
        """Rows the user saved while the sync ran: merge the sync's result into them where that is
        clean; otherwise leave the row and the base as they are (the next sync merges them)."""
        now = writer.read(self.c, skipped)
        merged, cancelled = [], set()
        for fid in skipped:
            snapshot, mine, wanted = self.working.get(fid), now.get(fid), intended.get(fid)
            if snapshot is None or mine is None or wanted is None:
                cancelled.add(fid)
                continue
            result = merge_feature(snapshot, mine, wanted, {}, STOP)
            if result.conflicts or result.result is None:
                cancelled.add(fid)
                continue
            merged.append(replace(result.result, id=fid, version=wanted.version))
        if merged:
            again = writer.write(self.c, merged, (), expect={f.id: now[f.id] for f in merged})
            cancelled |= again
            for f in merged:
                if f.id not in again:
                    self.working[f.id] = f
        self.report.kept_for_next += len(cancelled)
        return cancelled


def _override_reasons(path, collection: str) -> dict:
    """fid → the reasons of its accepted problems (they go to the data centre's history with the write)."""
    with connect(path) as db:
        rows = db.execute("SELECT fid, check_code, reason FROM lo_overrides WHERE collection = ? ORDER BY check_code",
                          (collection,)).fetchall()
    out: dict = {}
    for fid, code, reason in rows:
        out.setdefault(fid, []).append(f"{code}: {reason}")
    return {fid: "; ".join(parts) for fid, parts in out.items()}


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
                 client: FeatureClient | None = None, feedback=None, batch: int | None = None,
                 checks: bool = True, overrides=()) -> SyncReport:
    """Synchronise a field package with its data centre. ``policy``: stop | mine | theirs.

    With ``checks`` the 灭红灯 checks run first (:mod:`.checks`); a problem that is neither fixed
    nor overridden stops the sync before anything is sent. ``overrides``: (collection, fid, check
    code, reason) accepted problems, recorded before the checks run.
    """
    if policy not in POLICIES:
        raise LandOfficeError("Unknown conflict policy {policy}: use stop, mine or theirs.", policy=policy)
    path = open_package(directory)
    with package_lock(path):
        meta = read_meta(path)
        owned = client is None
        client = client or FeatureClient(url or meta["url"], authcfg)
        try:
            if "EVIDENCE" in meta["collections"]:
                embed_photos(path)
            if overrides:
                from .checks import add_override

                for collection, fid, code, reason in overrides:
                    add_override(path, collection, fid, code, reason)
            if checks:
                _run_checks(path)
            report = _sync(path, meta, client, policy, feedback)
        except LandOfficeError as err:
            sync_log.log_failure(path.parent, safe_url(client.url), err)
            raise
        finally:
            if owned:
                client.close()
        sync_log.log_report(path.parent, safe_url(client.url), report)
    return report


def _sync(path, meta, client, policy, feedback) -> SyncReport:
    started = time.perf_counter()
    client.require_writes()
    if "tombstones" not in meta:
        meta["tombstones"] = TOMBSTONES in client.collections()
    report, run = SyncReport(), new_id()
    ensure_id_indexes(path, [name for c in meta["collections"] for name in (c, BASE_PREFIX + c)])
    workers = []
    for c in meta["collections"]:
        schema = client.schema_details(c)
        workers.append(_CollectionSync(path, meta, client, c, policy, report, feedback, run, schema))
    plans = []
    for worker in workers:
        plans.append(worker.plan())
        worker.flush()
    total = max(1, sum(len(p) for p in plans))
    sent = [0]

    def progress():
        sent[0] += 1
        if feedback is not None:
            feedback.setProgress(min(100.0, 100.0 * sent[0] / total))

    for worker, ops in zip(workers, plans):
        worker.push(ops, progress)
    if "EVIDENCE" in meta["collections"]:
        extract_photos(path)
    counts = {c: len(versions(path, BASE_PREFIX + c)) for c in meta["collections"]}
    write_meta(path, {"last_sync": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
                      "last_sync_report": report.summary(), "base_counts": counts,
                      "tombstones": meta["tombstones"]})
    get_logger().info(f"Sync of {path.name}: {report.summary()} in {time.perf_counter() - started:.1f} s")
    return report


__all__ = ["SyncReport", "sync_package", "ServerError"]
