"""Sending writes: each one once, a few at a time, and what happened learnt from the server itself.

A write's answer can be lost (crash, timeout, dropped connection) and a stock pygeoapi turns
every database error — a version conflict, a value too long, the database being down — into
a 500. So after anything but a clear success or a clear refusal (4xx) the feature is read
again, and the server's state decides:

* it holds exactly what we sent (content hash) at the version we sent → **done**;
* its version moved → **rejected**: someone else wrote first; merged again by the caller;
* it is unchanged and the collection reads fine → sent once more; unchanged again → **refused**
  (the server will not take these values; the reason goes to the conflict table), and every
  other edit still goes;
* it is gone: deleted only when the tombstone says so; otherwise, like a collection that
  cannot be read, a 5xx or a timeout, the failure is **transient** — the sync stops, keeps
  everything, and the next one resolves the journalled writes.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ..core.errors import LandOfficeError
from .client import ServerError, _reason
from .features import Feature, from_geojson, to_geojson
from .journal import DONE, REFUSED, REJECTED, content_hash
from .pull import prove_deleted

CREATE, UPDATE, DELETE = "create", "update", "delete"
PARALLEL_WRITES = 8
TRANSIENT = "transient"


@dataclass
class Op:
    kind: str
    fid: str
    feature: Feature | None  # what is sent (None for a delete)
    expected: int | None  # the version the server must end up with (create/update) or hold (delete)
    base: Feature | None = None  # the merge base the op was planned on
    mine: Feature | None = None  # the working copy it came from
    attempts: int = 0
    reason: str = ""  # why (the overrides' reasons): the data centre's history keeps it

    def body(self) -> dict | None:
        """What is sent: a create in full; an update with only the properties that differ from the server
        state it was planned on (a PUT keeps the properties it leaves out), so a field nobody touched is
        never rewritten — not even an empty text turned into NULL. The geometry always goes (required)."""
        if self.feature is None:
            return None
        body = to_geojson(self.feature, self.expected)
        if self.kind == UPDATE and self.base is not None:
            before = self.base.props
            changed = {k: v for k, v in self.feature.props.items() if k not in before or before[k] != v}
            changed.update({k: None for k in before if k not in self.feature.props})
            body["properties"] = {**{k: v for k, v in body["properties"].items() if k in changed},
                                  "version": self.expected}
        return body


@dataclass
class Outcome:
    op: Op
    state: str
    server: Feature | None = None  # rejected: the server's feature now (None = deleted on proof)
    reason: str = ""
    error: Exception | None = None
    merge_base: Feature | None = None  # rejected create: what landed (our own create is the base)


def precheck(op: Op, schema: dict) -> str:
    """Why the server's published schema would refuse ``op`` (empty when it would not)."""
    if op.feature is None:
        return ""
    problems = []
    for name, value in op.feature.props.items():
        spec = schema.get(name)
        if spec is None or value is None:
            continue
        kind, limit = spec.get("type"), spec.get("maxLength")
        if kind == "string" and limit is not None and len(str(value)) > int(limit):
            problems.append(f"{name}: {len(str(value))} > {int(limit)}")
        elif kind == "integer" and not (isinstance(value, int) or (isinstance(value, float) and value.is_integer())):
            problems.append(f"{name}: {value!r} is not an integer")
        elif kind == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
            problems.append(f"{name}: {value!r} is not a number")
    return "; ".join(problems)


