"""Styled Excel workbooks (openpyxl): tables with a bold filled header, frozen header row,
auto filter, column widths and number formats, in the report font.

Columns flagged ``personal='id'|'phone'`` are masked unless the caller passes
``mask_personal=False``. Formulas are written only when wrapped in :class:`Formula`; any other
text starting with ``=`` stays text (no formula injection from data such as owner names).
"""
from __future__ import annotations

import datetime
import os
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from landoffice_plugin import settings
from landoffice_plugin.core.errors import LandOfficeError

from . import xlsx_rows

AREA_FORMAT = "0.00"
MONEY_FORMAT = "#,##0.00"
INTEGER_FORMAT = "#,##0"
PERCENT_FORMAT = "0.00%"
# aliases accepted as Column.number_format; anything else is used as an Excel format string
NUMBER_FORMATS = {"area": AREA_FORMAT, "money": MONEY_FORMAT, "integer": INTEGER_FORMAT,
                  "percent": PERCENT_FORMAT, "text": "@"}
PERSONAL_KINDS = ("id", "phone")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MAX_WIDTH, MIN_WIDTH = 60, 6
INVALID_SHEET_CHARS = '[]:*?/\\'


@dataclass(frozen=True)
class Column:
    """One table column: Chinese title, row key, unit shown in the header (``面积（亩）``)."""

    title_zh: str
    key: str
    unit: Optional[str] = None
    width: Optional[float] = None
    number_format: Optional[str] = None
    personal: Optional[str] = None  # 'id' or 'phone': masked in reports by default

    def __post_init__(self):
        if self.personal not in (None, *PERSONAL_KINDS):
            raise LandOfficeError("Column {key}: personal must be 'id' or 'phone', not {value}.",
                                  key=self.key, value=str(self.personal))

    @property
    def header(self) -> str:
        return f"{self.title_zh}（{self.unit}）" if self.unit else self.title_zh

    @property
    def excel_format(self) -> Optional[str]:
        return NUMBER_FORMATS.get(self.number_format, self.number_format) if self.number_format else None


class ColumnRows(Sequence):
    """A table's rows held as columns, ``{key: values}`` (all of one length, arrays or lists).

    It reads as a sequence of row mappings; a big table of it goes to the streamed sheet column by
    column (no mapping per row is made), which is how a result of arrays (a potential-land run's
    40,000 pieces) is written in a fraction of the time.
    """

    def __init__(self, columns: Mapping):
        self.columns = {k: (v.tolist() if hasattr(v, "tolist") else list(v)) for k, v in columns.items()}
        lengths = {len(v) for v in self.columns.values()}
        if len(lengths) > 1:
            raise LandOfficeError("The columns of a table have different lengths ({lengths}): give every column a "
                                  "value for each row.", lengths=", ".join(map(str, sorted(lengths))))
        self._count = lengths.pop() if lengths else 0

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if not -self._count <= index < self._count:
            raise IndexError(index)
        return {key: values[index] for key, values in self.columns.items()}


def _font_name() -> str:
    return settings.REPORT_FONT.value() or settings.REPORT_FONT.default


def display_width(text: str) -> int:
    """Width in Excel character units: CJK and full-width characters count double."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


class Formula(str):
    """An Excel formula to write as such, e.g. ``Formula("=C2*D2")``.

    In a table row, ``{r}`` stands for the row the formula is written in (``Formula("=SUM(H{r}:L{r})")``), so a
    formula can never point at a neighbour's row, whatever the table's title and header take; ``{first}`` and
    ``{last}`` are the table's first and last data rows (for the totals row)."""

    def at(self, row: int, first: int = 0, last: int = 0) -> Formula:
        if "{" not in self:
            return self
        return Formula(self.replace("{r}", str(row)).replace("{first}", str(first)).replace("{last}", str(last)))


class _Out:
    """Cells into a worksheet: in place, or — in a write-only (streaming) workbook — appended row by row.

    A streamed sheet takes its rows in order and its column widths, frozen pane and row heights
    before its first row (openpyxl writes them first); each row goes to the file as it is finished,
    so the save at the end is short and never holds Python's lock for long.
    """

    def __init__(self, ws):
        self.ws = ws
        self.stream = getattr(ws.parent, "write_only", False)
        self.row_no, self.cells = 0, []

    @property
    def started(self) -> bool:
        """A streamed sheet has rows already (widths and panes can no longer change)."""
        return self.stream and getattr(self.ws, "_max_row", 0) > 0 or bool(self.cells)

    def cell(self, row: int, column: int, value):
        """The cell at (row, column) holding ``value``; text that merely looks like a formula is kept as text."""
        if self.stream:
            if row != self.row_no:
                self.flush()
                self.row_no = row
            cell = WriteOnlyCell(self.ws, value=value)
            self.cells.append((column, cell))
        else:
            cell = self.ws.cell(row=row, column=column, value=value)
        if isinstance(value, str) and value.startswith("=") and not isinstance(value, Formula):
            cell.data_type = "s"
        return cell

    def plain(self, row: int, column: int, value) -> None:
        """A streamed cell without a style (a number or text that is no formula): no cell object is made."""
        if row != self.row_no:
            self.flush()
            self.row_no = row
        self.cells.append((column, value))

    def flush(self) -> None:
        if not self.cells:
            return
        ws = self.ws
        while getattr(ws, "_max_row", 0) + 1 < self.row_no:  # rows left blank
            ws.append([])
            ws._max_row = getattr(ws, "_max_row", 0) + 1
        values = [None] * max(c for c, _cell in self.cells)
        for column, cell in self.cells:
            values[column - 1] = cell
        ws.append(values)
        ws._max_row = self.row_no
        self.cells = []


