"""数据体检 of a delivery (GeoPackage, FileGDB, shapefile folder — opened by the importer's own reader,
:func:`landoffice_plugin.io.importer.inspect_source`) or of the open project (the roles recognised or assigned
there): per role the check of :mod:`.roles_check`, and per job the verdict of :mod:`.jobs`."""
from __future__ import annotations

from dataclasses import dataclass, field

from landoffice_plugin.core.roles import load_roles
from landoffice_plugin.i18n import tr, tr_noop

from .jobs import jobs, judge
from .roles_check import check_role


@dataclass
class Inspection:
    source: str
    checks: dict                                   # role -> RoleCheck, in roles.json order
    problems: list = field(default_factory=list)   # the importer's problems (LandOfficeError)
    working_crs: str = ""                          # the CRS the jobs work in (core.crs.working_crs of DLTB)

    def source_text(self, t=tr) -> str:
        """The file checked, or 'the open project' in the language of ``t``."""
        return self.source or t(tr_noop("the open project"))

    def verdicts(self, t=tr) -> list:
        return [judge(job, self.checks, t) for job in jobs()]

    @property
    def found(self) -> list:
        return [c for c in self.checks.values() if c.found]


def inspect_layers(layers: dict, source: str, field_map=None, sources=None, problems=()) -> Inspection:
    """``layers``: {role: QgsVectorLayer}; ``field_map``: a FieldMap, or {role: {standard: field}}."""
    checks = {}
    for role_id in load_roles():
        fm = field_map.get(role_id) if isinstance(field_map, dict) else field_map
        checks[role_id] = check_role(role_id, layers.get(role_id), fm, (sources or {}).get(role_id, ""))
    return Inspection(source, checks, list(problems), _working_crs(layers))


def _working_crs(layers: dict) -> str:
    from landoffice_plugin.core.crs import working_crs_of_layer
    from landoffice_plugin.core.errors import LandOfficeError

    main = layers.get("DLTB") or next((lay for lay in layers.values() if lay.crs().isValid()), None)
    if main is None or not main.crs().isValid():
        return ""
    try:
        return working_crs_of_layer(main).authid()
    except LandOfficeError:
        return ""


def inspect_path(path, field_map=None) -> Inspection:
    """数据体检 of a GeoPackage, FileGDB folder, shapefile or folder of them."""
    from landoffice_plugin.io.import_report import MISSING_FIELDS
    from landoffice_plugin.io.importer import inspect_source, open_source_layer

    report = inspect_source(path)
    layers, sources = {}, {}
    for role_id, sl in report.roles_found.items():
        layers[role_id] = open_source_layer(sl)
        sources[role_id] = sl.source
    problems = [p.error for p in report.problems if p.kind != MISSING_FIELDS]  # fields: shown per role
    return inspect_layers(layers, str(path), field_map, sources, problems)


def inspect_project(project, field_map=None) -> Inspection:
    """数据体检 of a QGIS project: the layers assigned to roles (roles dialog) or recognised, with the project's
    field mapping unless ``field_map`` is given."""
    from landoffice_plugin.core.roles import assign_roles_in_project, load_role_assignments

    layers = assign_roles_in_project(project)
    if field_map is None:
        saved = load_role_assignments(project)
        field_map = {role: saved[role][1].to_dict() for role in layers if role in saved and
                     saved[role][0] == layers[role].id() and saved[role][1].fields}
    sources = {r: lay.source().split("|")[0] for r, lay in layers.items()}
    return inspect_layers(layers, project.fileName(), field_map, sources)
