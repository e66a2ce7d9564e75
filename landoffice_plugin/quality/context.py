"""What every check reads: the role layers as arrays in one projected CRS, repaired, with their areas.

Layers are read once through the data door (:mod:`analysis.loading`: the field map, Arrow reads of
GeoPackages, standard codes); invalid geometries are kept as read for the geometry rule and
repaired (:func:`analysis.geomops.repair`) for every overlay.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import shapely

from landoffice_plugin.analysis.geomops import repair
from landoffice_plugin.analysis.loading import LayerArrays, load_input, numbers, working_crs
from landoffice_plugin.core.area import ellipsoidal_areas
from landoffice_plugin.core.crs import epsg_code

# the key shown for a feature of each role (its identifier in the office's own system)
KEY_FIELD = {"DLTB": "BSM", "YJJBNTTB": "BSM", "ZD": "ZDDM", "CJDCQ": "ZLDWDM", "XZQ": "XZQDM", "PZYD": "PZWH",
             "GYYD": "DZJGH", "ZRZ": "ZRZH"}
# standard fields each role is read with (the rest of the layer is not read)
FIELDS = {
    "DLTB": ("BSM", "DLBM", "DLMC", "QSXZ", "QSDWDM", "ZLDWDM", "ZLDWMC", "TBMJ", "KCXS", "KCMJ", "TBDLMJ",
             "GDPDJB", "GDLX", "KCDLBM", "ZZSXDM", "CZCSXM", "TBXHDM"),  # the last five: dltb_mergeable compares them
    "CJDCQ": ("ZLDWDM", "ZLDWMC", "DCMJ"), "XZQ": ("XZQDM", "XZQMC", "DCMJ"), "YJJBNTTB": ("BSM", "JBNTTBBH", "DLBM"),
    "ZD": ("ZDDM", "BDCDYH"), "ZRZ": ("ZRZH", "ZDDM"), "PZYD": ("PZWH",), "GYYD": ("DZJGH",),
}


@dataclass
class RoleData:
    arrays: LayerArrays
    raw: np.ndarray  # geometries as read (for the geometry rule)
    geoms: np.ndarray  # repaired
    valid: np.ndarray
    _area: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.geoms)

    def col(self, name: str) -> np.ndarray:
        return self.arrays.col(name)

    def has(self, name: str) -> bool:
        return self.arrays.has(name)

    def text(self, name: str) -> np.ndarray:
        """Column ``name`` as stripped text ('' for NULL)."""
        out = np.empty(len(self), dtype=object)
        out[:] = ["" if v is None else str(v).strip() for v in self.col(name).tolist()]
        return out

    def number(self, name: str) -> np.ndarray:
        return numbers(self.col(name))

    def keys(self) -> np.ndarray:
        key = KEY_FIELD.get(self.arrays.role)
        if key and self.has(key):
            return self.text(key)
        return np.asarray([str(f) for f in self.arrays.fids], dtype=object)


@dataclass
class Context:
    crs: object  # QgsCoordinateReferenceSystem the checks run in
    epsg: int
    grid: float
    roles: dict = field(default_factory=dict)  # role -> RoleData
    cache: dict = field(default_factory=dict)  # results two rules share (DLTB overlaps)

    def __contains__(self, role: str) -> bool:
        return role in self.roles

    def __getitem__(self, role: str) -> RoleData:
        return self.roles[role]

    def areas(self, role: str) -> np.ndarray:
        """Ellipsoidal areas (m², CGCS2000) of the repaired geometries of ``role`` (computed once)."""
        data = self.roles[role]
        if data._area is None:
            data._area = np.nan_to_num(ellipsoidal_areas(data.geoms, self.epsg))
        return data._area

    def measure(self, geoms) -> np.ndarray:
        return np.nan_to_num(ellipsoidal_areas(np.asarray(geoms, dtype=object), self.epsg))


def load_context(inputs: dict, grid: float, crs=None) -> Context:
    """Read each role input (``{role: LayerInput}``) into a :class:`Context`, in ``crs`` (default: the working CRS
    of the DLTB layer)."""
    crs = crs if crs is not None else working_crs(inputs["DLTB"])
    ctx = Context(crs, epsg_code(crs) or 0, grid)
    for role, inp in inputs.items():
        wanted = FIELDS.get(role, ())
        mapping = {std: actual for std, actual in inp.mapping.items() if std in wanted}
        arrays = load_input(replace(inp, mapping=mapping, values={k: v for k, v in inp.values.items()
                                                                    if k in mapping}), crs)
        raw = np.asarray(arrays.geoms, dtype=object)
        present = ~shapely.is_missing(raw)
        valid = np.zeros(len(raw), dtype=bool)
        valid[present] = shapely.is_valid(raw[present])
        geoms, _ = repair(raw, valid | ~present)
        ctx.roles[role] = RoleData(arrays, raw, geoms, valid | ~present)
    return ctx
