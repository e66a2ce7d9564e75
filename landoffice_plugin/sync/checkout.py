"""Checkout: copy the server's features of an area into a new field package."""
from __future__ import annotations

import datetime as _dt
import functools

from ..core.errors import LandOfficeError
from .area import TOMBSTONES, read_area, resolve_area, watermark
from .client import FeatureClient, ServerError, safe_url
from .package import BASE_PREFIX, FORMAT, create_package, write_features, write_meta

DEFAULT_COLLECTIONS = ("DLTB", "ZD", "EVIDENCE")
POINT_COLLECTIONS = {"EVIDENCE"}
EPSG = 4549


def is_multi(collection: str) -> bool:
    return collection not in POINT_COLLECTIONS


def _explained(run):
    """A checkout that fails on the network says so in its own words: the sync's "nothing is lost …
    sync again" does not fit a checkout, which writes nothing until it has read everything."""
    @functools.wraps(run)
    def checkout_explained(url, *args, **kwargs):
        try:
            return run(url, *args, **kwargs)
        except ServerError as err:
            raise LandOfficeError("The checkout stopped: the data centre did not answer properly ({detail}). "
                                  "No field package was written and nothing changed on the data centre: check "
                                  "the network connection or ask the data centre's administrator, then check "
                                  "out again.", detail=err.detail) from err
    return checkout_explained


@_explained
def checkout(url: str, area: str, output_dir, collections=DEFAULT_COLLECTIONS, authcfg: str | None = None,
             epsg: int = EPSG, client: FeatureClient | None = None, feedback=None) -> dict:
    """Create ``output_dir/fieldwork.gpkg`` with the area's features; returns counts per collection."""
    client = client or FeatureClient(url, authcfg)
    conformance = client.conformance()
    available = client.collections()
    missing = [c for c in collections if c not in available]
    if missing:
        raise LandOfficeError("The data centre has no collection {missing} (it has: {available}): choose the "
                              "collections to check out among these.", missing=", ".join(missing),
                              available=", ".join(sorted(available)))
    resolved = resolve_area(client, area, epsg, conformance)
    layers, data, marks = {}, {}, {}
    for index, collection in enumerate(collections):
        if feedback is not None:
            if feedback.isCanceled():
                raise LandOfficeError("The checkout was cancelled; nothing was written: run it again.")
            feedback.setProgress(100.0 * index / len(collections))
        schema = client.schema(collection)
        schema = {k: v for k, v in schema.items() if k not in ("id", "version", "updated_at")}
        layers[collection] = ("Point" if not is_multi(collection) else "MultiPolygon", schema)
        data[collection] = read_area(client, collection, resolved, epsg, is_multi(collection))
        marks[collection] = watermark(client.first_timestamp)
    path = create_package(output_dir, layers, epsg)
    for collection, features in data.items():
        items = list(features.values())
        write_features(path, collection, items)
        write_features(path, BASE_PREFIX + collection, items)
    write_meta(path, {
        "format": FORMAT, "url": safe_url(client.url), "collections": list(collections), "area": resolved,
        "area_input": area if isinstance(area, str) else ",".join(map(str, resolved["bbox"])),
        "epsg": epsg, "server_conformance": conformance,
        "writable": client.supports_writes(conformance),
        "incremental": TOMBSTONES in available, "watermarks": marks,
        "checked_out_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "server_versions": {c: max((f.version or 0 for f in d.values()), default=0) for c, d in data.items()},
    })
    if "EVIDENCE" in collections:
        from .photos import extract_photos

        extract_photos(path)
    if feedback is not None:
        feedback.setProgress(100.0)
    return {c: len(d) for c, d in data.items()}
