"""The potential-land run: load → repair/snap → categories → precedence → areas → summary.

:func:`run_analysis` is headless and thread-safe as long as its inputs were captured with
:func:`.loading.layer_input` on the main thread (or are already :class:`LayerArrays`).
"""
from __future__ import annotations

import dataclasses
import time
from concurrent.futures import wait
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import shapely

from landoffice_plugin.core.area import ellipsoidal_areas, m2_to_mu
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.fields import check_dates
from landoffice_plugin.core.gc_pause import gc_paused
from landoffice_plugin.core.parallel import background
from landoffice_plugin.i18n import tr_noop, zh
from landoffice_plugin.log import get_logger

from . import cat_boundary, cat_industrial, cat_rural, cat_supply
from .categories import BY_ID, CATEGORY_IDS, ROLES  # noqa: F401 - ROLES re-exported
from .claims import clear_mask_cache, construction_mask
from .columns import clear_text_cache, factorize, isin, prefix, text
from .geomops import (
    DISJOINT,
    HOLDS,
    identical_in,
    intersect_pairs,
    meets_holds,
    nonempty,
    pairs,
    query,
    repair,
    snap,
    subdivide,
)
from .loading import (
    Inspection,
    LayerArrays,
    LayerInput,
    gpkg_ids_near,
    has_field,
    load_input,
    load_near,
    missing_field_error,
    working_crs,
)
from .merge import leftover, merge, whole_patch
from .overlaps import Overlaps
from .rules import Rules
from .summary import reconcile, summarise


@dataclass
class AnalysisResult:
    """Pieces (one row per piece of ground), summary, reconciliation, notes and what was used."""

    epsg: Optional[int]
    crs_wkt: str
    rows: dict
    summary: list
    reconciliation: list
    notes: list
    repaired: dict
    reprojected: dict
    categories_run: list
    categories_disabled: dict
    rules: Rules
    seconds: dict = field(default_factory=dict)
    examined: int = 0  # DLTB patches examined
    examined_by: list = field(default_factory=list)  # roles whose features chose them (empty: all patches)
    zero_notes: dict = field(default_factory=dict)  # {category: its "0 亩" warning (also in notes)}

    @property
    def count(self) -> int:
        return len(self.rows["geoms"])

    @property
    def crs(self):
        """The working CRS of the pieces' geometries (a QgsCoordinateReferenceSystem)."""
        from qgis.core import QgsCoordinateReferenceSystem

        return QgsCoordinateReferenceSystem.fromWkt(self.crs_wkt) if self.crs_wkt else QgsCoordinateReferenceSystem()


class _Progress:
    def __init__(self, feedback):
        self.feedback = feedback

    def __call__(self, percent: float, message: str = "") -> None:
        fb = self.feedback
        if fb is None:
            return
        if fb.isCanceled():
            raise LandOfficeError("The potential-land analysis was cancelled; nothing was written.")
        fb.setProgress(percent)
        if message and hasattr(fb, "pushInfo"):
            fb.pushInfo(message)


USED_FIELDS = {"DLTB": ("DLBM", "DLMC", "ZLDWDM", "ZLDWMC"), "ZD": ("ZDDM",),
               "ZRZ": ("ZDDM", "JZMJ"), "YJJBNTTB": (), "STBHHX": ()}
SNAP_ALL = ("PZYD", "GYYD", "ZD", "CZKFBJ")  # small layers overlaid as a whole
CUTTING = ("PZYD", "GYYD", "ZD", "CZKFBJ")  # layers whose boundaries shape the claims
SUBDIVIDE_MAX = 300  # vertices per hard-constraint part
# DLTB after the layers whose features decide which patches a spatial category can reach
LOAD_ORDER = ("XZQ", "CJDCQ", "GYQY", "ZD", "ZRZ", "CZKFBJ", "PZYD", "GYYD", "DLTB", "YJJBNTTB", "STBHHX")
REACH = {"unsupplied": "PZYD", "idle": "GYYD", "inefficient": "ZD", "boundary": "CZKFBJ"}


