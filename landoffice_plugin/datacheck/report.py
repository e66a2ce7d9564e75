"""The 数据体检 result as rows (the dock's table, the xlsx through :func:`landoffice_plugin.export.xlsx.write_table`)
and as text (the command line). Texts take ``t`` (``tr`` for the UI language, ``i18n.zh`` for Chinese)."""
from __future__ import annotations

from pathlib import Path

from landoffice_plugin.i18n import tr, tr_noop, zh

from .inspection import Inspection

ROLE_COLUMNS = (("role", tr_noop("Role")), ("name", tr_noop("Role name")), ("layer", tr_noop("Layer found")),
                ("features", tr_noop("Features")), ("crs", tr_noop("CRS")), ("geographic", tr_noop("Geographic")),
                ("shape", tr_noop("Table shape")), ("invalid", tr_noop("Invalid geometries")),
                ("empty", tr_noop("Empty geometries")), ("problems", tr_noop("Problems")))
FIELD_COLUMNS = (("role", tr_noop("Role")), ("standard", tr_noop("Standard field")), ("meaning", tr_noop("Meaning")),
                 ("required", tr_noop("Required")), ("actual", tr_noop("Layer field")),
                 ("how", tr_noop("Resolved by")), ("checked", tr_noop("Values checked")),
                 ("share", tr_noop("Valid (%)")), ("examples", tr_noop("Invalid values (examples)")))
JOB_COLUMNS = (("job", tr_noop("Job")), ("name", tr_noop("Job name")), ("can_run", tr_noop("Can run")),
               ("why", tr_noop("Why not")), ("notes", tr_noop("Notes")))
SHAPES = {"person": tr_noop("one row per person"), "household": tr_noop("one row per household")}


def _yes(value: bool, t) -> str:
    return t(tr_noop("yes")) if value else t(tr_noop("no"))


def role_rows(insp: Inspection, t=tr) -> list:
    rows = []
    for c in insp.checks.values():
        rows.append({"role": c.role, "name": c.name_zh, "layer": c.layer or t(tr_noop("none found")),
                     "features": c.features if c.found else None, "crs": c.crs,
                     "geographic": _yes(c.geographic, t) if c.found else "",
                     "shape": t(SHAPES[c.shape]) if c.shape else "",
                     "invalid": c.invalid_geometries if c.found else None,
                     "empty": c.empty_geometries if c.found else None,
                     "problems": "；".join(t(p) for p in c.problems)})
    return rows


def field_rows(insp: Inspection, t=tr) -> list:
    rows = []
    for c in insp.found:
        for f in c.fields:
            share = f.share
            rows.append({"role": c.role, "standard": f.standard, "meaning": f.meaning,
                         "required": _yes(f.required, t), "actual": f.actual or "", "how": f.how_text(t),
                         "checked": f.checked if f.kind else None,
                         "share": round(share * 100, 2) if share is not None else None,
                         "examples": ", ".join(f.examples)})
    return rows


def job_rows(insp: Inspection, t=tr) -> list:
    return [{"job": v.job.id, "name": v.job.name_zh, "can_run": _yes(v.can_run, t), "why": "；".join(v.reasons),
             "notes": "；".join(v.notes)} for v in insp.verdicts(t)]


def write_inspection_xlsx(insp: Inspection, path) -> Path:
    """The workbook (Chinese): 任务 (which jobs can run and why not), 图层 (per role), 字段 (per standard field)."""
    from landoffice_plugin.export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_table

    wb = new_workbook()
    sheets = (("任务", JOB_COLUMNS, job_rows(insp, zh)), ("图层", ROLE_COLUMNS, role_rows(insp, zh)),
              ("字段", FIELD_COLUMNS, field_rows(insp, zh)))
    for name, columns, rows in sheets:
        ws = add_sheet(wb, name)
        write_table(ws, [Column(zh(title), key) for key, title in columns], rows,
                    title=f"数据体检 · {name} · {Path(insp.source).name if insp.source else insp.source_text(zh)}"
                          + (f" · 工作坐标系 {insp.working_crs}" if insp.working_crs else ""))
    return save_workbook(wb, path)


def inspection_text(insp: Inspection, t=tr) -> str:
    """The result as plain text (command line, log)."""
    lines = [t(tr_noop("Data check of {source}")).format(source=insp.source_text(t))]
    if insp.working_crs:
        lines.append(t(tr_noop("Working CRS (every layer is reprojected to it before any overlay): {crs}")).format(
            crs=insp.working_crs))
    lines.append("")
    lines.append(t(tr_noop("Jobs:")))
    for v in insp.verdicts(t):
        mark = t(tr_noop("can run")) if v.can_run else t(tr_noop("cannot run"))
        lines.append(f"  [{mark}] {v.job.name_zh} ({v.job.id})")
        lines += [f"      - {r}" for r in v.reasons] + [f"      · {n}" for n in v.notes]
    lines += ["", t(tr_noop("Layers:"))]
    for row, c in zip(role_rows(insp, t), insp.checks.values()):
        if not c.found:
            lines.append(f"  {c.role} {c.name_zh}: {row['layer']}")
            continue
        extra = f", {row['shape']}" if row["shape"] else ""
        lines.append(t(tr_noop("  {role} {name}: layer '{layer}', {n} features, CRS {crs}{extra}, {invalid} invalid "
                               "geometries")).format(role=c.role, name=c.name_zh, layer=c.layer, n=c.features,
                                                     crs=c.crs or "—", extra=extra, invalid=c.invalid_geometries))
        for f in c.fields:
            if f.actual is None and not f.required:
                continue
            share = f" {f.share * 100:.1f} %" if f.share is not None else ""
            lines.append(f"      {f.standard} {f.meaning.split('（')[0]}: {f.actual or '—'} ({f.how_text(t)}){share}")
    for err in insp.problems:
        lines.append(f"  ! {t(err.template).format(**err.kwargs)}")
    return "\n".join(lines)
