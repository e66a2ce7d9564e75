"""Entry point: :func:`generate_sample` builds the fictional county and writes it out.

Scales: ``small`` (3 townships, ≈ 5 000 DLTB patches, a few seconds; used by the tests) and
``county`` (10 townships, ≈ 250 000 patches, ≈ 100 000 parcels). Same seed → identical files.
``densify`` N > 0 puts extra vertices on every boundary until the DLTB patches have a mean of
N vertices, as digitised 三调 patches do (see densify.py; shared edges stay identical).
CRS EPSG:4549; county code 320299 (fictional, see names.py).
"""
from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from typing import Union

import numpy as np

from ..core.area import ellipsoidal_areas
from ..core.errors import LandOfficeError
from ..i18n import tr
from ..log import get_logger
from . import writer
from .admin import admin_polygons, build_admin
from .constraints import basic_farmland, development_boundary, ecological_red_line
from .construction import build_construction
from .densify import densify_patches
from .dialects import DIALECTS, EPSG_OF
from .dltb import dltb_table
from .geography import EPSG, SCALES, build_geography
from .homesteads import build_lots
from .landuse_mix import assign_landuse
from .names import COUNTY_CODE, COUNTY_NAME
from .parcels import parcel_tables
from .schema import ORDER, SANDIAO_LAYERS
from .supply import approvals, enterprises, supplies
from .tessellation import build_patches

# dBase stores every character of a field's width: keep the GBK shapefile's name fields modest
SHAPEFILE_WIDTHS = {"QSDWMC": 100, "ZLDWMC": 100, "DLMC": 40, "BZ": 50}
STREAMS = ("geography", "patches", "landuse", "admin", "dltb", "constraints", "lots", "parcels", "supply")


class _Steps:
    """Progress (0–100 over the whole run) and cancellation for an optional QgsProcessingFeedback."""

    def __init__(self, feedback):
        self.feedback = feedback

    def __call__(self, percent: float, message: str) -> None:
        if self.feedback is None:
            return
        if self.feedback.isCanceled():
            raise writer.Cancelled()
        self.feedback.setProgress(percent)
        self.feedback.pushInfo(message)


def build_tables(scale: str, seed: int, steps=None, densify: int = 0) -> tuple[dict, dict]:
    """All layer tables (role id → columns + ``geoms``) and the red-light lists.

    ``densify``: target mean vertices per DLTB patch (0: the tessellation's own vertices).
    """
    steps = steps or _Steps(None)
    if scale not in SCALES:
        raise LandOfficeError("Unknown sample scale '{scale}'. Use one of: {choices}.", scale=scale,
                              choices=", ".join(SCALES))
    rngs = dict(zip(STREAMS, (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(len(STREAMS)))))
    steps(1, tr("Laying out townships, villages, rivers and roads"))
    geo = build_geography(rngs["geography"], SCALES[scale])
    steps(4, tr("Building the land-use patch partition"))
    sparse = build_patches(rngs["patches"], geo)
    patches = densify_patches(sparse, densify)
    outline = None if patches is sparse else sparse  # buildings and lots are laid out on the sparse patches
    steps(14, tr("Assigning land use"))
    lu = assign_landuse(rngs["landuse"], geo, patches)
    admin = build_admin(rngs["admin"], geo)
    admin_polygons(admin, patches.geoms, patches.village)
    area = ellipsoidal_areas(patches.geoms, EPSG)
    dltb = dltb_table(rngs["dltb"], patches, lu, admin, area)
    dltb["geoms"] = patches.geoms
    t = {"DLTB": dltb}
    t["XZQ"] = {"geoms": admin.town_geom, "XZQDM": np.asarray(admin.town_code, dtype=object),
                "XZQMC": np.asarray(admin.town_name, dtype=object),
                "DCMJ": np.round(ellipsoidal_areas(admin.town_geom, EPSG), 2)}
    t["CJDCQ"] = {"geoms": admin.village_geom, "ZLDWDM": admin.zldwdm(np.arange(len(admin.village_code))),
                  "ZLDWMC": np.asarray(admin.village_name, dtype=object),
                  "XZQDM": np.asarray([admin.town_code[k] for k in admin.village_town], dtype=object),
                  "DCMJ": np.round(ellipsoidal_areas(admin.village_geom, EPSG), 2),
                  "CZFL": village_classes(admin)}
    steps(22, tr("Drawing planning constraints"))
    rc = rngs["constraints"]
    t["CZKFBJ"] = development_boundary(rc, geo, admin)
    t["YJJBNTTB"] = basic_farmland(rc, patches, lu, dltb, t["CZKFBJ"])
    t["STBHHX"] = ecological_red_line(patches, lu, geo)
    for name in ("CZKFBJ", "STBHHX"):
        t[name]["MJ"] = np.round(ellipsoidal_areas(t[name]["geoms"], EPSG), 2)
    steps(26, tr("Dividing homesteads into parcels and houses"))
    homestead = np.flatnonzero(lu.dlbm == "0702")
    street_angle = rngs["lots"].uniform(0, np.pi / 2, len(admin.village_code))
    angle = street_angle[patches.village[homestead]] + rngs["lots"].normal(0, 0.06, len(homestead))
    lots = build_lots(rngs["lots"], patches.geoms, homestead, angle, outline=getattr(outline, "geoms", None))
    cp = build_construction(rngs["lots"], patches, lu, outline=outline)
    steps(32, tr("Registering owners, households and buildings"))
    pt = parcel_tables(rngs["parcels"], admin, lots, patches.village[lots.patch], cp)
    t["ZD"], t["ZRZ"], t["HJ"] = pt["ZD"], pt["ZRZ"], pt["HJ"]
    steps(38, tr("Approvals, land supply and enterprises"))
    rs = rngs["supply"]
    t["PZYD"], members = approvals(rs, geo, patches, lu, admin)
    t["GYYD"] = supplies(rs, patches, lu, admin, t["PZYD"], members)
    t["GYQY"] = enterprises(rs, t["ZD"], t["ZRZ"], pt["area"])
    return t, pt["red_lights"]