def _prepare(arr: LayerArrays, grid: float, polygons: bool = True) -> LayerArrays:
    """Repair invalid geometries (counted), snap small overlay layers, drop missing/empty ones (counted).

    The inspection made while reading is kept up to date for the repaired geometries (and
    dropped when the whole layer is snapped).
    """
    insp = arr.inspection
    geoms, repaired = repair(arr.geoms, None if insp is None else insp.valid)
    if insp is not None and repaired:  # measure the repaired ones again
        fixed = np.flatnonzero(~insp.valid & ~shapely.is_missing(arr.geoms))
        insp = insp.take(np.arange(len(geoms)))
        again = Inspection.of(geoms[fixed])
        insp.valid[fixed], insp.planar[fixed], insp.bounds[fixed] = again.valid, again.planar, again.bounds
    if polygons and arr.role in SNAP_ALL:
        geoms, insp = snap(geoms, grid), None
    if not polygons:
        ok = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    else:
        ok = nonempty(geoms) if insp is None else insp.planar > 0.0
    out = LayerArrays(arr.role, arr.name, geoms, arr.fids, arr.attrs, arr.crs_from, inspection=insp)
    if not ok.all():
        out = out.take(np.flatnonzero(ok))
    out.repaired = repaired
    out.dropped_empty = int((~ok).sum())
    return out


def _needed(requested: list, rules: Rules, constraints: bool = True) -> set:
    roles = {"DLTB", "XZQ", "CJDCQ", *(rules.hard_constraints if constraints else ())}
    for cat in requested:
        roles.update(BY_ID[cat].needs)
    if "inefficient" in requested:
        roles.add("ZRZ")
    return roles


DLTB_FIELDS_BY_CATEGORY = {"linkage": ("CZCSXM",), "recovery": ("ZZSXDM",)}
REQUIRED_FIELDS = {"DLTB": ("DLBM", "ZLDWDM")}  # without them no category is right: an error
# without these a category would count wrong or nothing: it is not analysed, with a note saying why
CATEGORY_FIELDS = {"idle": {"GYYD": ("YDKGRQ",)}, "boundary": {"CZKFBJ": ("FQDM",)},
                   "recovery": {"DLTB": ("ZZSXDM",)}, "inefficient": {"GYQY": ("ZDDM",), "ZD": ("ZDDM",)}}
ZERO_HINTS = {
    "unsupplied": tr_noop("every approved area (PZYD) is covered by a supply (GYYD)"),
    "idle": tr_noop("no supply (GYYD) is due and unbuilt by the rules (contracted start YDKGRQ, actual start "
                    "SJKGRQ, built and invested shares)"),
    "inefficient": tr_noop("no enterprise (GYQY) is under the thresholds with a parcel (ZD) of its ZDDM"),
    "linkage": tr_noop("no rural homestead or village construction land lies in a marked village outside the "
                       "development boundary"),
    "boundary": tr_noop("no non-construction patch lies inside the chosen zones of the development boundary"),
    "recovery": tr_noop("no patch has a ZZSXDM in recovery.zzsxdm_codes of the rules"),
}


def _preflight(inputs: dict, requested: list) -> dict:
    """Check the fields the run needs before reading anything.

    A missing DLTB field every category needs raises LandOfficeError; a category whose own
    field is missing is returned as {category: (problem roles/fields, message)}.
    """
    dltb = inputs["DLTB"]
    for standard in REQUIRED_FIELDS["DLTB"]:
        if not has_field(dltb, standard):
            raise missing_field_error(dltb, "DLTB", standard)
    unusable = {}
    for cat in requested:
        for role, fields in CATEGORY_FIELDS.get(cat, {}).items():
            value = inputs.get(role)
            if value is None:
                continue  # a missing layer is reported as such
            for standard in fields:
                if not has_field(value, standard) and cat not in unusable:
                    unusable[cat] = ([f"{role}.{standard}"], missing_field_error(value, role, standard))
    return unusable


