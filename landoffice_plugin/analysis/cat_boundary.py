"""城镇开发边界内可开发: non-construction DLTB patches inside the chosen boundary zones."""
from __future__ import annotations

from typing import Optional

import numpy as np
import shapely

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.fields import code_table, resolve_codes
from landoffice_plugin.core.parallel import pairwise
from landoffice_plugin.i18n import zh

from .claims import Claims, construction_mask
from .columns import factorize, isin, text
from .geomops import nonempty, polygonal
from .loading import LayerArrays
from .overlaps import Overlaps, Reach

ZONE_NAMES = {code: names[0] for code, names in code_table("CZKFBJ", "FQDM").items()}  # 11 集中建设区 …


def zone_codes(czkfbj: LayerArrays, rules=None) -> np.ndarray:
    """The zone type code of each zone: FQDM as a code (11, 11.0) or a name (集中建设区 → 11).

    With ``rules``: LandOfficeError listing the values found when none is one of the rules' zones.
    """
    raw = text(czkfbj.col("FQDM"))
    uniques, _inverse = factorize(raw)
    codes = resolve_codes("CZKFBJ", "FQDM", raw)  # already codes when read through the door; names still work
    if rules is not None and len(codes):
        wanted = rules.sections["boundary"]["zone_codes"]
        if not isin(codes, wanted).any():
            found = [str(v) for v in uniques[:20]]
            raise LandOfficeError(
                "No zone of the development-boundary layer (CZKFBJ) '{layer}' has one of the zone types the rules "
                "choose ({codes}, or their names {names}): the values found in FQDM are {values}. Map the layer's "
                "values to these codes or names, or list the layer's codes in boundary.zone_codes of the rules, "
                "then run again.", layer=czkfbj.name, codes=", ".join(wanted),
                names="、".join(ZONE_NAMES.get(c, c) for c in wanted),
                values=", ".join(f"'{v}'" for v in found) + (" …" if len(uniques) > 20 else ""))
    return codes


def boundary(dltb: LayerArrays, czkfbj: LayerArrays, rules, grid: float, reach: Optional[Reach] = None,
             snapped: Optional[np.ndarray] = None) -> Claims:
    """Claims cut by patch: a patch a zone properly contains is claimed whole (no overlay).

    ``reach`` (the zones' pairs with the patches as read) and ``snapped`` (mask of the patches
    put on the grid since) come from the engine; without them they are found here.
    """
    codes = zone_codes(czkfbj)
    chosen = isin(codes, rules.sections["boundary"]["zone_codes"])
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
    reasons = np.asarray([template.format(zone=fqmc[z] or ZONE_NAMES.get(codes[z], codes[z]),
                                          landuse=dlmc[p] or dlbm[p]) for p, z in zip(patch, zone)], dtype=object)
    sources = np.asarray([f"DLTB:{dltb.fids[p]};CZKFBJ:{czkfbj.fids[z]}" for p, z in zip(patch, zone)],
                         dtype=object)
    return Claims("boundary", pieces, reasons, sources, np.full(len(pieces), np.nan), patch=patch)
