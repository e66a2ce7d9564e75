"""The data rows of a big streamed table, written as sheet XML directly (the fast path of :mod:`.xlsx`).

openpyxl spends ~10 µs on every cell (a Cell object, its checks, an lxml element): a potential-land
report of 40,000 pieces × 10 columns took 5 s, longer than the analysis's own overlays. The rows of
a big table in a streaming workbook are therefore written here, as the OOXML ``<row>`` elements
Excel writes, into a temporary file, while openpyxl writes the rest of the sheet (title, header,
totals, widths, panes, filters) and reserves the rows with empty ``<row>`` elements. After openpyxl's
save, :func:`splice` puts the rows in place of the reserved ones in the saved workbook.

Only plain values take this path: text (as inline strings), numbers, booleans and formulas. A table
holding anything else (a date, say) is written by openpyxl as before (:func:`RawRows.add` says so).
Number formats are openpyxl's own style ids, registered through a probe cell, so a column's cells
look exactly as openpyxl would have written them.
"""
from __future__ import annotations

import html
import math
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Optional

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

ZIP64_FROM = (1 << 31) - (1 << 24)  # bytes: a sheet this big needs Zip64 (with room for the rest)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})  # \r kept, as openpyxl
MAX_TEXT = 32767  # characters Excel holds in a cell (openpyxl cuts there too)
MEMO_TEXTS = 20000  # distinct texts per column remembered (names, categories repeat; unique ones are not kept)


class Unsupported(Exception):
    """A value this path does not write (the table goes through openpyxl instead)."""


def _text(value: str) -> str:
    value = value[:MAX_TEXT]
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f'<is><t{space}>{value.translate(_ESCAPES)}</t></is>'


def _fragment(style: str, value, texts: dict) -> Optional[str]:
    """The XML of a cell after its ``<c r="A1"`` (None: no cell); :class:`Unsupported` for a value it cannot write.

    ``texts`` remembers the column's inline strings (names, categories repeat)."""
    if value is None or value == "":
        return f"{style}/>" if style else None  # an empty cell keeps its column's format, as openpyxl writes it
    if isinstance(value, str):
        if value.startswith("=") and type(value).__name__ == "Formula":
            return f'{style}><f>{value[1:].translate(_ESCAPES)}</f><v></v></c>'
        xml = texts.get(value)
        if xml is None:
            xml = f'{style} t="inlineStr">{_text(value)}</c>'
            if len(texts) < MEMO_TEXTS:
                texts[value] = xml
        return xml
    if isinstance(value, bool):
        return f'{style} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, float):
        return f'{style} t="n"><v>{float(value)!r}</v></c>' if math.isfinite(value) else None  # no such number
    if isinstance(value, int):
        return f'{style} t="n"><v>{int(value)}</v></c>'
    raise Unsupported(type(value).__name__)


class RawRows:
    """The rows ``first``..``last`` of a streamed sheet, as XML in a temporary file."""

    def __init__(self, ws, formats: list, first: int):
        self.ws = ws
        self.first, self.last = first, first - 1
        self.letters = [get_column_letter(ci) for ci in range(1, len(formats) + 1)]
        self.styles = []
        for fmt in formats:  # openpyxl's own style id for each column's number format
            if fmt:
                probe = WriteOnlyCell(ws)
                probe.number_format = fmt
                self.styles.append(f' s="{probe.style_id}"')
            else:
                self.styles.append("")
        self.file = tempfile.TemporaryFile()
        self.parts: list = []
        self._texts = [{} for _fmt in formats]  # each column's inline strings, made once per distinct text

    def add(self, row: int, values: list) -> None:
        """Row ``row`` (the next one) with its cell values; :class:`Unsupported` for a value it cannot write."""
        cells = []
        for letter, style, value, texts in zip(self.letters, self.styles, values, self._texts):
            xml = _fragment(style, value, texts)
            if xml is not None:
                cells.append(f'<c r="{letter}{row}"{xml}')
        self._row(row, "".join(cells))

    def add_columns(self, row: int, columns: list, progress=None) -> None:
        """The rows from ``row`` on, given as one list of cell values per column (all of one length): each
        column's cells made in one pass, the same XML as :meth:`add` row by row."""
        count = len(columns[0]) if columns else 0
        numbers = range(row, row + count)
        made = []
        for k, (letter, style, values, texts) in enumerate(zip(self.letters, self.styles, columns, self._texts)):
            cells = []
            for r, value in zip(numbers, values):
                xml = _fragment(style, value, texts)
                cells.append("" if xml is None else f'<c r="{letter}{r}"{xml}')
            made.append(cells)
            if progress is not None:
                progress((k + 1) / (len(columns) + 1))
        for r, cells in zip(numbers, zip(*made)):
            self._row(r, "".join(cells))

    def _row(self, row: int, cells: str) -> None:
        self.parts.append(f'<row r="{row}">{cells}</row>')
        self.last = row
        if len(self.parts) >= 2000:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.file.write("".join(self.parts).encode("utf-8"))
            self.parts = []

    def discard(self) -> None:
        self.file.close()