def _zero_notes(run: list, claims: list, cats: np.ndarray, L: dict) -> dict:
    """{category: warning} for each category that found 0 亩, saying whether its input matched nothing."""
    notes = {}
    for cat, claim in zip(run, claims):
        if (cats == cat).any():
            continue
        name = BY_ID[cat].name_zh
        roles = [r for r in BY_ID[cat].needs if r != "DLTB"] or ["DLTB"]
        counts = ", ".join(f"{r} {len(L[r])}" for r in roles if r in L)
        if len(claim.geoms) == 0:
            notes[cat] = (zh("Warning: {category} is 0 mu because its input matched nothing ({counts} features): "
                            "{hint}. If land was expected, check the layer, its field mapping and its values.")
                         .format(category=name, counts=counts, hint=zh(ZERO_HINTS[cat])))
        else:
            notes[cat] = (zh("Warning: {category} is 0 mu: all of its {count} candidates lie on hard constraints, "
                            "on land a category before it claimed, or on land the survey shows built.")
                         .format(category=name, count=len(claim.geoms)))
    return notes


def _load(inputs: dict, target, grid: float, needed: set, progress, deferred=(), run=(), rows=None) -> dict:
    """The needed role layers, repaired; the ``deferred`` ones (hard constraints) are read later.

    Big layers are read with only the columns the categories in ``run`` use; ``rows``: {role: the SQL
    condition or the feature ids choosing the rows of one part of a big area} (see :mod:`.tiled`).
    """
    used = dict(USED_FIELDS)
    used["DLTB"] = USED_FIELDS["DLTB"] + tuple(f for c in run for f in DLTB_FIELDS_BY_CATEGORY.get(c, ()))
    loaded = {}
    for k, role in enumerate(LOAD_ORDER):
        value = inputs.get(role)
        if value is None or role not in needed or role in deferred:
            continue
        keep = None
        if role in ("ZD", "ZRZ"):  # only the parcels (and their buildings) of industrial enterprises
            if "GYQY" not in loaded:
                continue
            keep = ("ZDDM", set(text(loaded["GYQY"].col("ZDDM"))))
        if isinstance(value, LayerInput) and role in used:  # big layers: only the columns used
            value = dataclasses.replace(value, mapping={k: v for k, v in value.mapping.items() if k in used[role]})
        fids = _reachable_patches(value, target, loaded, run, grid) if role == "DLTB" else None
        reached = fids is not None  # the categories' layers chose the patches read
        pick = (rows or {}).get(role)
        if pick is not None and not isinstance(pick, str):
            fids = np.asarray(pick, dtype=np.int64) if fids is None else np.intersect1d(fids, pick)
        arr = load_input(value, target, keep, inspect=True, fids=fids, where=pick if isinstance(pick, str) else None) \
            if isinstance(value, LayerInput) else value
        if keep is not None:
            arr = arr.take(np.flatnonzero(isin(text(arr.col("ZDDM")), keep[1])))
        loaded[role] = _prepare(arr, grid, polygons=role != "GYQY")
        if reached:
            loaded[role].reached_by = sorted({REACH[c] for c in run if REACH[c] in loaded})
        progress(2 + 28 * (k + 1) / len(ROLES), zh("Read {role}: {count} features").format(
            role=role, count=len(loaded[role])))
    return loaded


def _reachable_patches(value, target, loaded: dict, run, grid: float) -> Optional[np.ndarray]:
    """Feature ids of the DLTB rows the categories in ``run`` can reach, or None to read them all.

    When every category is a spatial one (its land lies on the features of one layer:
    approvals, supplies, enterprise parcels, boundary zones), only the patches whose box meets
    one of those features can take part; a GeoPackage's R-tree finds them without reading the
    others. Attribute-based categories (reclamation, cropland recovery) need every patch.
    """
    if not run or any(c not in REACH for c in run) or not isinstance(value, LayerInput) or not value.gpkg:
        return None
    if target is not None and target.isValid() and value.crs != target:
        return None
    feats = [loaded[REACH[c]].geoms for c in run if REACH[c] in loaded and len(loaded[REACH[c]])]
    if not feats:
        return None
    return gpkg_ids_near(*value.gpkg, shapely.STRtree(np.concatenate(feats)), grid)


