"""What an import source holds (layers, roles, problems) and what an import did, as plain data.

Every text method takes ``tr`` so the same report reads in the UI language (default) or in
Chinese whatever the UI language (pass :func:`landoffice_plugin.i18n.zh`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.roles import RoleMatch, role_names_zh
from landoffice_plugin.i18n import tr

from .encoding import describe_detection

# problem kinds
UNREADABLE, NO_CRS, NOT_CGCS2000, MISSING_FIELDS, DUPLICATE_ROLE, NO_LAYERS = (
    "unreadable", "no_crs", "not_cgcs2000", "missing_fields", "duplicate_role", "no_layers")


@dataclass
class Problem:
    """Something wrong in the source: a kind, where, and a message that says what to do."""

    kind: str
    error: LandOfficeError
    source: str = ""
    layer: str = ""

    @property
    def message(self) -> str:
        return self.error.message

    def message_in(self, tr=tr) -> str:
        return tr(self.error.template).format(**self.error.kwargs)


@dataclass
class SourceLayer:
    """One layer found in the source."""

    source: str               # the .gpkg / .gdb / .shp / .dbf it lives in
    name: str                 # its name there
    uri: str                  # QGIS 'ogr' provider URI
    geometry: str             # 'polygon', 'line', 'point', 'none' or 'unknown'
    feature_count: int
    crs: str                  # authid ('' when none)
    crs_description: str = ""
    encoding: Optional[str] = None      # shapefiles / dbf only
    encoding_how: Optional[str] = None
    fields: list = field(default_factory=list)
    match: Optional[RoleMatch] = None
    readable: bool = True

    @property
    def role_id(self) -> Optional[str]:
        return self.match.role_id if self.match else None


@dataclass
class SourceReport:
    """Every layer of an import source, the roles found and missing, and the problems."""

    path: str
    layers: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    roles_found: dict = field(default_factory=dict)    # role_id -> SourceLayer used for it
    roles_missing: list = field(default_factory=list)  # role ids, in roles.json order

    @property
    def roles_found_zh(self) -> list:
        return role_names_zh(self.roles_found)

    @property
    def roles_missing_zh(self) -> list:
        return role_names_zh(self.roles_missing)

    def problems_of(self, kind: str) -> list:
        return [p for p in self.problems if p.kind == kind]

    def lines(self, tr=tr) -> list:
        """The report as text lines (``tr=i18n.zh`` for Chinese)."""
        kinds = {"polygon": tr("polygon"), "line": tr("line"), "point": tr("point"),
                 "none": tr("table (no geometry)"), "unknown": tr("unknown geometry")}
        out = [tr("Source: {path}").format(path=self.path)]
        for layer in self.layers:
            if not layer.readable:
                continue
            text = tr("Layer {name} ({source}): {geometry}, {count} features, CRS {crs}").format(
                name=layer.name, source=layer.source, geometry=kinds.get(layer.geometry, layer.geometry),
                count=layer.feature_count, crs=layer.crs or tr("none"))
            if layer.encoding:
                text += "; " + tr("encoding {encoding} ({how})").format(
                    encoding=layer.encoding, how=describe_detection(layer.encoding_how, tr))
            if layer.match is not None:
                text += "; " + tr("role {role}, because {reason}").format(
                    role=layer.match.role.name_zh, reason=layer.match.reason_in(tr))
            else:
                text += "; " + tr("no role recognised")
            out.append(text)
        out.append(tr("Roles found: {roles}").format(roles="、".join(self.roles_found_zh) or tr("none")))
        out.append(tr("Roles missing: {roles}").format(roles="、".join(self.roles_missing_zh) or tr("none")))
        if self.problems:
            out.append(tr("Problems ({count}):").format(count=len(self.problems)))
            out.extend(f"- {p.message_in(tr)}" for p in self.problems)
        return out


@dataclass
class WrittenLayer:
    name: str            # table name in the output GeoPackage
    role_id: Optional[str]
    source: str
    source_layer: str
    source_crs: str
    feature_count: int
    renamed: dict = field(default_factory=dict)  # source field -> standard field


@dataclass
class ImportResult:
    """The report, where the data went, and what was written."""

    report: SourceReport
    output: Optional[str]
    target_crs: str
    written: list = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def roles_found(self) -> list:
        return list(self.report.roles_found)

    @property
    def roles_missing(self) -> list:
        return list(self.report.roles_missing)

    def lines(self, tr=tr) -> list:
        out = self.report.lines(tr)
        if self.cancelled:
            out.append(tr("Import cancelled; nothing was written."))
            return out
        for layer in self.written:
            out.append(tr("Wrote {name}: {count} features from {source_layer}").format(
                name=layer.name, count=layer.feature_count, source_layer=layer.source_layer))
        out.append(tr("Imported {count} layers into {output} (CRS {crs}) in {seconds:.1f} s").format(
            count=len(self.written), output=self.output, crs=self.target_crs, seconds=self.seconds))
        return out