class Sender:
    """Sends the writes of one collection."""

    def __init__(self, client, collection: str, epsg: int, multi: bool, has_tombstones: bool):
        self.client, self.c, self.epsg, self.multi = client, collection, epsg, multi
        self.has_tombstones = has_tombstones

    _pool: ThreadPoolExecutor | None = None

    def send_all(self, ops: list[Op]) -> list[Outcome]:
        """Send ``ops`` at the same time (one pool for the whole push: starting threads costs)."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=PARALLEL_WRITES, thread_name_prefix="landoffice-sync")
        return list(self._pool.map(self._safe_send, ops))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _safe_send(self, op: Op) -> Outcome:
        try:
            return self.send(op)
        except (ServerError, LandOfficeError) as err:
            return Outcome(op, TRANSIENT, error=err)

    def send(self, op: Op) -> Outcome:
        if op.kind == DELETE:
            return self._delete(op)
        sent = op.body()
        for _attempt in range(2):
            try:
                response = (self.client.post if op.kind == CREATE else self.client.replace)(self.c, sent,
                                                                                      reason=op.reason)
                status, text = response.status_code, response.text
            except ServerError as err:
                if err.status in (401, 403):
                    raise
                status, text = None, err.detail
            if status in (200, 201, 204):
                return Outcome(op, DONE)
            if status is not None and 400 <= status < 500:
                return Outcome(op, REFUSED, reason=f"HTTP {status}: {_reason(response) or _short(text)}")
            outcome = self._after_failure(op, status, text)
            if outcome is not None:
                return outcome
        return Outcome(op, REFUSED, reason=f"HTTP {status}: {_short(text)} — the data centre's log has the reason; "
                                           "check this feature's values (lengths, types)")

    def _after_failure(self, op: Op, status, text) -> Outcome | None:
        """Read the feature after a failed write: done, rejected, transient — or None: try once more."""
        item = self.client.get(self.c, op.fid, epsg=self.epsg)
        if item is None:
            if op.kind == CREATE:
                if not self.client.healthy(self.c):
                    raise ServerError(f"POST {self.c}/{op.fid}: HTTP {status}; the collection cannot be read", status)
                return None
            proven = prove_deleted(self.client, self.c, [op.fid], self.has_tombstones)
            return Outcome(op, REJECTED, server=None, reason=f"deleted on the server (version {proven[op.fid]})")
        now = from_geojson(item, self.multi)
        if now.version == op.expected and content_hash(now) == content_hash(op.feature):
            return Outcome(op, DONE)
        if op.kind == CREATE:  # our create landed and somebody changed it since: merge on what we sent
            return Outcome(op, REJECTED, server=now, merge_base=Feature(op.fid, op.expected, dict(op.feature.props),
                                                                      op.feature.geom))
        if now.version != (op.expected or 1) - 1:
            return Outcome(op, REJECTED, server=now)
        if not self.client.healthy(self.c):
            raise ServerError(f"PUT {self.c}/{op.fid}: HTTP {status}; the collection cannot be read", status)
        return None

    def _delete(self, op: Op) -> Outcome:
        """DELETE only the version the decision was made on.

        The DELETE carries that version (:data:`.client.EXPECTED_VERSION`): the LandOffice data centre
        deletes ``WHERE id = … AND version = …`` in one statement and answers 409 Conflict when another
        laptop's write landed in between — then the feature is read again and merged (edit against
        delete: a conflict), never deleted. A stock OGC API server has no such guard (no If-Match in
        pygeoapi): the feature is read right before the DELETE, and a write that lands in the narrow
        window between that read and the DELETE is deleted with it.
        """
        item = self.client.get(self.c, op.fid, epsg=self.epsg)
        if item is None:
            prove_deleted(self.client, self.c, [op.fid], self.has_tombstones)
            return Outcome(op, DONE)  # already deleted: the result we wanted
        now = from_geojson(item, self.multi)
        if op.expected is not None and now.version != op.expected:
            return Outcome(op, REJECTED, server=now)
        try:
            response = self.client.remove(self.c, op.fid, reason=op.reason, expected=op.expected)
            status, text = response.status_code, response.text
        except ServerError as err:
            if err.status in (401, 403):
                raise
            status, text = None, err.detail
        if status in (200, 204):
            return Outcome(op, DONE)
        if status is not None and 400 <= status < 500 and status not in (404, 409):
            return Outcome(op, REFUSED, reason=f"HTTP {status}: {_reason(response) or _short(text)}")
        item = self.client.get(self.c, op.fid, epsg=self.epsg)
        if item is None:
            prove_deleted(self.client, self.c, [op.fid], self.has_tombstones)
            return Outcome(op, DONE)
        now = from_geojson(item, self.multi)
        if now.version != op.expected:
            return Outcome(op, REJECTED, server=now, reason=_reason(response) if status == 409 else "")
        if not self.client.healthy(self.c):
            raise ServerError(f"DELETE {self.c}/{op.fid}: HTTP {status}; the collection cannot be read", status)
        return Outcome(op, REFUSED, reason=f"HTTP {status}: {_short(text)}")


def _short(text) -> str:
    text = " ".join(str(text or "").split())
    if text.lower().startswith("<!doctype") or text.lower().startswith("<html"):
        return "internal server error"
    return text[:300]