@dataclass
class Snapped:
    """What :func:`_snap_involved` prepared for the categories and the precedence step."""

    overlaps: Overlaps  # pairs of the overlay layers with the patches as read
    snapped: np.ndarray  # mask: the patch was put on the grid (it is no longer the geometry read)
    constraints: tuple  # (hard-constraint pieces, their DLTB patch index)


def _snap_involved(L: dict, rules: Rules, run: list, grid: float, deferred: dict, target) -> Snapped:
    """Snap the DLTB patches a category can claim that some boundary cuts; cut the hard constraints by them.

    The ``deferred`` hard-constraint inputs are read here, only near the involved patches (a
    county's basic-farmland layer has ~100,000 features; a few thousand matter), and added to ``L``.
    """
    dltb = L["DLTB"]
    overlaps = Overlaps(dltb.geoms, None if dltb.inspection is None else dltb.inspection.bounds)
    involved = np.zeros(len(dltb), dtype=bool)
    for cat, role in REACH.items():
        if cat in run and role in L and len(L[role]):
            hit = np.zeros(len(dltb), dtype=bool)
            hit[overlaps.reach(role, L[role].geoms).patch] = True
            involved |= hit & ~construction_mask(text(dltb.col("DLBM"))) if cat == "boundary" else hit
    if "recovery" in run:
        involved |= isin(text(dltb.col("ZZSXDM")), rules.sections["recovery"]["zzsxdm_codes"])
    if "linkage" in run:
        sec = rules.sections["linkage"]
        dlbm = text(dltb.col("DLBM"))
        involved |= isin(text(dltb.col("CZCSXM")), sec["czcsxm_codes"])
        involved |= np.asarray([d.startswith(tuple(sec["landuse_codes"])) for d in dlbm], dtype=bool)
    idx = np.flatnonzero(involved)
    # snap only the involved patches some boundary cuts (a category source or a hard constraint):
    # a patch that every such geometry misses or properly contains goes through no overlay
    dltb.geoms = dltb.geoms.copy()
    cut = np.zeros(len(dltb), dtype=bool)
    for role in CUTTING:
        if role in L and len(L[role]) and len(idx):
            cut[overlaps.reach(role, L[role].geoms).crossing] = True
    cut &= involved
    done = cut.copy()
    tree_idx = shapely.STRtree(overlaps.patches[idx]) if len(idx) else None
    # the hard constraints near the involved patches are read (SQLite, OGR, WKB) while those are snapped (GEOS);
    # the reading thread is given the patches' boxes and otherwise reads only the tree's own (built above), so
    # no geometry is used by two threads
    near = None
    if tree_idx is not None and deferred:
        boxes = overlaps.bounds[idx] if overlaps.bounds is not None else shapely.bounds(overlaps.patches[idx])
        near = background(lambda: {role: _prepare(load_near(value, target, tree_idx, grid, boxes), grid)
                                   for role, value in deferred.items()})
    try:
        dltb.geoms[done] = snap(dltb.geoms[done], grid)
    finally:
        if near is not None:  # never leave the reader running (or its error unseen) when snapping fails
            wait([near])
    if near is not None:
        L.update(near.result())
    cons_all, whole, twins, overlaid, cutting = {}, {}, {}, {}, {}
    involved_patch = np.zeros(len(dltb), dtype=bool)
    involved_patch[idx] = True
    for role in rules.hard_constraints:
        if role in L and len(L[role]) and len(idx):
            # a feature that is a copy of a DLTB patch (basic farmland) covers that patch whole and,
            # the patches being a partition, only touches the others: no predicate, no overlay
            twins[role] = twin = identical_in(L[role].geoms, overlaps.patches, overlaps.bounds)
            others = np.flatnonzero(twin < 0)
            inside, crossing, _meeting, feats = _inside_or_crossing(L[role].geoms[others], dltb.geoms, idx, tree_idx,
                                                                    grid)
            cutting[role] = others[feats]
            # a patch properly inside a red line is constrained whole, like a copy: only the patches its
            # boundary cuts go through an overlay, with the parts of the features that cut them
            whole[role] = np.union1d(twin[(twin >= 0) & involved_patch[np.maximum(twin, 0)]], inside)
            overlaid[role] = crossing
            near = shapely.STRtree(overlaps.patches[crossing]) if len(crossing) else None
            cons_all[role] = _constraint_parts(L[role].geoms[cutting[role]], role, grid, near) if near is not None \
                else np.zeros(0, dtype=object)
            cut[crossing] = True
    second = np.flatnonzero(cut & ~done)
    if len(second):
        dltb.geoms[second] = snap(dltb.geoms[second], grid)
        # a constraint a patch reaches (or reaches differently) once snapped; it moved by less than the grid, so
        # what parts cut only near the crossing patches may miss is a sliver under one grid cell wide
        for role in cons_all:
            found, where = pairs(L[role].geoms, dltb.geoms[second])
            real = twins[role][found] < 0
            new = np.setdiff1d(found[real], cutting[role])  # features with no parts yet
            if len(new):
                more = _constraint_parts(L[role].geoms[new], role, grid, tree_idx)
                cons_all[role] = np.concatenate([cons_all[role], more])
                cutting[role] = np.union1d(cutting[role], new)
            overlaid[role] = np.union1d(overlaid[role], second[where[real]])
    # hard constraints cut by the involved patches once: later subtractions are per patch
    cons_g, cons_p = [np.zeros(0, dtype=object)], [np.zeros(0, dtype=np.intp)]
    for role, cons in cons_all.items():
        rest = np.setdiff1d(overlaid[role], whole[role])
        ip, _ic, piece = intersect_pairs(dltb.geoms[rest], cons, grid)
        cons_g.append(piece)
        cons_p.append(rest[ip])
        cons_g.append(dltb.geoms[whole[role]])  # the patch itself, as it is now (snapped or not)
        cons_p.append(whole[role])
    return Snapped(overlaps, cut, (np.concatenate(cons_g), np.concatenate(cons_p)))


