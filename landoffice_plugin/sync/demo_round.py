"""A field-work round for the demo (``make demo``): edits on the laptop, edits by another laptop, one sync.

``python -m landoffice_plugin.sync.demo_round PACKAGE_DIR [GATEWAY_URL]`` changes a few features of
the package the way a field worker does (a note, one feature drawn new), then a second laptop — a
second checkout of the same area in a temporary folder, synced over the same REST endpoints —
changes other features. The sync that follows must send the first laptop's edits and receive the
second's; the script prints both reports and exits 1 when anything is missing, so the demo never
reports a sync that sent nothing.

With ``GATEWAY_URL`` (the data centre behind ``accounts.example.toml``) the laptops log in: this
one as 澄湖镇's office (``chenghu``, township 320299101), the other as the county (``county``). This
laptop also re-assigns one patch to 璜塘镇 (320299102), which its account may not do: that write is
refused with the reason and kept on the laptop. Then the history (留痕) of an edited patch is listed.
The demo passwords are the example file's; a real office uses a QGIS authentication configuration.
"""
from __future__ import annotations

import datetime as _dt
import sys
import tempfile
from pathlib import Path

import shapely

from .checkout import checkout
from .features import Feature, new_id
from .package import open_package, read_layer, read_meta, write_features
from .sync import sync_package

EDITS, REMOTE = 5, 3


def _edit(path, ids, note) -> list[str]:
    layer = read_layer(path, "DLTB")
    changed = []
    for fid in ids:
        feature = layer[fid]
        feature.props["BZ"] = note
        changed.append(feature)
    write_features(path, "DLTB", changed)
    return [f.id for f in changed]


def _client(url, login):
    import requests

    from .client import FeatureClient

    session = requests.Session()
    session.auth = login
    return FeatureClient(url, session=session)


def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    path = open_package(argv[0])
    gateway = argv[1] if len(argv) > 1 else None
    ours = _client(gateway, ("chenghu", "chenghu-2026")) if gateway else None
    county = _client(gateway, ("county", "county-2026")) if gateway else None
    meta = read_meta(path)
    ids = sorted(read_layer(path, "DLTB"))
    mine, theirs = ids[:EDITS], ids[EDITS:EDITS + REMOTE]
    stamp = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    _edit(path, mine, f"外业核查：现场已核实（{stamp}）")
    moved = ids[EDITS + REMOTE]
    if gateway:
        layer = read_layer(path, "DLTB", [moved])
        layer[moved].props["ZLDWDM"] = "320299102" + str(layer[moved].props.get("ZLDWDM") or "")[9:]
        write_features(path, "DLTB", [layer[moved]])
    x0, y0, x1, y1 = meta["area"]["bbox"]
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    drawn = Feature(new_id(), None, {"DLBM": "0101", "DLMC": "水田", "ZLDWDM": meta["area"].get("township") or "",
                                     "BZ": "外业新增图斑"},
                    shapely.to_wkb(shapely.MultiPolygon([shapely.box(cx, cy, cx + 12, cy + 12)]), byte_order=1))
    write_features(path, "DLTB", [drawn])
    with tempfile.TemporaryDirectory() as other:
        checkout(gateway or meta["url"], meta["area_input"], Path(other) / "laptop2", collections=["DLTB"],
                 client=county)
        _edit(Path(other) / "laptop2" / "fieldwork.gpkg", theirs, f"另一台笔记本的修改（{stamp}）")
        second = sync_package(Path(other) / "laptop2", checks=False, client=county)
    print(f"second laptop: {second.summary()}")
    report = sync_package(path.parent, checks=False, client=ours)
    print(f"this laptop:   {report.summary()}")
    ok = report.updated == EDITS and report.created == 1 and report.pulled >= REMOTE and second.updated == REMOTE
    if gateway:
        for refused in report.refused:
            print(f"refused, kept on this laptop: {refused['fid'][:8]}: {refused['reason']}")
        ok = ok and [r["fid"] for r in report.refused] == [moved]
        from .history import read_history

        for row in read_history(ours, "DLTB", mine[0]):
            print(f"history {mine[0][:8]}: {row['changed_at']} {row['op_zh']} v{row['version']} "
                  f"{row['account']} [{row['changed_fields']}] {row['reason']}")
    for client in (ours, county):
        if client is not None:
            client.close()
    if not ok:
        print("the field-work round did not send and receive what it should", file=sys.stderr)
        return 1
    print(f"sent {report.updated} edits and 1 new patch, received {report.pulled} changes from the other laptop")
    return 0


if __name__ == "__main__":
    from ..headless import start_qgis

    start_qgis()
    sys.exit(main())
