"""城镇开发边界内可开发: non-construction DLTB patches inside the chosen boundary zones."""
from __future__ import annotations

import numpy as np

from landoffice_plugin.i18n import zh

from .claims import Claims, construction_mask
from .geomops import intersect_pairs
from .loading import LayerArrays, isin, text

ZONE_NAMES = {"11": "集中建设区", "12": "弹性发展区", "13": "特别用途区"}


def boundary(dltb: LayerArrays, czkfbj: LayerArrays, rules, grid: float) -> Claims:
    zone_codes = text(czkfbj.col("FQDM"))
    zones = np.flatnonzero(isin(zone_codes, rules.sections["boundary"]["zone_codes"]))
    dlbm = text(dltb.col("DLBM"))
    cand = np.flatnonzero(~construction_mask(dlbm))
    ia, iz, pieces = intersect_pairs(dltb.geoms[cand], czkfbj.geoms[zones], grid)
    patch, zone = cand[ia], zones[iz]
    fqmc, dlmc = text(czkfbj.col("FQMC")), text(dltb.col("DLMC"))
    template = zh("Inside the development boundary ({zone}); current use {landuse} is not construction land")
    reasons = np.asarray([template.format(zone=fqmc[z] or ZONE_NAMES.get(zone_codes[z], zone_codes[z]),
                                          landuse=dlmc[p] or dlbm[p]) for p, z in zip(patch, zone)], dtype=object)
    sources = np.asarray([f"DLTB:{dltb.fids[p]};CZKFBJ:{czkfbj.fids[z]}" for p, z in zip(patch, zone)],
                         dtype=object)
    return Claims("boundary", pieces, reasons, sources, np.full(len(pieces), np.nan), patch=patch)