def _inside_or_crossing(feats: np.ndarray, patches: np.ndarray, idx: np.ndarray, tree, grid: float = 0.0) -> tuple:
    """How the features of a hard-constraint layer meet the involved patches ``idx`` of ``patches`` (as they are
    now, snapped or not; ``tree`` holds their boxes as read, so the features' boxes are grown by ``grid``).

    Returns (patches some feature properly contains, patches some feature's boundary meets and none contains,
    features that meet an involved patch, features whose boundary meets one of the second kind). Each
    feature is prepared once per thread; a patch is tested by the features whose box meets its box:
    intersects, then contains_properly on the pairs that intersect (:func:`.geomops.meets_holds`).
    """
    empty = np.zeros(0, dtype=np.intp)
    if len(feats) == 0 or len(idx) == 0:
        return empty, empty, empty, empty
    b = shapely.bounds(feats)
    fo, fp = query(tree, shapely.box(b[:, 0] - grid, b[:, 1] - grid, b[:, 2] + grid, b[:, 3] + grid))
    how = meets_holds(feats[fo], patches[idx[fp]])  # each feature prepared once per thread
    meet = how != DISJOINT
    fo, fp, inner = fo[meet], fp[meet], how[meet] == HOLDS
    inside = np.unique(idx[fp[inner]])
    edge = ~inner & ~np.isin(idx[fp], inside)
    return inside, np.unique(idx[fp[edge]]), np.unique(fo), np.unique(fo[edge])


def _constraint_parts(cons: np.ndarray, role: str, grid: float, near) -> np.ndarray:
    """Hard-constraint geometries cut into small parts, on the grid, where they come ``near`` patches.

    Parts of big polygons come out of :func:`subdivide` snap-rounded (only those near a
    geometry in the STRtree ``near``); geometries small enough to stay whole are snapped here
    (unless snapped on loading).
    """
    small = shapely.get_num_coordinates(cons) <= SUBDIVIDE_MAX
    whole = cons[small] if role in SNAP_ALL else snap(cons[small], grid)
    return np.concatenate([whole, subdivide(cons[~small], SUBDIVIDE_MAX, grid=grid, near=near)])