def _plain(value):
    """A value openpyxl can store: Qt NULL/dates and numpy scalars converted, NaN empty, control characters removed."""
    if value is None or isinstance(value, Formula):
        return value
    type_name = type(value).__name__
    if type_name == "QVariant":
        return None if value.isNull() else _plain(value.value())
    if type_name == "QDate":
        return value.toPyDate() if value.isValid() else None
    if type_name == "QDateTime":
        return value.toPyDateTime() if value.isValid() else None
    if type_name == "QTime":
        return value.toPyTime() if value.isValid() else None
    if isinstance(value, (bool, int, float, datetime.date, datetime.datetime, datetime.time)):
        return None if value != value else value  # NaN (a missing number) is an empty cell
    if type(value).__module__ == "numpy" and hasattr(value, "item"):  # a numpy scalar: its Python value
        return _plain(value.item())
    if not isinstance(value, str):
        try:
            from decimal import Decimal

            if isinstance(value, Decimal):
                return value
        except ImportError:  # pragma: no cover
            pass
        value = str(value)
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _mask(kind: str, value):
    if value is None or value == "":
        return value
    from landoffice_plugin.core.personal import mask_id_number, mask_phone  # lazy: keeps this module light

    return mask_id_number(str(value)) if kind == "id" else mask_phone(str(value))


def _row_value(row, index: int, key: str):
    if isinstance(row, Mapping):
        return row.get(key)
    if isinstance(row, (list, tuple)):
        return row[index] if index < len(row) else None
    try:
        return row[key]  # QgsFeature and other keyed records
    except (KeyError, IndexError, TypeError):
        return None


# above this many rows a table is written without per-cell fonts and borders (number formats stay): tens of
# thousands of rows in seconds, not minutes
PLAIN_ROWS = 2000


