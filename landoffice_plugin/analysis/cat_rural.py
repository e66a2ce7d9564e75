"""增减挂钩复垦潜力 and 耕地恢复潜力: DLTB patches by land use, village and planting attribute."""
from __future__ import annotations

import numpy as np

from landoffice_plugin.i18n import zh

from .claims import Claims, construction_mask
from .columns import isin, text
from .geomops import nonempty, subtract
from .loading import LayerArrays


def marked_villages(rules, villages=(), cjdcq=None) -> tuple[set, list]:
    """12-digit codes of villages marked for relocation/merger, and notes on how they were found."""
    sec = rules.sections["linkage"]
    marked = {str(v).strip()[:12] for v in list(sec["village_codes"]) + list(villages or ()) if str(v).strip()}
    notes = []
    field = (sec["village_field"] or "").strip()
    if field and cjdcq is not None:
        if cjdcq.has(field):
            values = set(sec["village_field_values"])
            flagged = text(cjdcq.col(field))
            codes = text(cjdcq.col("ZLDWDM"))
            marked |= {c[:12] for c, v in zip(codes, flagged) if v in values}
        elif not marked:  # said only when it matters: no village is marked by code either
            notes.append(zh("Village layer has no field {field}: villages are marked by code only.").format(
                field=field))
    return marked, notes


def linkage(dltb: LayerArrays, czkfbj, rules, marked: set, grid: float) -> Claims:
    """Homesteads (0702) and village construction land (CZCSXM 203/203A) outside the boundary."""
    sec = rules.sections["linkage"]
    if not marked:
        return Claims.empty("linkage")
    dlbm, cz = text(dltb.col("DLBM")), text(dltb.col("CZCSXM"))
    village = np.asarray([z[:12] for z in text(dltb.col("ZLDWDM"))], dtype=object)
    codes = tuple(sec["landuse_codes"])
    by_code = np.asarray([any(d.startswith(c) for c in codes) for d in dlbm], dtype=bool)
    by_village_land = isin(cz, sec["czcsxm_codes"]) & construction_mask(dlbm)
    sel = np.flatnonzero((by_code | by_village_land) & isin(village, marked))
    geoms = dltb.geoms[sel]
    if czkfbj is not None and len(czkfbj):
        geoms = subtract(geoms, czkfbj.geoms, grid)
    keep = nonempty(geoms)
    template = zh("Village {village} marked for relocation or merger; {landuse} ({code}) outside the "
                  "development boundary")
    names, dlmc = text(dltb.col("ZLDWMC")), text(dltb.col("DLMC"))
    reasons = np.asarray([template.format(village=names[i] or village[i], landuse=dlmc[i] or dlbm[i],
                                          code=cz[i] or dlbm[i]) for i in sel], dtype=object)
    sources = np.asarray([f"DLTB:{dltb.fids[i]}" for i in sel], dtype=object)
    return Claims("linkage", geoms[keep], reasons[keep], sources[keep], np.full(keep.sum(), np.nan),
                  patch=sel[keep])


def recovery(dltb: LayerArrays, rules) -> Claims:
    """Patches whose planting attribute ZZSXDM says cropland can be restored (JKHF/GCHF)."""
    zz = text(dltb.col("ZZSXDM"))
    sel = np.flatnonzero(isin(zz, rules.sections["recovery"]["zzsxdm_codes"]))
    kind = {"JKHF": zh("can be restored at once"), "GCHF": zh("can be restored by engineering")}
    template = zh("Planting attribute {code} ({kind}); current use {landuse}")
    dlmc, dlbm = text(dltb.col("DLMC")), text(dltb.col("DLBM"))
    reasons = np.asarray([template.format(code=zz[i], kind=kind.get(zz[i], zz[i]), landuse=dlmc[i] or dlbm[i])
                          for i in sel], dtype=object)
    sources = np.asarray([f"DLTB:{dltb.fids[i]}" for i in sel], dtype=object)
    return Claims("recovery", dltb.geoms[sel], reasons, sources, np.full(len(sel), np.nan), patch=sel)
