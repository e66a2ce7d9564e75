"""A real JPEG with hand-written EXIF (sample data for the demo and the tests): GPS position, direction
(GPSImgDirection) and DateTimeOriginal.

Written byte by byte from the EXIF 2.3 / TIFF 6.0 layout (little-endian TIFF in an APP1 segment), so the
plugin's reader (QGIS's exiv2) is checked against an independent writer.
"""
from __future__ import annotations

import struct

BYTE, ASCII, LONG, RATIONAL = 1, 2, 4, 5
SIZES = {BYTE: 1, ASCII: 1, LONG: 4, RATIONAL: 8}


def _rational(value: float, denominator: int = 10000) -> bytes:
    return struct.pack("<II", int(round(value * denominator)), denominator)


def _dms(value: float) -> bytes:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    return struct.pack("<II", degrees, 1) + struct.pack("<II", minutes, 1) + _rational(seconds, 1000000)


def _ifd(entries, offset: int, next_ifd: int = 0) -> bytes:
    """entries: (tag, type, count, raw bytes); values over 4 bytes go after the IFD."""
    head = struct.pack("<H", len(entries))
    data_at = offset + 2 + 12 * len(entries) + 4
    body, extra = b"", b""
    for tag, kind, count, raw in sorted(entries):
        if len(raw) <= 4:
            body += struct.pack("<HHI", tag, kind, count) + raw.ljust(4, b"\0")
        else:
            body += struct.pack("<HHII", tag, kind, count, data_at + len(extra))
            extra += raw + (b"\0" if len(raw) % 2 else b"")
    return head + body + struct.pack("<I", next_ifd) + extra


def _ascii(text: str) -> tuple:
    raw = text.encode("ascii") + b"\0"
    return ASCII, len(raw), raw


def exif_segment(lon: float, lat: float, direction: float | None, taken: str | None) -> bytes:
    """The APP1 segment; ``taken`` as 'YYYY:MM:DD HH:MM:SS'."""
    gps = [(0x0000, BYTE, 4, bytes([2, 3, 0, 0])), (0x0001, *_ascii("N" if lat >= 0 else "S")),
           (0x0002, RATIONAL, 3, _dms(lat)), (0x0003, *_ascii("E" if lon >= 0 else "W")),
           (0x0004, RATIONAL, 3, _dms(lon))]
    if direction is not None:
        gps += [(0x0010, *_ascii("T")), (0x0011, RATIONAL, 1, _rational(direction, 100))]
    exif = [(0x9003, *_ascii(taken))] if taken else []
    # layout: header (8) | IFD0 (2 pointers) | Exif IFD | GPS IFD
    ifd0_size = 2 + 12 * 2 + 4
    exif_at = 8 + ifd0_size
    exif_ifd = _ifd(exif, exif_at)
    gps_at = exif_at + len(exif_ifd)
    gps_ifd = _ifd(gps, gps_at)
    ifd0 = _ifd([(0x8769, LONG, 1, struct.pack("<I", exif_at)), (0x8825, LONG, 1, struct.pack("<I", gps_at))], 8)
    tiff = b"II*\0" + struct.pack("<I", 8) + ifd0 + exif_ifd + gps_ifd
    payload = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def write_photo(path, lon: float | None = None, lat: float | None = None, direction: float | None = None,
                taken: str | None = None, colour=(120, 160, 90)) -> None:
    """A 64×48 JPEG (drawn by Qt), with the EXIF segment right after SOI when a position is given."""
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice
    from qgis.PyQt.QtGui import QColor, QImage

    image = QImage(64, 48, QImage.Format_RGB32)
    image.fill(QColor(*colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    assert image.save(buffer, "JPG")
    jpeg = bytes(data)
    assert jpeg[:2] == b"\xff\xd8"
    if lon is not None:
        jpeg = jpeg[:2] + exif_segment(lon, lat, direction, taken) + jpeg[2:]
    with open(path, "wb") as handle:
        handle.write(jpeg)
