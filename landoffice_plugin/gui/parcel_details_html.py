"""The details of one parcel as HTML for the dock's QTextBrowser (Chinese labels from the data)."""
from __future__ import annotations

from html import escape

from landoffice_plugin.i18n import tr
from landoffice_plugin.lookup.details import AREA_KEY, SHARE_KEY, ParcelDetails

STYLE = ("<style>table{border-collapse:collapse;margin-bottom:6px} td,th{border:1px solid #bbb;"
         "padding:2px 4px} th{background:#eee} h3{margin:6px 0 2px 0} .red{color:#c00}</style>")


def _cell(key: str, value) -> str:
    if key == AREA_KEY:
        return f"{value:.4f}"
    if key == SHARE_KEY:
        return f"{value:.1f}"
    return escape(str(value))


def details_html(details: ParcelDetails) -> str:
    parts = [STYLE, f"<h3>{escape(tr('Parcel'))} {escape(details.code)}</h3>"]
    if details.red_lights:
        parts.append("<p class='red'><b>" + escape(tr("Red lights")) + "</b><br>" +
                     "<br>".join("● " + escape(t) for t in details.red_lights) + "</p>")
    else:
        parts.append("<p>" + escape(tr("No red lights.")) + "</p>")
    parts.append("<table>" + "".join(f"<tr><th align='left'>{escape(k)}</th><td>{escape(v)}</td></tr>"
                                     for k, v in details.attributes) + "</table>")
    for section in details.sections:
        parts.append(f"<h3>{escape(section.title)}</h3>")
        if not section.rows:
            parts.append("<p>" + escape(tr("Nothing on this parcel.")) + "</p>")
            continue
        head = "".join(f"<th>{escape(title)}</th>" for _key, title in section.columns)
        body = "".join("<tr>" + "".join(f"<td>{_cell(key, row.get(key, ''))}</td>" for key, _t in section.columns)
                       + "</tr>" for row in section.rows)
        parts.append(f"<table><tr>{head}</tr>{body}</table>")
    return "".join(parts)
