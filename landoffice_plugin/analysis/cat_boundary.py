"""城镇开发边界内可开发: non-construction DLTB patches inside the chosen boundary zones."""
from __future__ import annotations

from typing import Optional

import numpy as np
import shapely

from landoffice_plugin.core.parallel import pairwise
from landoffice_plugin.i18n import zh

from .claims import Claims, construction_mask
from .columns import isin, text
from .geomops import nonempty, polygonal
from .loading import LayerArrays
from .overlaps import Overlaps, Reach

ZONE_NAMES = {"11": "集中建设区", "12": "弹性发展区", "13": "特别用途区"}


def boundary(dltb: LayerArrays, czkfbj: LayerArrays, rules, grid: float, reach: Optional[Reach] = None,
             snapped: Optional[np.ndarray] = None) -> Claims:
    """Claims cut by patch: a patch a zone properly contains is claimed whole (no overlay).

    ``reach`` (the zones' pairs with the patches as read) and ``snapped`` (mask of the patches
    put on the grid since) come from the engine; without them they are found here.
    """
    zone_codes = text(czkfbj.col("FQDM"))
    chosen = isin(zone_codes, rules.sections["boundary"]["zone_codes"])
    dlbm = text(dltb.col("DLBM"))
    if reach is None:
        reach = Overlaps(dltb.geoms).reach("CZKFBJ", czkfbj.geoms)
    reach = reach.take(chosen[reach.other] & ~construction_mask(dlbm)[reach.patch])
    patch, zone = reach.patch, reach.other
    pieces = dltb.geoms[patch].copy()  # a patch properly inside a zone, and not moved by snapping, is the piece
    whole = reach.inside if snapped is None else reach.inside & ~snapped[patch]
    part = np.flatnonzero(~whole)
    if len(part):
        pieces[part] = polygonal(pairwise(shapely.intersection, pieces[part], czkfbj.geoms[zone[part]],
                                          grid_size=grid or None))
    keep = nonempty(pieces)
    patch, zone, pieces = patch[keep], zone[keep], pieces[keep]
    fqmc, dlmc = text(czkfbj.col("FQMC")), text(dltb.col("DLMC"))
    template = zh("Inside the development boundary ({zone}); current use {landuse} is not construction land")
    reasons = np.asarray([template.format(zone=fqmc[z] or ZONE_NAMES.get(zone_codes[z], zone_codes[z]),
                                          landuse=dlmc[p] or dlbm[p]) for p, z in zip(patch, zone)], dtype=object)
    sources = np.asarray([f"DLTB:{dltb.fids[p]};CZKFBJ:{czkfbj.fids[z]}" for p, z in zip(patch, zone)],
                         dtype=object)
    return Claims("boundary", pieces, reasons, sources, np.full(len(pieces), np.nan), patch=patch)
