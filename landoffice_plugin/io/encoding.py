"""Raw shapefile bytes: the DBF's text encoding, and a sanity check of the file sizes.

Chinese offices' shapefiles are mostly GBK. The encoding comes from the ``.cpg`` file, else
from the DBF header's language driver id, else from the bytes themselves (strict UTF-8,
falling back to GB18030, a superset of GBK). :func:`open_shapefile` opens the file in QGIS
with that encoding through ``setProviderEncoding``. Measured on QGIS 3.22 / GDAL 3.6: QGIS sets
GDAL's ``SHAPE_ENCODING`` to '' process-wide once it opens a shapefile, so GDAL does not recode
and QGIS decodes the bytes itself (reading the ``.cpg`` on its own when no encoding is set).
``setProviderEncoding`` gives the right text with and without a ``.cpg`` (so does the URI open
option ``|option:ENCODING=GBK``); without it a GBK file lacking a ``.cpg`` comes out garbled.
"""
from __future__ import annotations

import codecs
import os
import struct
from pathlib import Path
from typing import Optional

from qgis.core import QgsVectorLayer

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr

MAX_RECORDS = 5000  # records sampled for byte detection

_CPG = {
    "936": "GBK", "CP936": "GBK", "GBK": "GBK", "GB2312": "GBK", "EUC-CN": "GBK", "MS936": "GBK",
    "WINDOWS-936": "GBK", "GB18030": "GB18030", "54936": "GB18030",
    "UTF-8": "UTF-8", "UTF8": "UTF-8", "65001": "UTF-8",
}
_LDID = {0x4D: "GBK", 0x7A: "GBK"}  # DBF language driver ids of code page 936

HOW_CPG, HOW_LDID, HOW_UTF8, HOW_GB18030, HOW_ASCII, HOW_DEFAULT = (
    "cpg", "dbf-ldid", "dbf-bytes-utf8", "dbf-bytes-gb18030", "dbf-bytes-ascii", "default")


def describe_detection(how: str, tr=tr) -> str:
    """A short phrase for ``how`` (pass ``i18n.zh`` as ``tr`` for Chinese)."""
    return {
        HOW_CPG: tr("from the .cpg file"),
        HOW_LDID: tr("from the DBF language driver byte"),
        HOW_UTF8: tr("the text is valid UTF-8"),
        HOW_GB18030: tr("the text is not UTF-8, read as GB18030 (GBK)"),
        HOW_ASCII: tr("the text is plain ASCII"),
        HOW_DEFAULT: tr("no text found; assumed UTF-8"),
    }.get(how, how)


def _sibling(path: Path, suffix: str) -> Optional[Path]:
    for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
        if candidate.is_file():
            return candidate
    return None


def encoding_from_cpg(text: str) -> Optional[str]:
    """Normalise a ``.cpg`` content ('936', 'GBK', 'UTF-8', 'ANSI 936' …) to an encoding name."""
    value = text.strip().upper()
    if value.startswith("ANSI "):
        value = value[5:].strip()
    if value in _CPG:
        return _CPG[value]
    for name in (value, f"CP{value}" if value.isdigit() else ""):
        if name:
            try:
                return codecs.lookup(name).name.upper()
            except LookupError:
                pass
    return None


def read_dbf_header(dbf: Path) -> dict:
    """``records``, ``header_length``, ``record_length``, ``ldid`` and ``fields`` [(name, type, length)]."""
    with open(dbf, "rb") as fh:
        head = fh.read(32)
        if len(head) < 32:
            raise ValueError("DBF header shorter than 32 bytes")
        records, header_length, record_length = struct.unpack("<IHH", head[4:12])
        raw = fh.read(max(header_length - 32, 0))
    fields = []
    for offset in range(0, len(raw) - 31, 32):
        desc = raw[offset:offset + 32]
        if desc[0] == 0x0D:
            break
        name = desc[:11].split(b"\x00", 1)[0].decode("latin-1")
        fields.append((name, chr(desc[11]), desc[16]))
    return {"records": records, "header_length": header_length, "record_length": record_length,
            "ldid": head[29], "fields": fields}


