"""A pull that cannot miss: the area's (id, version) listing compared with the base copy.

1. List the area: ids and versions only — from the LandOffice data centre's one-query
   ``/collections/{c}/versions`` endpoint, or on any other server the item listing with
   ``properties=version``, ``skipGeometry``, sorted by id so the pages cannot shift under a
   concurrent write.
2. Fetch what differs from the base: new ids and ids whose version moved. Many → one full read
   of the area; few → single GETs, a few at a time.
3. Ids of the base that are no longer listed are read one by one: a feature that is still
   there left the area (moved, or re-assigned to another township); a 404 is a deletion only
   when the data centre's tombstone says so. A 404 without a tombstone, a 5xx or a timeout is
   a transient failure: the sync stops and keeps everything (pygeoapi answers 404 for every
   item while its database is down).

No time watermark: a slow transaction that commits after the listing is simply seen by the
next sync, because its version differs from the base then.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..core.errors import LandOfficeError
from ..i18n import tr_noop
from .area import TOWNSHIP_FIELDS, area_boxes, area_params, in_area, read_area
from .client import ServerError
from .features import from_geojson

PARALLEL = 4
FULL_READ_SHARE = 0.25  # fetch the whole area when more than this share of it changed
FULL_READ_MIN = 200


class DeletionUnproven(LandOfficeError):
    """A feature answered 404 but the data centre has no record of deleting it."""


@dataclass
class Pulled:
    theirs: dict = field(default_factory=dict)  # id → Feature: the server's state where it differs from the base
    outside: set = field(default_factory=set)  # ids still on the server but no longer in the area
    tombstones: dict = field(default_factory=dict)  # id → last version of features deleted on proof
    fetched: int = 0


def _gets(client, collection, ids, epsg):
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        return dict(zip(ids, pool.map(lambda fid: client.get(collection, fid, epsg=epsg), ids)))


BATCH = 40  # ids per CQL2 ``id IN (…)`` request (the URL stays under gunicorn's 4 KB request line)


def _fetch(client, collection, ids, epsg, multi, cql: bool) -> dict:
    """id → GeoJSON item (None when the server did not return it) of ``ids``: batches of 100 by a
    CQL2 ``id IN (…)`` filter when the server has CQL2 text, else one GET each, a few at a time."""
    if not cql or len(ids) < 8:
        return _gets(client, collection, ids, epsg)
    batches = [ids[start:start + BATCH] for start in range(0, len(ids), BATCH)]

    def one(batch):
        listed = ",".join("'" + fid.replace("'", "''") + "'" for fid in batch)
        params = {"filter": f"id IN ({listed})", "filter-lang": "cql2-text"}
        try:
            return list(client.items(collection, epsg=epsg, limit=len(batch) + 10, params=params))
        except ServerError as err:
            if err.status != 414 or len(batch) == 1:
                raise
            half = len(batch) // 2  # the server's request line is shorter than ours: split
            return one(batch[:half]) + one(batch[half:])

    found = {}
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        for items in pool.map(one, batches):
            found.update({str(item["id"]): item for item in items})
    return {fid: found.get(fid) for fid in ids}


def prove_deleted(client, collection: str, fids, has_tombstones: bool) -> dict:
    """fid → last version (or None) for features the server answered 404 for; raises when unproven."""
    if not fids:
        return {}
    if not has_tombstones:
        # Another OGC API server keeps no tombstones: a successful listing without the feature and a
        # 404 on the feature itself are the best proof it can give.
        return {fid: None for fid in fids}
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        stones = dict(zip(fids, pool.map(lambda fid: client.tombstone(collection, fid), fids)))
    unproven = [fid for fid, stone in stones.items() if stone is None]
    if unproven:
        raise DeletionUnproven(tr_noop(
            "The data centre answered that {count} features of {collection} do not exist (for example {fid}) but "
            "has no record of deleting them: it is probably failing (its database may be down). Nothing was "
            "changed on this laptop and nothing is lost: sync again later, or tell the data centre's "
            "administrator."), count=len(unproven), collection=collection, fid=unproven[0])
    return {fid: (int(stone["version"]) if stone.get("version") is not None else None)
            for fid, stone in stones.items()}


def _listed(client, collection: str, area: dict, epsg: int) -> dict:
    """id → {"version": …} of the area: the data centre's one-query versions endpoint when it has one,
    else the standard item listing with only ``version`` (and the township field) and no geometry."""
    township_field = TOWNSHIP_FIELDS.get(collection)
    township = area.get("township") if township_field else None
    out: dict = {}
    for box in area_boxes(collection, area):  # one box, or the boxes around the field tasks
        found = client.versions(collection, bbox=box, township=township)
        if found is not None:
            out.update({fid: {"version": version} for fid, version in found.items()})
            continue
        props = ("version",) + ((township_field,) if township else ())
        listed = client.listing(collection, epsg=epsg, bbox=box, properties=props,
                                params={"sortby": "id", **area_params(collection, area)})
        out.update({fid: p for fid, p in listed.items() if in_area(collection, p, area)})
    return out


def pull(client, collection: str, area: dict, epsg: int, multi: bool, base_versions: dict, has_tombstones: bool,
         extra_ids=(), cql: bool = False) -> Pulled:
    """What the server holds for ``area`` that differs from the base (``base_versions``: id → version).

    ``extra_ids``: ids to look at although they are neither listed nor in the base (new local
    features whose create may have landed). ``cql``: the server filters by CQL2 text.
    """
    listed = _listed(client, collection, area, epsg)
    out = Pulled()
    differing = [fid for fid, p in listed.items() if fid not in base_versions or base_versions[fid] != p.get("version")]
    missing = [fid for fid in base_versions if fid not in listed]
    missing += [fid for fid in extra_ids if fid not in listed and fid not in base_versions]
    if len(differing) > max(FULL_READ_MIN, FULL_READ_SHARE * len(listed)):
        full = read_area(client, collection, area, epsg, multi)
        fetched = {fid: full.get(fid) for fid in differing}
        missing += [fid for fid, f in fetched.items() if f is None]
        out.theirs.update({fid: f for fid, f in fetched.items() if f is not None})
    else:
        for fid, item in _fetch(client, collection, differing, epsg, multi, cql).items():
            if item is None:
                missing.append(fid)
            else:
                out.theirs[fid] = from_geojson(item, multi)
    out.fetched = len(differing)
    gone, unseen = [], []
    for fid, item in _fetch(client, collection, missing, epsg, multi, cql).items():
        if item is None:
            if fid in base_versions or fid in listed:
                gone.append(fid)
            else:
                unseen.append(fid)  # a journalled create: never landed, or landed and deleted since
        else:
            out.theirs[fid] = from_geojson(item, multi)
            if fid not in listed:
                out.outside.add(fid)
    out.tombstones = prove_deleted(client, collection, gone, has_tombstones)
    if unseen and has_tombstones:
        with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
            stones = dict(zip(unseen, pool.map(lambda fid: client.tombstone(collection, fid), unseen)))
        out.tombstones.update({fid: (int(stone["version"]) if stone.get("version") is not None else None)
                               for fid, stone in stones.items() if stone is not None})
    return out