def _paths(output: Path, dialect: str = "standard") -> dict:
    stem = output.stem
    final = {"OUTPUT": output, "FILEGDB": output.with_name(f"{stem}_sandiao.gdb"),
             "SHAPEFILE": output.with_name(f"{stem}_shp_gbk")}
    run = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"  # two runs on the same output never share temp files
    tmp = {"OUTPUT": output.with_name(f".{stem}.{run}.partial.gpkg"),
           "FILEGDB": output.with_name(f".{stem}_sandiao.{run}.partial.gdb"),
           "SHAPEFILE": output.with_name(f".{stem}_shp_gbk.{run}.partial")}
    if dialect != "standard":  # the GeoPackage only (and the mapped dialect's field map)
        for key in ("FILEGDB", "SHAPEFILE"):
            final.pop(key)
            tmp.pop(key)
    if dialect == "mapped":
        final["FIELDMAP"] = output.with_name(f"{stem}.fieldmap.toml")
        tmp["FIELDMAP"] = output.with_name(f".{stem}.{run}.partial.fieldmap.toml")
    return {"final": final, "tmp": tmp}


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size if path.exists() else 0


RELOCATED_VILLAGES = ("320299101202", "320299102203")  # the sample's 搬迁撤并类 villages


def village_classes(admin) -> np.ndarray:
    """村庄分类 of each village: town seats 城郊融合类, two villages 搬迁撤并类, the rest 集聚提升类."""
    seats = set(int(v) for v in admin.seat_village)
    return np.asarray(["搬迁撤并类" if code in RELOCATED_VILLAGES else "城郊融合类" if k in seats else "集聚提升类"
                       for k, code in enumerate(admin.village_code)], dtype=object)