def _sheet_part(ws, zf: zipfile.ZipFile) -> Optional[str]:
    """The name of ``ws``'s part in the saved package: its own path (openpyxl numbers the sheets while saving),
    else found by its title in the workbook and its relationships."""
    names = set(zf.namelist())
    path = getattr(ws, "path", "") or ""
    if path.lstrip("/") in names:
        return path.lstrip("/")
    book = zf.read("xl/workbook.xml").decode("utf-8")
    rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {}
    for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', rel.group(0)))
        target = attrs.get("Target", "")
        targets[attrs.get("Id")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    for sheet in re.finditer(r"<sheet\b[^>]*>", book):
        name = re.search(r'\bname="([^"]*)"', sheet.group(0))
        rid = re.search(r'\br:id="([^"]*)"', sheet.group(0))
        if name and rid and html.unescape(name.group(1)) == ws.title:
            return targets.get(rid.group(1))
    return None


def _reserved(xml: bytes, first: int, last: int) -> tuple:
    """(start, end) of the empty rows ``first``..``last`` openpyxl wrote (or of the place for them)."""
    start = xml.find(f'<row r="{first}"'.encode())
    if start < 0:  # nothing was written after the table on its sheet: the rows go at the end
        start = xml.find(b"</sheetData>")
        later = [int(n) for n in re.findall(rb'<row r="(\d+)"', xml)]
        if start < 0 or (later and max(later) >= first):
            raise RuntimeError(f"rows {first}-{last} of a streamed sheet have no place in it")
        return start, start
    after = xml.find(f'<row r="{last + 1}"'.encode(), start)
    end = after if after >= 0 else xml.find(b"</sheetData>", start)
    if b"<c " in xml[start:end] or b"<c>" in xml[start:end]:
        raise RuntimeError(f"rows {first}-{last} of a streamed sheet were not left empty")
    return start, end


def splice(path, tables: list) -> None:
    """Put the rows of ``tables`` (:class:`RawRows`) into the saved workbook at ``path``, in place."""
    tables = [t for t in tables if t.last >= t.first]
    if not tables:
        return
    path = Path(path)
    by_sheet: dict = {}
    for table in tables:
        table.flush()
        by_sheet.setdefault(id(table.ws), []).append(table)
    tmp = path.with_name(path.name + ".rows")
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
            chosen = {}
            for group in by_sheet.values():
                part = _sheet_part(group[0].ws, src)
                if part is None:
                    raise RuntimeError(f"the sheet {group[0].ws.title!r} is not in the saved workbook")
                chosen[part] = group
            for info in src.infolist():
                found: Optional[list] = chosen.get(info.filename)
                if not found:
                    dst.writestr(info, src.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
                    continue
                data = src.read(info.filename)
                entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                size = len(data) + sum(t.file.seek(0, os.SEEK_END) for t in found)
                with dst.open(entry, "w", force_zip64=size > ZIP64_FROM) as out:
                    pos = 0
                    for table in sorted(found, key=lambda t: t.first):
                        start, end = _reserved(data, table.first, table.last)
                        out.write(data[pos:start])
                        table.file.seek(0)
                        shutil.copyfileobj(table.file, out, 1 << 20)
                        pos = end
                    out.write(data[pos:])
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        discard(tables)


def discard(tables: list) -> None:
    """Close the temporary files of ``tables`` (after the splice, or when the save failed)."""
    for table in tables:
        table.discard()