def _disabled(requested: list, loaded: dict) -> dict:
    out = {}
    for cat in requested:
        missing = [r for r in BY_ID[cat].needs if r not in loaded]
        if missing:
            out[cat] = missing
    return out


def _claims(cat: str, L: dict, rules: Rules, day, grid: float, villages, notes: list, prepared: Snapped):
    dltb = L["DLTB"]
    if cat == "unsupplied":
        return cat_supply.unsupplied(L["PZYD"], L.get("GYYD"), rules, day, grid)
    if cat == "idle":
        return cat_supply.idle(L["GYYD"], dltb, rules, day)
    if cat == "inefficient":
        return cat_industrial.inefficient(L["GYQY"], L["ZD"], L.get("ZRZ"), rules)
    if cat == "linkage":
        marked, extra = cat_rural.marked_villages(rules, villages, L.get("CJDCQ"))
        notes.extend(extra)
        if not marked:
            notes.append(zh("Reclamation potential found nothing because no village is marked for relocation or "
                            "merger: list village codes in the panel or in the rules (linkage.village_codes), or "
                            "classify the villages in the CZFL field of the village layer (CJDCQ)."))
        return cat_rural.linkage(dltb, L["CZKFBJ"], rules, marked, grid)
    if cat == "boundary":
        reach = prepared.overlaps.reach("CZKFBJ", L["CZKFBJ"].geoms)
        return cat_boundary.boundary(dltb, L["CZKFBJ"], rules, grid, reach, prepared.snapped)
    return cat_rural.recovery(dltb, rules)


def _names(L: dict) -> tuple[dict, dict]:
    towns, villages = {}, {}
    if "XZQ" in L:
        towns = {c[:9]: n for c, n in zip(text(L["XZQ"].col("XZQDM")), text(L["XZQ"].col("XZQMC"))) if c}
    dltb = L["DLTB"]
    uniques, codes = factorize(text(dltb.col("ZLDWDM")))
    names = text(dltb.col("ZLDWMC"))
    _seen, first = np.unique(codes, return_index=True)  # each code's first row, in code order = row order
    for c, i in zip(uniques, first.tolist()):
        villages.setdefault(c[:12], names[i])
    if "CJDCQ" in L:
        villages.update({c[:12]: n for c, n in zip(text(L["CJDCQ"].col("ZLDWDM")), text(L["CJDCQ"].col("ZLDWMC")))
                         if c})
    return towns, villages


def _release(L: dict, prepared: Snapped, inputs: dict) -> None:
    """Let go of the geometries read here a chunk at a time: freeing a county's patches at once holds
    Python's lock for a quarter of a second (the window would freeze when the run ends). Arrays a
    caller passed in (LayerArrays) are left alone."""
    ours = [role for role in L if isinstance(inputs.get(role), LayerInput)]
    arrays = [L[role].geoms for role in ours] + ([prepared.overlaps.patches] if "DLTB" in ours else [])
    prepared.overlaps._tree = None
    prepared.overlaps._cache.clear()
    for geoms in arrays:
        for start in range(0, len(geoms), 20000):
            geoms[start:start + 20000] = None
            time.sleep(0)  # the other threads (the window) run between chunks


def run_analysis(inputs: dict, rules: Rules, categories=None, villages=(), feedback=None,
                 crs=None, rows: Optional[dict] = None) -> AnalysisResult:
    """Run the enabled ``categories`` (default: all enabled in ``rules``) on the role ``inputs``.

    ``crs`` (a QgsCoordinateReferenceSystem) is needed only when the inputs are LayerArrays.
    ``rows``: {role: an SQL condition or feature ids}: only those rows (one part of a city, :mod:`.tiled`).
    """
    with gc_paused():
        return _run(inputs, rules, categories, villages, feedback, crs, rows)


