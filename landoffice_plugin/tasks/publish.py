"""Tasks to the data centre (RWTB) and back: publish once per problem, read the progress.

``publish`` lists the source keys (``LYBS``) the data centre holds already and sends only the new
tasks, 8 at a time, each a POST with the id derived from its key. A POST whose answer is lost or
that fails is settled by reading that id back: there → published, absent → failed (reported, never
silently dropped; publishing again sends just those).
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..core.errors import LandOfficeError
from ..sync.client import ServerError
from ..sync.features import wkb_to_geojson
from .model import COLLECTION, STATUSES

PARALLEL = 8


@dataclass
class Published:
    created: list = field(default_factory=list)  # task numbers
    existing: int = 0  # already at the data centre (same source key)
    failed: list = field(default_factory=list)  # (task number, reason)


def _require(client) -> None:
    if COLLECTION not in client.collections():
        raise LandOfficeError("The data centre at {url} has no field-task collection RWTB: ask its administrator to "
                              "add it (see .ci/datacentre/schema.sql), or write the tasks to a file only.",
                              url=client.url)


def server_keys(client, epsg: int = 4549) -> set:
    params = {"properties": "LYBS", "skipGeometry": "true"}
    return {str((item.get("properties") or {}).get("LYBS") or "")
            for item in client.items(COLLECTION, epsg=epsg, params=params, limit=5000)}


def publish(client, tasks, reason: str = "LandOffice field tasks", epsg: int = 4549) -> Published:
    """Send the tasks the data centre does not hold yet."""
    _require(client)
    known = server_keys(client, epsg)
    out = Published()
    new = [t for t in tasks if t.key[:254] not in known]
    out.existing = len(tasks) - len(new)

    def one(task):
        body = {"type": "Feature", "id": task.id, "geometry": wkb_to_geojson(task.geom),
                "properties": {**task.properties(), "version": 1}}
        try:
            response = client.post(COLLECTION, body, reason=reason)
            if response.status_code in (200, 201, 204):
                return task, ""
            detail = f"HTTP {response.status_code}"
        except ServerError as err:
            detail = err.detail
        try:
            if client.get(COLLECTION, task.id, epsg=epsg) is not None:
                return task, ""  # it landed; the answer was lost
        except ServerError as err:
            detail = f"{detail}; {err.detail}"
        return task, detail

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        for task, problem in pool.map(one, new):
            if problem:
                out.failed.append((task.number, problem))
            else:
                out.created.append(task.number)
    return out


def read_tasks(client, township: str | None = None, epsg: int = 4549) -> list[dict]:
    """The data centre's tasks (properties with ``id``), of one township or all."""
    _require(client)
    params = {"skipGeometry": "true"}
    if township:
        params.update({"filter": f"XZDM = '{township}'", "filter-lang": "cql2-text"})
    rows = []
    for item in client.items(COLLECTION, epsg=epsg, params=params, limit=5000):
        props = dict(item.get("properties") or {})
        props["id"] = str(item.get("id"))
        if township and props.get("XZDM") != township:
            continue
        rows.append(props)
    return rows


def check_statuses(rows) -> list:
    """Rows whose status is not one of 待核查 / 已核查 / 已整改 (shown, never counted as done)."""
    return [r for r in rows if r.get("ZT") not in STATUSES]