def generate_sample(output: Union[Path, str], scale: str = "small", seed: int = 1, feedback=None,
                    dialect: str = "standard", densify: int = 0) -> dict:
    """Generate the sample county into ``output`` (.gpkg) plus a FileGDB and a GBK shapefile beside it.

    ``dialect`` (:mod:`.dialects`): ``standard``; ``alias`` or ``mapped`` write the same county under other
    names, encodings and CRS — only the GeoPackage, and for ``mapped`` its ``<stem>.fieldmap.toml``.
    Returns a summary: scale, seed, county, paths, counts per layer, red lights, seconds, file sizes.
    If ``feedback`` is cancelled, nothing is written and the summary has ``cancelled: True``.
    ``densify``: target mean vertices per DLTB patch (0: as tessellated, ≈ 7–9).
    """
    started = time.perf_counter()
    output = Path(output)
    if output.suffix.lower() != ".gpkg":
        output = output.with_suffix(".gpkg")
    if not output.parent.is_dir():
        raise LandOfficeError("The output folder {folder} does not exist. Create it or choose another folder.",
                              folder=output.parent)
    if dialect not in DIALECTS:
        raise LandOfficeError("Unknown sample dialect '{dialect}'. Use one of: {choices}.", dialect=dialect,
                              choices=", ".join(DIALECTS))
    steps = _Steps(feedback)
    paths = _paths(output, dialect)
    for p in paths["tmp"].values():
        writer.remove_path(p)
    try:
        tables, red = build_tables(scale, int(seed), steps, int(densify or 0))
        built = time.perf_counter()
        if dialect == "standard":
            counts = _write_all(tables, paths["tmp"], steps, feedback)
        else:
            counts = _write_dialect(tables, dialect, paths, steps, feedback)
        steps(99, tr("Renaming the finished files"))
        writer.publish([(paths["tmp"][k], paths["final"][k]) for k in paths["tmp"]])
    except writer.Cancelled:
        for p in paths["tmp"].values():
            writer.remove_path(p)
        return {"cancelled": True, "scale": scale, "seed": seed}
    except BaseException:
        for p in paths["tmp"].values():
            writer.remove_path(p)
        raise
    done = time.perf_counter()
    if feedback is not None:
        feedback.setProgress(100)
    summary = {
        "cancelled": False, "scale": scale, "seed": int(seed), "epsg": EPSG_OF[dialect], "dialect": dialect,
        "densify": int(densify or 0),
        "county_code": COUNTY_CODE, "county_name": COUNTY_NAME, "output": str(paths["final"]["OUTPUT"]),
        "filegdb": str(paths["final"]["FILEGDB"]) if "FILEGDB" in paths["final"] else "",
        "shapefile": str(paths["final"]["SHAPEFILE"] / "DLTB.shp") if "SHAPEFILE" in paths["final"] else "",
        "fieldmap": str(paths["final"]["FIELDMAP"]) if "FIELDMAP" in paths["final"] else "",
        "counts": counts, "red_lights": red,
        "seconds": {"build": round(built - started, 2), "write": round(done - built, 2),
                    "total": round(done - started, 2)},
        "sizes": {k: _size(p) for k, p in paths["final"].items()},
    }
    get_logger().info(tr("Sample county {scale} (seed {seed}) written to {path} in {seconds} s").format(
        scale=scale, seed=seed, path=output, seconds=f"{summary['seconds']['total']:.1f}"))
    return summary


def _write_all(tables: dict, tmp: dict, steps: _Steps, feedback) -> dict:
    counts = {}
    ds = writer.create_dataset(tmp["OUTPUT"], "GPKG")
    total = sum(len(tables[n]["geoms"]) if n != "HJ" else len(tables[n]["HH"]) for n in ORDER)
    done = 0
    try:
        for name in ORDER:
            n = len(tables[name]["HH"]) if name == "HJ" else len(tables[name]["geoms"])
            lo = 40 + 45 * done / total
            steps(lo, tr("Writing layer {name}").format(name=name))
            counts[name] = writer.write_layer(ds, name, tables[name], feedback=feedback,
                                              progress=(lo, 40 + 45 * (done + n) / total))
            done += n
    finally:
        ds = None
    steps(86, tr("Writing the 三调-style FileGDB"))
    ds = writer.create_dataset(tmp["FILEGDB"], "OpenFileGDB")
    try:
        for name in SANDIAO_LAYERS:
            writer.write_layer(ds, name, tables[name], aliases=True, feedback=feedback, progress=(86, 92))
    finally:
        ds = None
    steps(92, tr("Writing the GBK shapefile"))
    tmp["SHAPEFILE"].mkdir()
    with writer.shapefile_encoding_honoured():
        ds = writer.create_dataset(tmp["SHAPEFILE"] / "DLTB.shp", "ESRI Shapefile")
        try:
            writer.write_layer(ds, "DLTB", tables["DLTB"], options=["ENCODING=GBK"], feedback=feedback,
                               progress=(92, 99), widths=SHAPEFILE_WIDTHS)
        finally:
            ds = None
    return counts


def _write_dialect(tables: dict, dialect: str, paths: dict, steps: _Steps, feedback) -> dict:
    """The county in ``dialect``: one GeoPackage (+ the mapped dialect's FIELD_MAP file); counts by role."""
    from .dialects import dialect_layers, field_map_header

    steps(40, tr("Writing the {dialect} dialect").format(dialect=dialect))
    layers, epsg, field_map = dialect_layers(tables, dialect)
    counts = {}
    ds = writer.create_dataset(paths["tmp"]["OUTPUT"], "GPKG")
    try:
        for k, lyr in enumerate(layers):
            steps(45 + 50 * k / len(layers), tr("Writing layer {name}").format(name=lyr.name))
            counts[lyr.role] = writer.write_layer(ds, lyr.name, lyr.table, feedback=feedback,
                                                  schema=(lyr.role, lyr.geometry, lyr.fields), epsg=epsg)
    finally:
        ds = None
    if field_map is not None:
        paths["tmp"]["FIELDMAP"].write_text(field_map.to_toml(field_map_header(paths["final"]["OUTPUT"].name)),
                                            encoding="utf-8")
    return counts
