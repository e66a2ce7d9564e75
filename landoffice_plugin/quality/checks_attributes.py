"""Attribute rules: required fields, code domains (GB/T 21010, 权属性质), BSM, unit codes, parcel codes."""
from __future__ import annotations

import numpy as np

from landoffice_plugin.core.fields import code_table
from landoffice_plugin.core.landuse import default_codes
from landoffice_plugin.core.parcel_codes import parcel_code_problems
from landoffice_plugin.i18n import tr, zh
from landoffice_plugin.lookup.red_lights import BAD_CODE, DUP_CODE, code_flags


def _villages(data) -> np.ndarray:
    return data.text("ZLDWDM") if data.has("ZLDWDM") else np.full(len(data), "", dtype=object)


def required(ctx, rule, out) -> int:
    data = ctx["DLTB"]
    villages, keys = _villages(data), data.keys()
    checked = 0
    for name in rule.params["fields"]:
        if not data.has(name):  # one red light for the layer, not one per patch
            out.notes[rule.id] = tr("layer DLTB has no field {name}: every patch lacks it").format(name=name)
            out.add(rule, "DLTB", [], [], rule.text(field=name), None)
            checked += len(data)
            continue
        values = data.text(name)
        checked += len(values)
        for i in np.flatnonzero(values == ""):
            out.add(rule, "DLTB", data.arrays.fids[i], keys[i], rule.text(field=name), data.geoms[i],
                    village=villages[i])
    return checked


def landuse_code(ctx, rule, out) -> int:
    data = ctx["DLTB"]
    codes, villages, keys = data.text("DLBM"), _villages(data), data.keys()
    known = {c: default_codes().entry(c) is not None for c in set(codes.tolist())}
    for i in np.flatnonzero([c != "" and not known[c] for c in codes.tolist()]):
        out.add(rule, "DLTB", data.arrays.fids[i], keys[i], rule.text(value=codes[i]), data.geoms[i],
                village=villages[i])
    return int((codes != "").sum())


def ownership_code(ctx, rule, out) -> int:
    data = ctx["DLTB"]
    table = code_table("DLTB", "QSXZ")
    values, villages, keys = data.text("QSXZ"), _villages(data), data.keys()
    valid = "、".join(f"{c} {names[0]}" for c, names in table.items())
    for i in np.flatnonzero([v != "" and v not in table for v in values.tolist()]):
        out.add(rule, "DLTB", data.arrays.fids[i], keys[i], rule.text(value=values[i], valid=valid),
                data.geoms[i], village=villages[i])
    return int((values != "").sum())


def _bsm_numbers(values: np.ndarray) -> np.ndarray:
    """Each BSM as a positive integer, 0 where it is none."""
    out = np.zeros(len(values), dtype=np.int64)
    for i, v in enumerate(values.tolist()):
        text = v[:-2] if v.endswith(".0") else v
        if text.isdigit() and text.isascii() and int(text) > 0:
            out[i] = int(text)
    return out


def bsm_format(ctx, rule, out) -> int:
    data = ctx["DLTB"]
    values, villages = data.text("BSM"), _villages(data)
    ok = _bsm_numbers(values) > 0
    for i in np.flatnonzero(~ok & (values != "")):
        out.add(rule, "DLTB", data.arrays.fids[i], values[i], rule.text(value=values[i]), data.geoms[i],
                village=villages[i])
    return int((values != "").sum())


def bsm_unique(ctx, rule, out) -> int:
    data = ctx["DLTB"]
    numbers, villages = _bsm_numbers(data.text("BSM")), _villages(data)
    present = np.flatnonzero(numbers > 0)
    uniq, inverse, counts = np.unique(numbers[present], return_inverse=True, return_counts=True)
    for k in np.flatnonzero(counts > 1):
        rows = present[inverse == k]
        out.add(rule, "DLTB", data.arrays.fids[rows], [str(uniq[k])], rule.text(value=uniq[k], count=len(rows)),
                data.geoms[rows[0]], village=villages[rows[0]])
    return len(present)


def unit_code(ctx, rule, out) -> int:
    data = ctx["DLTB"]
    length = int(rule.params["length"])
    villages, keys = _villages(data), data.keys()
    checked = 0
    for name in rule.params["fields"]:
        if not data.has(name):
            continue
        values = data.text(name)
        bad = [v != "" and not (len(v) == length and v.isdigit() and v.isascii()) for v in values.tolist()]
        checked += int((values != "").sum())
        for i in np.flatnonzero(bad):
            out.add(rule, "DLTB", data.arrays.fids[i], keys[i], rule.text(field=name, value=values[i], length=length),
                    data.geoms[i], village=villages[i])
    return checked


def _parcels(ctx):
    data = ctx["ZD"]
    codes = data.text("ZDDM")
    units = data.text("BDCDYH") if data.has("BDCDYH") else np.full(len(codes), "", dtype=object)
    return data, codes, code_flags(codes.tolist(), units.tolist())


def parcel_code(ctx, rule, out) -> int:
    """The lookup panel's parcel-code red light (:func:`lookup.red_lights.code_flags`), for the whole layer."""
    data, codes, flags = _parcels(ctx)
    for i in np.flatnonzero(flags & BAD_CODE):
        problems = parcel_code_problems(codes[i]) if codes[i] else []
        detail = "；".join(p.message(translate=zh) for p in problems) if problems else "为空"
        out.add(rule, "ZD", data.arrays.fids[i], codes[i], rule.text(value=codes[i], detail=detail), data.geoms[i],
                village=codes[i][:12])
    return len(codes)


def parcel_code_unique(ctx, rule, out) -> int:
    data, codes, flags = _parcels(ctx)
    dup = np.flatnonzero(flags & DUP_CODE)
    for code in sorted(set(codes[dup].tolist())):
        rows = dup[codes[dup] == code]
        out.add(rule, "ZD", data.arrays.fids[rows], [code], rule.text(value=code, count=len(rows)),
                data.geoms[rows[0]], village=code[:12])
    return len(codes)


CHECKS = {
    "dltb_required": required, "dltb_landuse_code": landuse_code, "dltb_ownership_code": ownership_code,
    "dltb_bsm_format": bsm_format, "dltb_bsm_unique": bsm_unique, "dltb_unit_code": unit_code,
    "zd_parcel_code": parcel_code, "zd_parcel_code_unique": parcel_code_unique,
}
