"""The sample county's next DLTB vintage, with known changes (for change detection, 年度变更).

:func:`next_year_dltb` reads a generated county's DLTB, changes a few patches' class and writes the next
year's DLTB to a new GeoPackage: cropland inside an approval (PZYD) built on (approved), cropland outside
every approval and supply built on (the unlawful conversions the change check must find), forest turned to
cropland (a change, not construction), and a few patches whose vertices move by a few centimetres
(boundary jitter, which is no change). Returns what was done, by BSM.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from ..analysis.fast_read import read_gpkg_arrow
from ..core.errors import LandOfficeError
from ..core.landuse import landuse_name
from . import writer
from .schema import LAYERS

JITTER_M = 0.03
MIN_CHANGE_M2 = 1500.0  # changed patches are well above every minimum mapping area


def _read(path: Path, layer: str, fields) -> tuple:
    data = read_gpkg_arrow(str(path), layer, {f: f for f in fields})
    if data is None:
        raise LandOfficeError("The sample {path} has no readable layer {layer}: generate the sample county first.",
                              path=str(path), layer=layer)
    return data


def _jitter(geom, rng, shift: float):
    """``geom`` with one vertex of its shell moved by ``shift`` metres (its ring kept closed)."""
    poly = shapely.get_parts(geom)[0]
    coords = np.asarray(poly.exterior.coords)
    k = int(rng.integers(1, len(coords) - 1))
    coords[k] += shift * np.array([np.cos(rng.uniform(0, 2 * np.pi)), np.sin(rng.uniform(0, 2 * np.pi))])
    return shapely.Polygon(coords, [r.coords for r in poly.interiors])


def next_year_dltb(source, output, seed: int = 7, approved: int = 3, unlawful: int = 4, other: int = 3,
                   jittered: int = 5) -> dict:
    """Write the next year's DLTB of the sample GeoPackage ``source`` into ``output`` (a new .gpkg, layer DLTB).

    Returns {"approved", "unlawful", "other", "jittered": [BSM, …], "to": {BSM: new DLBM}}."""
    source, output = Path(source), Path(output)
    fields = [f for f, *_ in LAYERS["DLTB"][1]]
    _fid, geoms, cols = _read(source, "DLTB", fields)
    geoms = np.asarray(geoms, dtype=object).copy()
    supply = [np.asarray(_read(source, name, [])[1], dtype=object) for name in ("PZYD", "GYYD")]
    rng = np.random.default_rng(seed)
    code = np.asarray(cols["DLBM"], dtype=object)
    area = shapely.area(geoms)
    big = area > MIN_CHANGE_M2
    crop = np.asarray([c.startswith("01") for c in code]) & big
    in_pzyd = np.zeros(len(geoms), dtype=bool)
    touches_any = np.zeros(len(geoms), dtype=bool)
    for k, layer in enumerate(supply):
        tree = shapely.STRtree(layer)
        if k == 0:
            hit, _ = tree.query(geoms, predicate="within")
            in_pzyd[hit] = True
        hit, _ = tree.query(geoms, predicate="intersects")
        touches_any[hit] = True
    pools = {"approved": np.flatnonzero(crop & in_pzyd), "unlawful": np.flatnonzero(crop & ~touches_any),
             "other": np.flatnonzero(np.asarray([c.startswith("03") for c in code]) & big & ~touches_any)}
    wanted = {"approved": approved, "unlawful": unlawful, "other": other}
    new_code = {"approved": "0601", "unlawful": "0702", "other": "0103"}
    chosen, used = {}, set()
    for kind in ("approved", "unlawful", "other"):
        pool = np.asarray([i for i in pools[kind] if i not in used], dtype=np.int64)
        if len(pool) < wanted[kind]:
            raise LandOfficeError("The sample has only {count} patches for the '{kind}' change, {wanted} wanted.",
                                  count=len(pool), kind=kind, wanted=wanted[kind])
        chosen[kind] = np.sort(rng.choice(pool, wanted[kind], replace=False))
        used.update(chosen[kind].tolist())
    table = {f: np.asarray(cols[f], dtype=object).copy() for f in fields}
    for kind, rows in chosen.items():
        for i in rows:
            table["DLBM"][i] = new_code[kind]
            table["DLMC"][i] = landuse_name(new_code[kind])
            for f in ("KCDLBM", "GDLX", "GDPDJB", "ZZSXDM"):
                table[f][i] = ""
            table["KCXS"][i], table["KCMJ"][i], table["TBDLMJ"][i] = 0.0, 0.0, table["TBMJ"][i]
            table["GDDB"][i] = None
            if kind == "other":
                table["GDPDJB"][i] = "1"
    rest = np.asarray([i for i in np.flatnonzero(big & ~touches_any) if i not in used], dtype=np.int64)
    jitter = np.sort(rng.choice(rest, jittered, replace=False))
    for i in jitter:
        geoms[i] = _jitter(geoms[i], rng, JITTER_M)
    table["SJNF"] = np.asarray([int(v) + 1 if v is not None else None for v in table["SJNF"]], dtype=object)
    table["geoms"] = geoms
    if output.exists():
        writer.remove_path(output)
    ds = writer.create_dataset(output, "GPKG")
    try:
        writer.write_layer(ds, "DLTB", table)
    finally:
        ds = None
    bsm = np.asarray(cols["BSM"])
    return {**{kind: [int(b) for b in bsm[rows]] for kind, rows in chosen.items()},
            "jittered": [int(b) for b in bsm[jitter]],
            "to": {int(bsm[i]): new_code[kind] for kind, rows in chosen.items() for i in rows}}


def main(argv=None) -> int:
    """``python -m landoffice_plugin.sample.next_year county.gpkg county_next.gpkg [SEED]``."""
    import json
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) not in (2, 3):
        print("usage: python -m landoffice_plugin.sample.next_year SOURCE.gpkg OUTPUT.gpkg [SEED]", file=sys.stderr)
        return 2
    try:
        done = next_year_dltb(args[0], args[1], seed=int(args[2]) if len(args) == 3 else 7)
    except LandOfficeError as err:
        print(err.bilingual(), file=sys.stderr)
        return 1
    print(json.dumps(done, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
