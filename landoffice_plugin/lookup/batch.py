"""Headless entry points shared by the Processing algorithms and the dock: prepare an index with
every role layer attached, resolve codes to parcels, and write the reports."""
from __future__ import annotations

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.parcel_codes import normalise_code

from .details import fill_red_lights, parcel_details
from .index import ensure_index
from .index_update import AUX_KEY_FIELD, attach_aux, attach_regions

OVERLAY_ROLES = ("DLTB", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "ZRZ", "HJ", "GYQY")


def prepare_index(zd_layer, layers: dict, cache_dir, progress=None, mapping=None):
    """The current index of ``zd_layer`` (built if needed) with the other role layers attached."""
    index = ensure_index(zd_layer, cache_dir, mapping, progress)
    for role, layer in layers.items():
        if role in AUX_KEY_FIELD and layer is not None:
            attach_aux(index, role, layer)
        elif role in OVERLAY_ROLES and layer is not None:
            index.layers[role] = layer
    attach_regions(index, layers.get("XZQ"), layers.get("CJDCQ"))
    return index


def split_codes(text: str) -> list:
    """Codes from a comma/semicolon/space/newline separated list, normalised, in order, no repeats."""
    out = []
    for part in str(text or "").replace("，", ",").replace("；", ",").replace(";", ",").replace("\n", ",").split(","):
        for code in part.split():
            norm = normalise_code(code)
            if norm and norm not in out:
                out.append(norm)
    return out


def fids_for_codes(index, codes: list) -> list:
    """``[(code, fid)]``; LandOfficeError naming the codes not found."""
    found, missing = [], []
    for code in codes:
        row = index.conn.execute("SELECT fid FROM parcels WHERE code = ? OR unit = ? ORDER BY fid LIMIT 1",
                                 (code, code)).fetchone()
        if row is None:
            missing.append(code)
        else:
            found.append((code, row[0]))
    if missing:
        raise LandOfficeError("No parcel has the code {codes}: check the codes (19-character 宗地代码 or "
                              "28-character 不动产单元号) or search for the parcels first.",
                              codes=", ".join(missing))
    return found


def collect_details(index, fids, mask_personal: bool = True, feedback=None) -> list:
    layers = {role: layer for role, layer in index.layers.items() if role in OVERLAY_ROLES}
    out = []
    for n, fid in enumerate(fids):
        if feedback is not None and feedback.isCanceled():
            break
        details = parcel_details(index.layer, fid, layers, index.mapping, index, mask_personal)
        out.append(fill_red_lights(details, index))
        if feedback is not None:
            feedback.setProgress(60 * (n + 1) / max(1, len(fids)))
    return out


def write_reports(index, fids, pdf_path=None, xlsx_path=None, mask_personal: bool = True, feedback=None,
                  reason: str = "") -> dict:
    """PDF and/or xlsx report of parcels ``fids``; returns ``{"pdf": path, "xlsx": path}``.

    Unmasked (``mask_personal`` False) only through the audit's gate: allowed by the office, with a
    ``reason``, logged (:func:`.audit.require_unmask`)."""
    from landoffice_plugin.export.parcel_report_pdf import export_parcel_report_pdf

    from .report import write_parcel_xlsx

    if not mask_personal:
        from .audit import require_unmask

        require_unmask(reason, f"parcel report of {len(fids)} parcels", len(fids))
    details = collect_details(index, fids, mask_personal, feedback)
    out = {}
    if pdf_path:
        out["pdf"] = str(export_parcel_report_pdf(details, index.layer, pdf_path, feedback=feedback))
    if xlsx_path:
        out["xlsx"] = str(write_parcel_xlsx(details, xlsx_path))
    return out
