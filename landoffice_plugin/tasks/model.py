"""Tasks from red lights and change clues: the RWTB fields, the statuses, one task per problem.

A task's **source key** (``LYBS``) names the problem — the rule and the features of a red light,
the patch codes and classes of a change clue — so publishing the same check twice creates nothing
new. Its id is derived from that key (UUID 5), so a publish whose answer was lost is recognised by
reading the id back. Its number (``RWBH``) is readable: kind letter, township, a short hash.

Geometry: the problem's polygon in the data centre's storage CRS; a point or line problem (a
self-intersection, a gap's edge) becomes a 5 m buffer, so every task has an area to walk to.
"""
from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field

from ..core.errors import LandOfficeError

COLLECTION = "RWTB"
OPEN, CHECKED, FIXED = "待核查", "已核查", "已整改"
STATUSES = (OPEN, CHECKED, FIXED)
QUALITY, CLUE = "质检", "疑似违法"
KIND_LETTER = {QUALITY: "ZJ", CLUE: "WF"}
POINT_BUFFER_M = 5.0
_NAMESPACE = uuid.UUID("6f0c4d1e-2a57-4f3b-9a51-4c8d2b1e7a90")

# (field, type, length, Chinese alias) — the RWTB schema of the data centre (.ci/datacentre/schema.sql)
FIELDS = (
    ("RWBH", "text", 30, "任务编号"), ("RWLX", "text", 10, "任务类型"), ("RWYY", "text", 500, "核查事由"),
    ("XZDM", "text", 9, "乡镇代码"), ("CJDM", "text", 12, "村代码"), ("LYBS", "text", 254, "来源标识"),
    ("ZT", "text", 10, "状态"), ("HCJG", "text", 500, "核查结果"), ("HCRY", "text", 50, "核查人员"),
    ("HCRQ", "text", 10, "核查日期"), ("MJ", "double", 2, "面积（平方米）"),
)
FIELD_NAMES = tuple(f[0] for f in FIELDS)
ALIASES = {f[0]: f[3] for f in FIELDS}
READ_ONLY = ("RWBH", "RWLX", "RWYY", "XZDM", "CJDM", "LYBS", "MJ")  # set by the office, not in the field


@dataclass
class Task:
    key: str  # LYBS
    kind: str
    reason: str
    township: str
    village: str = ""
    area_m2: float = 0.0
    geom: bytes | None = None  # WKB (MultiPolygon) in the storage CRS
    status: str = OPEN
    props: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(uuid.uuid5(_NAMESPACE, self.key))

    @property
    def number(self) -> str:
        digest = hashlib.sha1(self.key.encode("utf-8")).hexdigest()[:8]
        return f"{KIND_LETTER.get(self.kind, 'RW')}-{self.township or '000000000'}-{digest}"

    def properties(self) -> dict:
        return {"RWBH": self.number, "RWLX": self.kind, "RWYY": self.reason[:500], "XZDM": self.township,
                "CJDM": self.village, "LYBS": self.key[:254], "ZT": self.status, "HCJG": None, "HCRY": None,
                "HCRQ": None, "MJ": round(self.area_m2, 2)}


def _key(*parts) -> str:
    text = ":".join(str(p or "") for p in parts)
    if len(text) <= 254:
        return text
    return text[:200] + "#" + hashlib.sha1(text.encode("utf-8")).hexdigest()


def _text(feature, name) -> str:
    index = feature.fields().indexOf(name)
    if index < 0:
        return ""
    value = feature.attribute(index)
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value).strip()


def _number(feature, name) -> float:
    try:
        return float(_text(feature, name) or 0.0)
    except ValueError:
        return 0.0


def _severity(value: str) -> str:
    """The red-light layer stores the severity in Chinese (错误 / 警告); the rules file in English."""
    from ..quality.rules import SEVERITY_ZH

    names = {zh: en for en, zh in SEVERITY_ZH.items()}
    return names.get(value, value)


def kind_of(fields) -> str:
    """Which producer made a layer: the red-light layer of 质检 or the clue layer of 年度变更."""
    names = set(fields.names())
    if {"rule", "message"} <= names:
        return QUALITY
    if {"from_code", "to_code", "evidence"} <= names:
        return CLUE
    raise LandOfficeError("The layer is neither a red-light layer (landoffice:qualitycheck: fields rule, message) "
                          "nor a clue layer (landoffice:landusechange: fields from_code, to_code, evidence): "
                          "give one of those outputs.")


def tasks_from_layer(source, storage_epsg: int = 4549, severities=("error", "warning"), feedback=None):
    """(tasks, skipped) from a red-light or clue layer (any CRS: geometries go to the storage CRS).

    ``skipped``: (reason, count) of features left out — red lights of another severity, features
    without geometry, duplicates of a problem already listed.
    """
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    from ..core.area import distance_area

    kind = kind_of(source.fields())
    target = QgsCoordinateReferenceSystem(f"EPSG:{storage_epsg}")
    transform = QgsCoordinateTransform(source.sourceCrs(), target, QgsProject.instance())
    measure = distance_area(target)
    tasks, seen, skipped = [], set(), {}
    for feature in source.getFeatures():
        if feedback is not None and feedback.isCanceled():
            break
        if kind == QUALITY and severities and _severity(_text(feature, "severity")) not in \
                {_severity(s) for s in severities}:
            skipped["severity"] = skipped.get("severity", 0) + 1
            continue
        geom = feature.geometry()
        if geom is None or geom.isEmpty():
            skipped["no geometry"] = skipped.get("no geometry", 0) + 1
            continue
        geom = geom.__class__(geom)
        geom.transform(transform)
        if geom.type() != 2:  # a point or a line problem: an area to walk to
            geom = geom.buffer(POINT_BUFFER_M, 8)
        geom.convertToMultiType()
        if kind == QUALITY:
            layer, rule = _text(feature, "layer"), _text(feature, "rule")
            key = _key("QC", rule, layer, _text(feature, "keys") or _text(feature, "fids"))
            reason = f"{_text(feature, 'title')}：{_text(feature, 'message')}".strip("：")
            village = _text(feature, "village_code")
            township = _text(feature, "town_code") or village[:9]
        else:
            centre = geom.pointOnSurface().asPoint()
            key = _key("CL", _text(feature, "old_bsm"), _text(feature, "new_bsm"), _text(feature, "from_code"),
                       _text(feature, "to_code"), f"{centre.x():.0f},{centre.y():.0f}")
            reason = (f"{_text(feature, 'from_code')} {_text(feature, 'from_name')} → {_text(feature, 'to_code')} "
                      f"{_text(feature, 'to_name')}；{_text(feature, 'evidence')}")
            village = _text(feature, "village_code")
            township = village[:9]
        if key in seen:
            skipped["duplicate"] = skipped.get("duplicate", 0) + 1
            continue
        seen.add(key)
        area = measure.measureArea(geom)
        tasks.append(Task(key, kind, reason, township, village, area, bytes(geom.asWkb())))
    return tasks, sorted(skipped.items())


def tasks_without_township(tasks) -> int:
    return sum(1 for t in tasks if len(t.township) != 9 or not t.township.isdigit())