def _text_values(dbf: Path, header: dict, max_records: int):
    spans, pos = [], 1  # byte 0 of a record is the deletion flag
    for _name, ftype, length in header["fields"]:
        if ftype == "C":
            spans.append((pos, pos + length))
        pos += length
    n = min(header["records"], max_records)
    size = header["record_length"]
    if not spans or size <= 0:
        return
    with open(dbf, "rb") as fh:
        fh.seek(header["header_length"])
        data = fh.read(n * size)
    for start in range(0, len(data) - size + 1, size):
        record = data[start:start + size]
        for a, b in spans:
            value = record[a:b].rstrip(b" \x00")
            if value:
                yield value


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
        return True
    except UnicodeDecodeError as err:  # a multi-byte character cut by the field width is fine
        return err.reason == "unexpected end of data"


def detect_dbf_bytes(dbf: Path, header: dict, max_records: int = MAX_RECORDS) -> tuple:
    """Encoding from the text bytes: ASCII, strict UTF-8, else GB18030."""
    seen_non_ascii = False
    for value in _text_values(dbf, header, max_records):
        if value.isascii():
            continue
        seen_non_ascii = True
        if not _is_utf8(value):
            return "GB18030", HOW_GB18030
    return ("UTF-8", HOW_UTF8) if seen_non_ascii else ("UTF-8", HOW_ASCII)


def detect_shapefile_encoding(path, max_records: int = MAX_RECORDS) -> tuple:
    """``(encoding, how_detected)`` of a shapefile's (or a lone .dbf's) attribute text."""
    path = Path(path)
    cpg = _sibling(path, ".cpg")
    if cpg is not None:
        try:
            encoding = encoding_from_cpg(cpg.read_text(encoding="latin-1"))
        except OSError:
            encoding = None
        if encoding:
            return encoding, HOW_CPG
    dbf = path if path.suffix.lower() == ".dbf" else _sibling(path, ".dbf")
    if dbf is None:
        return "UTF-8", HOW_DEFAULT
    try:
        header = read_dbf_header(dbf)
    except (OSError, ValueError):
        return "UTF-8", HOW_DEFAULT
    if header["ldid"] in _LDID:
        return _LDID[header["ldid"]], HOW_LDID
    return detect_dbf_bytes(dbf, header, max_records)


def check_shapefile_files(path) -> None:
    """LandOfficeError when a shapefile's parts are missing or cut short (a truncated copy)."""
    path = Path(path)
    if path.suffix.lower() == ".dbf":
        parts = [path]
    else:
        parts = [path]
        for suffix in (".shx", ".dbf"):
            part = _sibling(path, suffix)
            if part is None:
                raise LandOfficeError(
                    "Shapefile {file} has no {part} file beside it. Copy all the files of the shapefile "
                    "(.shp, .shx, .dbf, .prj, .cpg) into the same folder.", file=str(path), part=suffix)
            parts.append(part)
    for part in parts:
        actual = os.path.getsize(part)
        if part.suffix.lower() == ".dbf":
            try:
                header = read_dbf_header(part)
            except ValueError:
                expected = 32
            else:
                expected = header["header_length"] + header["records"] * header["record_length"]
        else:
            with open(part, "rb") as fh:
                head = fh.read(100)
            if len(head) < 100 or struct.unpack(">i", head[:4])[0] != 9994:
                raise LandOfficeError("{file} is not a valid shapefile (its header is damaged). Copy the file "
                                      "again from the original source.", file=str(part))
            expected = struct.unpack(">i", head[24:28])[0] * 2
        if actual < expected:
            raise LandOfficeError(
                "{file} is truncated: it has {actual} bytes but its header announces {expected}. The copy is "
                "incomplete; copy the file again from the original source.",
                file=str(part), actual=actual, expected=expected)


def open_shapefile(path, name: Optional[str] = None, encoding: Optional[str] = None) -> tuple:
    """``(layer, encoding, how_detected)``: the shapefile opened in QGIS with its detected encoding."""
    path = Path(path)
    how = "given"
    if encoding is None:
        encoding, how = detect_shapefile_encoding(path)
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    options.skipCrsValidation = True
    layer = QgsVectorLayer(str(path), name or path.stem, "ogr", options)
    if layer.isValid():
        layer.setProviderEncoding(encoding)
    return layer, encoding, how
