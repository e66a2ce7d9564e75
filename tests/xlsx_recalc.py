"""Recompute workbooks in LibreOffice and read every formula cell back (tests only).

``recalculate(paths, tmp)`` converts each workbook with LibreOffice headless (which recalculates every
formula) and returns, per path, ``(formulas, values)``: the original workbook (formula text) and the
recalculated one (cached values), so a test can walk every formula cell of every sheet.
"""
from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

from openpyxl import load_workbook

ERRORS = ("#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "Err:")


def soffice():
    return shutil.which("libreoffice") or shutil.which("soffice")


def recalculate(paths, tmp_path) -> dict:
    out = tmp_path / "recalculated"
    out.mkdir(exist_ok=True)
    subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo_profile",
                    "--convert-to", "xlsx", "--outdir", str(out), *map(str, paths)],
                   check=True, capture_output=True, timeout=300)
    return {p: (load_workbook(p), load_workbook(out / p.name, data_only=True)) for p in paths}


def formula_cells(formulas, values):
    """(sheet, coordinate, formula text, recalculated value) for every formula cell of every sheet."""
    for ws in formulas.worksheets:
        got = values[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")
                                             and cell.data_type != "s"):
                    yield ws.title, cell.coordinate, cell.value, got[cell.coordinate].value


def fen(value) -> Decimal:
    return (Decimal(repr(value)) if isinstance(value, float) else Decimal(value)).quantize(Decimal("0.01"))
