"""A field-work round for the demo (``make demo``): edits on the laptop, edits by another laptop, one sync.

``python -m landoffice_plugin.sync.demo_round PACKAGE_DIR`` changes a few features of the
package the way a field worker does (a note, a land-use code, one feature drawn new), then a
second laptop — a second checkout of the same area in a temporary folder, synced over the same
REST endpoints — changes other features. The sync that follows must send the first laptop's
edits and receive the second's; the script prints both reports and exits 1 when anything is
missing, so the demo never reports a sync that sent nothing.
"""
from __future__ import annotations

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


def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    path = open_package(argv[0])
    meta = read_meta(path)
    ids = sorted(read_layer(path, "DLTB"))
    mine, theirs = ids[:EDITS], ids[EDITS:EDITS + REMOTE]
    _edit(path, mine, "外业核查：现场已核实")
    x0, y0, x1, y1 = meta["area"]["bbox"]
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    drawn = Feature(new_id(), None, {"DLBM": "0101", "DLMC": "水田", "ZLDWDM": meta["area"].get("township") or "",
                                     "BZ": "外业新增图斑"},
                    shapely.to_wkb(shapely.MultiPolygon([shapely.box(cx, cy, cx + 12, cy + 12)]), byte_order=1))
    write_features(path, "DLTB", [drawn])
    with tempfile.TemporaryDirectory() as other:
        checkout(meta["url"], meta["area_input"], Path(other) / "laptop2", collections=["DLTB"])
        _edit(Path(other) / "laptop2" / "fieldwork.gpkg", theirs, "另一台笔记本的修改")
        second = sync_package(Path(other) / "laptop2", checks=False)
    print(f"second laptop: {second.summary()}")
    report = sync_package(path.parent, checks=False)
    print(f"this laptop:   {report.summary()}")
    ok = report.updated == EDITS and report.created == 1 and report.pulled >= REMOTE and second.updated == REMOTE
    if not ok:
        print("the field-work round did not send and receive what it should", file=sys.stderr)
        return 1
    print(f"sent {report.updated} edits and 1 new patch, received {report.pulled} changes from the other laptop")
    return 0


if __name__ == "__main__":
    from ..headless import start_qgis

    start_qgis()
    sys.exit(main())
