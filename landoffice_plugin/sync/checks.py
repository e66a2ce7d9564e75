"""灭红灯 before a sync: the checks an edited feature must pass before it goes to the data centre.

Only features created or changed in the field are checked. TBMJ (and KCMJ, TBDLMJ) of
changed DLTB patches are recomputed ellipsoidally first (:mod:`core.area`), so an area is
never a problem the surveyor has to fix by hand. A problem can be overridden with a reason
(:func:`add_override`); the override travels with the edit as an EVIDENCE feature that names
the patch, the check and the reason (:func:`attach_overrides`, run by the sync).
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

import shapely
from shapely.strtree import STRtree

from ..core.area import ellipsoidal_areas
from ..core.errors import LandOfficeError
from ..core.landuse import landuse_entry
from ..core.parcel_codes import parcel_code_problems
from ..i18n import tr_noop
from .changes import DELETE, detect
from .features import Feature
from .package import connect, read_layer, read_meta, write_features

REQUIRED = {"DLTB": ("DLBM", "ZLDWDM"), "ZD": ("ZDDM",)}
OVERLAP_TOLERANCE_M2 = 0.01
_NAMESPACE = uuid.UUID("6f0c1a52-4f55-4d8e-9a53-1b5d2f0c9e11")
MESSAGES = {
    "DLBM": tr_noop("Land-use code {value} is not a GB/T 21010 code"),
    "ZDDM": tr_noop("Parcel code {value} is not valid: {detail}"),
    "REQUIRED": tr_noop("Required field {value} is empty"),
    "GEOMETRY": tr_noop("Geometry is missing or invalid: {detail}"),
    "OVERLAP": tr_noop("Overlaps patch {value} by {detail} m²"),
    "PHOTO": tr_noop("Photo {value} is missing or was changed after it was attached (its SHA-256 no longer "
                     "matches): put the original file back, or attach the photo again"),
    "TASK": tr_noop("Task {value} is marked {detail} without a result or an inspector: record both"),
}


@dataclass
class Problem:
    collection: str
    fid: str
    code: str
    value: str = ""
    detail: str = ""
    overridden: bool = False
    reason: str = ""
    bounds: tuple | None = None

    def message(self, translate=lambda text: text) -> str:
        return translate(MESSAGES[self.code]).format(value=self.value, detail=self.detail)


def recompute_areas(path, epsg: int = 4549) -> int:
    """Ellipsoidal TBMJ, KCMJ = TBMJ × KCXS and TBDLMJ = TBMJ − KCMJ on created or changed patches
    (the identities of :func:`core.area.deduction_areas`, the one place of the formula)."""
    from ..core.area import deduction_areas
    from .changes import detect_changed

    changes, _, _ = detect_changed(path, "DLTB")
    edited = [c.mine for c in changes.values() if c.kind != DELETE and c.mine.geom]
    if not edited:
        return 0
    tbmj = [round(float(a), 2) for a in ellipsoidal_areas([shapely.from_wkb(f.geom) for f in edited], epsg)]
    kcmj, tbdlmj = deduction_areas(tbmj, [f.props.get("KCXS") or 0.0 for f in edited])
    fixed = []
    for feature, t, k, d in zip(edited, tbmj, kcmj, tbdlmj):
        new = {"TBMJ": t, "KCMJ": float(k), "TBDLMJ": float(d)}
        if any(feature.props.get(key) != value for key, value in new.items()):
            feature.props.update(new)
            fixed.append(feature)
    if fixed:
        write_features(path, "DLTB", fixed)
    return len(fixed)


def _attribute_problems(collection: str, feature: Feature) -> list[Problem]:
    out = []
    for name in REQUIRED.get(collection, ()):
        if feature.props.get(name) in (None, ""):
            out.append(Problem(collection, feature.id, "REQUIRED", name))
    code = feature.props.get("DLBM")
    if collection == "DLTB" and code and landuse_entry(code) is None:
        out.append(Problem(collection, feature.id, "DLBM", str(code)))
    code = feature.props.get("ZDDM")
    if collection == "ZD" and code:
        problems = parcel_code_problems(code)
        if problems:
            out.append(Problem(collection, feature.id, "ZDDM", str(code), problems[0].message_en()))
    geom = shapely.from_wkb(feature.geom) if feature.geom else None
    if geom is None or geom.is_empty or not geom.is_valid:
        detail = shapely.is_valid_reason(geom) if geom is not None else "no geometry"
        out.append(Problem(collection, feature.id, "GEOMETRY", "", detail))
    return out


def _usable(geom):
    """A geometry to measure overlaps with: an invalid one (a bow-tie…) is repaired first, never skipped —
    an overridden invalid patch still must not cover its neighbours unreported."""
    if geom is None or geom.is_empty:
        return None
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
        polygons = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(polygons) if polygons else None
    return geom if geom is not None and not geom.is_empty else None


def _overlaps(edited: list[Feature], working: dict) -> list[Problem]:
    ids = list(working)
    geoms = [_usable(shapely.from_wkb(working[i].geom)) if working[i].geom else None for i in ids]
    valid = [(i, g) for i, g in zip(ids, geoms) if g is not None]
    tree = STRtree([g for _, g in valid])
    out = []
    for feature in edited:
        geom = _usable(shapely.from_wkb(feature.geom)) if feature.geom else None
        if geom is None:
            continue
        for index in tree.query(geom, predicate="intersects"):
            other_id, other = valid[index]
            if other_id == feature.id:
                continue
            shared = geom.intersection(other).area
            if shared > OVERLAP_TOLERANCE_M2:
                out.append(Problem("DLTB", feature.id, "OVERLAP", other_id, f"{shared:.2f}"))
    return out


def run_checks(path, recompute: bool = True) -> list[Problem]:
    """Every problem of the features edited since the last sync (overridden ones flagged)."""
    meta = read_meta(path)
    if recompute and "DLTB" in meta.get("collections", []):
        recompute_areas(path, int(meta.get("epsg", 4549)))
    problems = []
    for collection in meta.get("collections", []):
        if collection in ("EVIDENCE", "RWTB"):
            problems += _field_task_problems(path, collection)
            continue
        if collection not in REQUIRED:
            continue
        changes, working, _ = detect(path, collection)
        edited = [c.mine for c in changes.values() if c.kind != DELETE]
        for feature in edited:
            problems += _attribute_problems(collection, feature)
        if collection == "DLTB" and edited:
            problems += _overlaps(edited, working)
        bounds = {f.id: shapely.from_wkb(f.geom).bounds for f in edited if f.geom}
        for problem in problems:
            if problem.collection == collection:
                problem.bounds = bounds.get(problem.fid)
    overrides = _overrides(path)
    for problem in problems:
        reason = overrides.get((problem.collection, problem.fid, problem.code))
        if reason:
            problem.overridden, problem.reason = True, reason
    return problems


def _field_task_problems(path, collection: str) -> list[Problem]:
    """Evidence whose photo no longer matches its hash; tasks closed without a result or an inspector."""
    from ..tasks.evidence import changed_photos
    from ..tasks.model import OPEN

    changes, _, _ = detect(path, collection)
    edited = [c.mine for c in changes.values() if c.kind != DELETE]
    out = []
    if collection == "EVIDENCE":
        for fid, name, _why in changed_photos(path, edited):
            out.append(Problem(collection, fid, "PHOTO", name))
    else:
        for f in edited:
            status = f.props.get("ZT")
            if status and status != OPEN and not (f.props.get("HCJG") and f.props.get("HCRY")):
                out.append(Problem(collection, f.id, "TASK", str(f.props.get("RWBH") or f.id[:8]), str(status)))
    bounds = {f.id: shapely.from_wkb(f.geom).bounds for f in edited if f.geom}
    for problem in out:
        problem.bounds = bounds.get(problem.fid)
    return out


def blocking(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.overridden]


def add_override(path, collection: str, fid: str, code: str, reason: str) -> None:
    """Accept a problem knowingly; ``reason`` is required and goes to the data centre with the edit."""
    if not (reason or "").strip():
        raise LandOfficeError("An override needs a reason: say why the feature is right as it is.")
    with connect(path) as db:
        db.execute("INSERT OR REPLACE INTO lo_overrides (collection, fid, check_code, reason) VALUES (?, ?, ?, ?)",
                   (collection, fid, code, reason.strip()))


def read_overrides(csv_path) -> list[tuple]:
    """Accepted problems from a CSV file (UTF-8, with or without BOM): columns collection, fid, check, reason.

    The form an office fills in for a command-line sync (``--OVERRIDES``); a row without a reason,
    or a file without those columns, is refused with the line number."""
    import csv

    try:
        with open(csv_path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError) as err:
        raise LandOfficeError("The overrides file {path} cannot be read ({error}): give a UTF-8 CSV file with the "
                              "columns collection, fid, check, reason.", path=str(csv_path), error=err) from err
    out = []
    for number, row in enumerate(rows, start=2):
        values = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if not {"collection", "fid", "check", "reason"} <= set(values) or not values["reason"]:
            raise LandOfficeError("Line {line} of the overrides file {path} needs collection, fid, check and a "
                                  "reason (say why the feature is right as it is).", line=number, path=str(csv_path))
        out.append((values["collection"], values["fid"], values["check"], values["reason"]))
    return out


def _overrides(path) -> dict:
    with connect(path) as db:
        rows = db.execute("SELECT collection, fid, check_code, reason FROM lo_overrides").fetchall()
    return {(c, f, k): r for c, f, k, r in rows}


def attach_overrides(path, problems: list[Problem]) -> int:
    """One EVIDENCE point per overridden problem (stable UUID: a re-run never duplicates it)."""
    meta = read_meta(path)
    if "EVIDENCE" not in meta.get("collections", []):
        return 0
    existing = set(read_layer(path, "EVIDENCE"))
    out = []
    for p in problems:
        if not p.overridden or p.bounds is None:
            continue
        x, y = (p.bounds[0] + p.bounds[2]) / 2, (p.bounds[1] + p.bounds[3]) / 2
        fid = str(uuid.uuid5(_NAMESPACE, f"{p.collection}/{p.fid}/{p.code}"))
        if fid in existing:
            continue
        note = f"override {p.collection}/{p.code}: {p.reason}"
        out.append(Feature(fid, None, {"TARGET_ID": p.fid, "NOTE": note[:500]},
                           shapely.to_wkb(shapely.Point(x, y), byte_order=1)))
    if out:
        write_features(path, "EVIDENCE", out)
    return len(out)