def write_table(ws, columns: list[Column], rows: Iterable, title: Optional[str] = None,
                mask_personal: bool = True, start_row: int = 1, totals: Optional[dict] = None,
                totals_label: str = "合计", progress=None, freeze: bool = True) -> int:
    """Write a table at ``start_row``; returns the last row written (the totals row when there is one).

    The one table writer of the plugin. ``rows`` are mappings (by ``Column.key``), sequences (by position) or
    keyed records. Values are cleaned (Qt types, illegal control characters), ID/phone columns masked, text that
    looks like a formula stays text; :class:`Formula` values may use ``{r}`` for their own row. ``totals`` adds a
    totals row: ``{key: "sum"}`` (``=SUM`` over the data rows), ``{key: Formula(...)}`` (``{first}``/``{last}``
    allowed) or ``{key: value}``; its label goes in the first column without a total. ``progress(fraction)``
    is called every 1000 rows. ``freeze``: freeze the rows above the data. In a streaming workbook
    (``new_workbook(stream=True)``) the widths come from the values before any row is written, and a table
    below other rows of its sheet keeps the sheet's widths and panes.
    """
    if not columns:
        raise LandOfficeError("A table needs at least one column: define the report's columns.")
    rows = rows if isinstance(rows, ColumnRows) else list(rows)
    out = _Out(ws)
    font_name = _font_name()
    body_font = Font(name=font_name, size=10)
    bold_font = Font(name=font_name, size=10, bold=True)
    last_col = get_column_letter(len(columns))
    row_no = start_row
    header_row = start_row + (1 if title else 0)
    first, last = header_row + 1, header_row + len(rows)
    if not out.started:  # a streamed sheet takes these before its first row
        _set_widths(ws, columns, rows, mask_personal, first, last)
        if freeze:
            ws.freeze_panes = f"A{header_row + 1}"
    if title:
        if len(columns) > 1:
            ws.merged_cells.add(f"A{row_no}:{last_col}{row_no}") if out.stream else \
                ws.merge_cells(f"A{row_no}:{last_col}{row_no}")
        ws.row_dimensions[row_no].height = 24
        cell = out.cell(row_no, 1, _plain(title))
        cell.font = Font(name=font_name, size=14, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        row_no += 1
    for ci, col in enumerate(columns, start=1):
        cell = out.cell(header_row, ci, col.header)
        cell.font = bold_font
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    styled = len(rows) <= PLAIN_ROWS
    formats = [col.excel_format for col in columns]
    raw = _raw_rows(ws, columns, rows, formats, mask_personal, row_no + 1, first, last, progress) \
        if out.stream and not styled else None
    for k, row in enumerate(() if raw else rows):
        if progress is not None and k % 1000 == 0:
            progress(k / len(rows))
        row_no += 1
        for ci, col in enumerate(columns, start=1):
            value = _cell_value(_row_value(row, ci - 1, col.key), col, mask_personal, row_no, first, last)
            if out.stream and not styled and not formats[ci - 1] and \
                    not (isinstance(value, str) and value.startswith("=")):
                out.plain(row_no, ci, value)  # most cells of a big table: the value alone
                continue
            cell = out.cell(row_no, ci, value)
            if styled:
                cell.font = body_font
                cell.border = BORDER
            if formats[ci - 1]:
                cell.number_format = formats[ci - 1]
    if raw:
        out.flush()  # the header, before the reserved rows
        row_no = raw.last
        out.row_no = row_no  # the rows are reserved in the sheet: the next row flushed leaves them empty
    if totals:
        row_no += 1
        label_col = next((ci for ci, col in enumerate(columns, start=1) if col.key not in totals), None)
        for ci, col in enumerate(columns, start=1):
            if col.key in totals:
                spec = totals[col.key]
                letter = get_column_letter(ci)
                if spec == "sum":
                    value = Formula(f"=SUM({letter}{first}:{letter}{max(last, first)})") if rows else 0
                else:
                    value = _cell_value(spec, col, mask_personal, row_no, first, last)
                cell = out.cell(row_no, ci, value)
                cell.font = bold_font
                if col.excel_format:
                    cell.number_format = col.excel_format
            else:
                cell = out.cell(row_no, ci, totals_label if ci == label_col else None)
                if ci == label_col:
                    cell.font = bold_font
            cell.border = BORDER
    out.flush()
    ws.auto_filter.ref = f"A{header_row}:{last_col}{max(last, header_row)}"
    return row_no


def _raw_rows(ws, columns: list, rows: list, formats: list, mask_personal: bool, start: int, first: int,
              last: int, progress):
    """The data rows of a big streamed table as sheet XML (:mod:`.xlsx_rows`), or None when a value needs openpyxl."""
    table = xlsx_rows.RawRows(ws, formats, start)
    seen = [{} for _col in columns]  # text of each column cleaned (and masked) once per distinct value
    try:
        if isinstance(rows, ColumnRows):
            table.add_columns(start, [_column_cells(rows.columns.get(col.key), len(rows), col, mask_personal, start,
                                                    first, last, memo)
                                      for col, memo in zip(columns, seen)], progress)
            rows = ()
        for k, row in enumerate(rows):
            if progress is not None and k % 1000 == 0:
                progress(k / len(rows))
            values = []
            for ci, col in enumerate(columns):
                raw = _row_value(row, ci, col.key)
                if type(raw) is str:
                    clean = seen[ci].get(raw)
                    if clean is None:
                        clean = _cell_value(raw, col, mask_personal, start + k, first, last)
                        if len(seen[ci]) < xlsx_rows.MEMO_TEXTS:
                            seen[ci][raw] = clean
                    values.append(clean)
                else:
                    values.append(_cell_value(raw, col, mask_personal, start + k, first, last))
            table.add(start + k, values)
    except xlsx_rows.Unsupported:
        table.discard()
        return None
    ws.parent.__dict__.setdefault("_landoffice_raw_rows", []).append(table)
    return table


def _column_cells(values, count: int, col: Column, mask_personal: bool, start: int, first: int, last: int,
                  memo: dict) -> list:
    """One column's cell values, cleaned (and masked) as :func:`_cell_value` does: each distinct text once,
    numbers as they are."""
    if values is None:
        return [None] * count
    out = []
    for k, raw in enumerate(values):
        kind = type(raw)
        if kind is str:
            clean = memo.get(raw)
            if clean is None:
                clean = _cell_value(raw, col, mask_personal, start + k, first, last)
                if len(memo) < xlsx_rows.MEMO_TEXTS:
                    memo[raw] = clean
            out.append(clean)
        elif (kind is int or (kind is float and raw == raw)) and not col.personal:
            out.append(raw)
        else:
            out.append(_cell_value(raw, col, mask_personal, start + k, first, last))
    return out


def _set_widths(ws, columns: list, rows: list, mask_personal: bool, first: int, last: int) -> None:
    """Column widths from the headers and the values (a sample of a big table's rows); CJK counts double."""
    widths = [display_width(col.header) for col in columns]
    sample_every = max(1, len(rows) // 500)  # widths from a sample of big tables
    for k in range(0, len(rows), sample_every):
        for ci, col in enumerate(columns):
            if col.width:
                continue
            value = _cell_value(_row_value(rows[k], ci, col.key), col, mask_personal, first + k, first, last)
            if value is not None and not isinstance(value, Formula):
                widths[ci] = max(widths[ci], display_width(_shown(value)))
    for ci, col in enumerate(columns, start=1):
        width = col.width if col.width else min(MAX_WIDTH, max(MIN_WIDTH, widths[ci - 1] + 2))
        ws.column_dimensions[get_column_letter(ci)].width = width


def _cell_value(raw, col: Column, mask_personal: bool, row: int, first: int, last: int):
    if isinstance(raw, Formula):
        return raw.at(row, first, last)
    value = _plain(raw)
    if col.personal and mask_personal:
        value = _mask(col.personal, value)
    return value


def _shown(value) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def write_key_values(ws, pairs, title: Optional[str] = None, start_row: int = 1) -> int:
    """Two columns of label → value (rules used, metadata); returns the last row written."""
    items = list(pairs.items()) if isinstance(pairs, Mapping) else [tuple(p) for p in pairs]
    out = _Out(ws)
    font_name = _font_name()
    if not out.started:
        key_width = max([10] + [display_width(str(key)) for key, _value in items])
        value_width = max([10] + [display_width(_shown(value)) for _key, value in items if value is not None])
        ws.column_dimensions["A"].width = min(MAX_WIDTH, key_width + 2)
        ws.column_dimensions["B"].width = min(80, value_width + 2)
    row_no = start_row
    if title:
        out.cell(row_no, 1, _plain(title)).font = Font(name=font_name, size=14, bold=True)
        row_no += 1
    for key, value in items:
        key_cell = out.cell(row_no, 1, _plain(key))
        key_cell.font = Font(name=font_name, size=10, bold=True)
        key_cell.alignment = Alignment(vertical="top")
        value_cell = out.cell(row_no, 2, _plain(value))
        value_cell.font = Font(name=font_name, size=10)
        value_cell.alignment = Alignment(vertical="top", wrap_text=True)
        row_no += 1
    out.flush()
    return row_no - 1


def new_workbook(stream: bool = False) -> Workbook:
    """An empty workbook (no sheets: add them with :func:`add_sheet`).

    ``stream``: a write-only workbook whose sheets are written row by row as the tables go in (big reports:
    little memory, and the save does not hold Python's lock for seconds). Its tables are written top to bottom.
    """
    if stream:
        return Workbook(write_only=True)
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def sheet_title(name: str, existing=()) -> str:
    """A valid, unique Excel sheet name (≤ 31 characters, none of []:*?/\\)."""
    clean = "".join("_" if ch in INVALID_SHEET_CHARS else ch for ch in str(name or "")).strip("' ") or "Sheet"
    clean = clean[:31]
    taken = {t.lower() for t in existing}
    candidate, n = clean, 2
    while candidate.lower() in taken:
        suffix = f"({n})"
        candidate = clean[:31 - len(suffix)] + suffix
        n += 1
    return candidate


def add_sheet(wb: Workbook, name: str):
    return wb.create_sheet(sheet_title(name, wb.sheetnames))


def save_workbook(wb: Workbook, path) -> Path:
    """Save atomically (temporary file, then rename); clear errors for locked files and folders."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    if not wb.sheetnames:
        raise LandOfficeError("The workbook has no sheets: add at least one sheet before saving.")
    folder = path.parent
    if not folder.is_dir():
        raise LandOfficeError("Folder {folder} does not exist: choose an existing folder for the Excel file.",
                              folder=str(folder))
    if not os.access(folder, os.W_OK):
        raise LandOfficeError("Folder {folder} is not writable: choose another folder for the Excel file.",
                              folder=str(folder))
    tmp = folder / f".~{path.stem}.{uuid.uuid4().hex[:8]}.tmp.xlsx"
    try:
        wb.save(tmp)
        xlsx_rows.splice(tmp, wb.__dict__.pop("_landoffice_raw_rows", []))
    except BaseException as err:
        tmp.unlink(missing_ok=True)
        xlsx_rows.discard(wb.__dict__.pop("_landoffice_raw_rows", []))
        if not isinstance(err, OSError):
            raise
        raise LandOfficeError("Could not write to folder {folder}: {error}. Choose another folder.",
                              folder=str(folder), error=str(err)) from err
    try:
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise LandOfficeError("Could not save {path}: the file is open in another program (Excel, WPS) or locked. "
                              "Close it and export again.", path=str(path)) from err
    return path