def _run(inputs: dict, rules: Rules, categories, villages, feedback, crs, rows: Optional[dict]) -> AnalysisResult:
    started = time.perf_counter()
    seconds = {}
    progress = _Progress(feedback)
    if inputs.get("DLTB") is None:
        raise LandOfficeError("The land-use patch layer (DLTB) is missing: every potential-land category needs it. "
                              "Choose the DLTB layer.")
    dltb_in = inputs["DLTB"]
    target = working_crs(dltb_in) if isinstance(dltb_in, LayerInput) else crs
    grid = rules.snap_grid
    progress(1, zh("Reading the layers"))
    requested = [c for c in rules.precedence if (categories is None or c in categories) and rules.enabled(c)]
    unusable = _preflight(inputs, requested)
    requested_all, requested = requested, [c for c in requested if c not in unusable]
    needed = _needed(requested, rules)
    used = _needed(requested, rules, constraints=False)
    deferred = {r: inputs[r] for r in rules.hard_constraints if inputs.get(r) is not None and r not in used}
    L = _load(inputs, target, grid, needed, progress, deferred, requested, rows)
    seconds["load"] = time.perf_counter() - started
    dltb_read = L["DLTB"]
    if len(dltb_read) == 0 and not dltb_read.reached_by:
        raise LandOfficeError("The land-use patch layer (DLTB) '{layer}' has no patches with an area ({dropped} "
                              "features without geometry or area): every category needs them. Choose the layer "
                              "that holds the patches.", layer=dltb_read.name, dropped=dltb_read.dropped_empty)
    notes = []
    disabled = _disabled(requested, L)
    for cat, missing in disabled.items():
        notes.append(zh("{category} was not analysed: layer {roles} is missing.").format(
            category=BY_ID[cat].name_zh, roles=", ".join(missing)))
    for cat in requested_all:
        if cat in unusable:
            disabled[cat] = unusable[cat][0]
            notes.append(zh("{category} was not analysed: {problem}").format(
                category=BY_ID[cat].name_zh, problem=unusable[cat][1].message_zh))
    run = [c for c in requested if c not in disabled]
    if "boundary" in run:
        cat_boundary.zone_codes(L["CZKFBJ"], rules)  # no zone of the chosen types at all: an error, before the work
    if "idle" in run and L["GYYD"].has("YDKGRQ"):  # no contracted start that is a date: an error listing them
        check_dates("GYYD", "YDKGRQ", L["GYYD"].col("YDKGRQ"), L["GYYD"].name, inputs["GYYD"].mapping.get(
            "YDKGRQ", "") if isinstance(inputs["GYYD"], LayerInput) else "")
    if L["DLTB"].reached_by:
        notes.append(zh("Only the {count} DLTB patches that {roles} reach were examined (the chosen categories "
                        "cannot claim the others); the township reconciliation covers those patches.").format(
            count=len(L["DLTB"]), roles=", ".join(L["DLTB"].reached_by)))
    for role in rules.hard_constraints:
        if role not in L and role not in deferred:
            notes.append(zh("Hard constraint layer {role} is missing: its land could not be excluded. "
                            "Add the layer and run again.").format(role=role))
    day = np.datetime64(rules.data_date, "D")
    t0 = time.perf_counter()
    prepared = _snap_involved(L, rules, run, grid, deferred, target)
    seconds["snap"] = time.perf_counter() - t0
    for role, arr in L.items():
        if arr.repaired:
            notes.append(zh("{role}: {count} invalid geometries were repaired (make_valid).").format(
                role=role, count=arr.repaired))
        if arr.dropped_empty:
            notes.append(zh("{role}: {count} features without area were left out.").format(
                role=role, count=arr.dropped_empty))
        if arr.crs_from:
            notes.append(zh("{role} was reprojected from {crs} to the working CRS {target}.").format(
                role=role, crs=arr.crs_from, target=target.authid()))
    t0 = time.perf_counter()
    claims = []
    for k, cat in enumerate(run):
        claims.append(_claims(cat, L, rules, day, grid, villages, notes, prepared))
        progress(30 + 25 * (k + 1) / max(len(run), 1), zh("Category {name}: {count} candidates").format(
            name=BY_ID[cat].name_zh, count=len(claims[-1].geoms)))
    seconds["categories"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    dltb = L["DLTB"]
    found = {cat: (prepared.overlaps.reach(REACH[cat], L[REACH[cat]].geoms), L[REACH[cat]].geoms) for cat in run
             if cat in REACH and REACH[cat] in L and cat != "boundary"}
    pieces = merge(claims, dltb.geoms, prepared.constraints, grid, rules.min_piece_m2,
                   progress=lambda i, n: progress(55 + 25 * i / max(n, 1)), found=found, snapped=prepared.snapped)
    seconds["precedence"] = time.perf_counter() - t0
    zero = _zero_notes(run, claims, pieces["cat"], L)
    notes.extend(zero.values())
    t0 = time.perf_counter()
    epsg_crs = target if target is not None else None
    insp = dltb.inspection  # of the patches as read: areas of the untouched ones to ~1e-6 (quick)
    patch_area = ellipsoidal_areas(dltb.geoms, epsg_crs or 4549, quick=True,
                                   planar=None if insp is None else insp.planar,
                                   bounds=None if insp is None else insp.bounds)
    claimed = np.unique(pieces["patch"])  # measured exactly: their pieces and leftovers are
    if len(claimed):
        patch_area[claimed] = ellipsoidal_areas(dltb.geoms[claimed], epsg_crs or 4549)
    whole = whole_patch(dltb.geoms, pieces["geoms"], pieces["patch"])  # a patch measured once
    areas = patch_area[pieces["patch"]].astype(float)
    if (~whole).any():
        areas[~whole] = ellipsoidal_areas(pieces["geoms"][~whole], epsg_crs or 4549)
    touched, rest = leftover(dltb.geoms, pieces["geoms"], pieces["patch"], grid)
    rest_area = patch_area.copy()
    rest_area[touched] = ellipsoidal_areas(rest, epsg_crs or 4549) if len(rest) else 0.0
    progress(90, zh("Areas and summary"))
    towns, village_names = _names(L)
    zl = text(dltb.col("ZLDWDM"))
    patch_town, patch_village = prefix(zl, 9), prefix(zl, 12)
    p = pieces["patch"]
    rows = {
        "geoms": pieces["geoms"], "category": pieces["cat"],
        "category_zh": np.asarray([BY_ID[c].name_zh for c in pieces["cat"]], dtype=object),
        "reason": pieces["reasons"], "town_code": patch_town[p],
        "town_name": np.asarray([towns.get(t, "") for t in patch_town[p]], dtype=object),
        "village_code": patch_village[p],
        "village_name": np.asarray([village_names.get(v, "") for v in patch_village[p]], dtype=object),
        "area_m2": areas, "area_mu": m2_to_mu(areas), "years": pieces["years"],
        "source_ids": np.asarray([f"{s};DLTB:{dltb.fids[i]}" if f"DLTB:{dltb.fids[i]}" not in s else s
                                  for s, i in zip(pieces["sources"], p)], dtype=object),
    }
    summary = summarise(rows)
    recon = reconcile(rows, patch_town, patch_area, rest_area, towns)
    seconds["areas"] = time.perf_counter() - t0
    seconds["total"] = time.perf_counter() - started
    worst = max((abs(r["residual_m2"]) for r in recon), default=0.0)
    get_logger().info("Potential land: %d pieces in %.1f s; largest reconciliation residual %.3f m²",
                      len(areas), seconds["total"], worst)
    progress(100)
    clear_text_cache()
    clear_mask_cache()
    _release(L, prepared, inputs)
    crs_wkt = target.toWkt() if target is not None else ""
    return AnalysisResult(epsg=(target.postgisSrid() if target is not None else None), crs_wkt=crs_wkt, rows=rows,
                          summary=summary, reconciliation=recon, notes=notes,
                          repaired={r: a.repaired for r, a in L.items()},
                          reprojected={r: a.crs_from for r, a in L.items() if a.crs_from},
                          categories_run=run, categories_disabled=disabled, rules=rules, seconds=seconds,
                          examined=len(dltb), examined_by=list(dltb.reached_by), zero_notes=zero)


__all__ = ["AnalysisResult", "run_analysis", "ROLES", "CATEGORY_IDS"]
