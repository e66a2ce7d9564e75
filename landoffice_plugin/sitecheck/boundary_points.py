"""界址点坐标 exchange files (the text format of 建设用地报批 / 勘测定界 red lines): read and write.

The format, as published in 《建设项目用地红线坐标文件内容要求》 (an attachment to provincial 建设用地报批
notices, public copy: https://m.wenku365.com/p-6705749.html) and in the CGCS2000 version described at
https://www.cnblogs.com/loveyl/p/19088909 :

* ``[属性描述]`` then ``key=value`` lines: 格式版本号, 数据产生单位, 数据产生日期, 坐标系 (``2000国家大地坐标系``),
  几度分带 (3 or 6), 投影类型 (高斯克吕格), 计量单位 (米), 带号, 精度, 转换参数 (left empty, commas kept);
* ``[地块坐标]`` then, per parcel, a header line
  ``界址点数,地块面积(公顷),地块编号,地块名称,记录图形属性(面),图幅号,地块用途,地类编码,@`` (the ``@`` ends it)
  followed by its boundary points ``点号,地块圈号,X坐标,Y坐标``: X is the northing, Y the easting with the zone
  number in front (``39438683.652`` = zone 39); each ring repeats its first point to close; 圈号 is 1 for a
  parcel without holes, and numbers the rings (outer boundary and the holes "扣除内部面积") otherwise.

Reading is strict where a mistake would move the site: a line that is not of the format, a zone in the
coordinates that disagrees with 带号, X and Y that look swapped (an X with a zone prefix, a Y that is a
northing), another datum than CGCS2000 or a unit other than metres are a :class:`LandOfficeError` naming the
line. An open ring is closed and the parcel's stated point count or area that disagree are reported as notes.
Which ring is a hole is decided by containment, so files numbering rings either way are read alike.
"""
from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from qgis.core import QgsCoordinateReferenceSystem

from landoffice_plugin.core.crs import describe_epsg, epsg_code, gk3_epsg, gk6_epsg
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr, tr_noop

HEADER, PARCELS = "[属性描述]", "[地块坐标]"
CLOSE_TOLERANCE = 0.001  # m: a ring whose last point is this near its first is closed
NORTHING_RANGE = (1_000_000.0, 6_500_000.0)  # m: China's northings
ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass
class BoundaryParcel:
    number: str
    name: str
    use: str
    area_ha: float
    geometry: object  # shapely (Multi)Polygon in the file's CRS
    line: int = 0


@dataclass
class BoundaryFile:
    parcels: list
    crs: QgsCoordinateReferenceSystem
    header: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)


def _error(message: str, path, line, **kw) -> LandOfficeError:
    """``message`` (a tr_noop string starting "Boundary-point file {path}, line {line}:") as the error."""
    return LandOfficeError(message, path=str(path), line=line, **kw)


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise LandOfficeError("The 界址点 coordinate file {path} does not exist: choose an existing .txt file.",
                              path=str(path))
    data = path.read_bytes()
    for enc in ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise LandOfficeError("The 界址点 coordinate file {path} is neither UTF-8 nor GBK text: save it as one of "
                          "them.", path=str(path))


def _crs_of(header: dict, path, lines: dict, zone_seen, first_point_line: int):
    system = header.get("坐标系", "")
    if system and "2000" not in system.upper():
        raise _error(tr_noop("Boundary-point file {path}, line {line}: the coordinate system is {system}, not "
                             "CGCS2000 (2000国家大地坐标系). Convert the coordinates to CGCS2000 with the official "
                             "parameters first."), path, lines.get("坐标系", 1), system=system)
    unit = header.get("计量单位", "米")
    if unit and unit not in ("米", "m", "M"):
        raise _error(tr_noop("Boundary-point file {path}, line {line}: the unit is {unit}; only metres (米) are "
                             "supported."), path, lines.get("计量单位", 1), unit=unit)
    width_text = header.get("几度分带", "3") or "3"
    if width_text not in ("3", "6"):
        raise _error(tr_noop("Boundary-point file {path}, line {line}: 几度分带 must be 3 or 6, not {value}."),
                     path, lines.get("几度分带", 1), value=width_text)
    zone_text = header.get("带号", "")
    zone = None
    if zone_text:
        if not zone_text.isdigit():
            raise _error(tr_noop("Boundary-point file {path}, line {line}: 带号 must be a zone number, not "
                                 "{value}."), path, lines.get("带号", 1), value=zone_text)
        zone = int(zone_text)
    if zone is not None and zone_seen is not None and zone != zone_seen:
        raise _error(tr_noop("Boundary-point file {path}, line {line}: the Y coordinates carry zone number {seen}, "
                             "but 带号 in [属性描述] is {zone}. Correct 带号 or the coordinates (are they from "
                             "another zone?)."), path, first_point_line, seen=zone_seen, zone=zone)
    zone = zone if zone is not None else zone_seen
    if zone is None:
        raise _error(tr_noop("Boundary-point file {path}, line {line}: the Y coordinates carry no zone number and "
                             "[属性描述] gives no 带号: add 带号=<zone> to the header."), path, first_point_line)
    try:
        epsg = (gk3_epsg if width_text == "3" else gk6_epsg)(zone, prefix=zone_seen is not None)
    except LandOfficeError as err:
        raise _error(tr_noop("Boundary-point file {path}, line {line}: zone {zone} is not a {width}-degree zone "
                             "of China. Check 带号 and 几度分带."), path, lines.get("带号", first_point_line),
                     zone=zone, width=width_text) from err
    return QgsCoordinateReferenceSystem(f"EPSG:{epsg}")


def _point(parts, path, number):
    if len(parts) != 4:
        raise _error(tr_noop("Boundary-point file {path}, line {line}: a boundary point is written 点号,圈号,X,Y "
                             "(4 values), got {n}: {text}"), path, number, n=len(parts), text=",".join(parts))
    name, ring, x, y = (p.strip() for p in parts)
    try:
        ring_no = int(ring)
        north, east = float(x), float(y)
    except ValueError as err:
        raise _error(tr_noop("Boundary-point file {path}, line {line}: 圈号 must be a whole number and X, Y "
                             "numbers, got {text}"), path, number, text=",".join(parts)) from err
    if not (math.isfinite(north) and math.isfinite(east)) or ring_no < 1:
        raise _error(tr_noop("Boundary-point file {path}, line {line}: 圈号 must be 1 or more and X, Y finite "
                             "numbers, got {text}"), path, number, text=",".join(parts))
    if north >= 10_000_000 and east < 10_000_000:
        raise _error(tr_noop("Boundary-point file {path}, line {line}: X = {x} looks like an easting with a zone "
                             "number and Y = {y} like a northing: X and Y are swapped. In this format X is the "
                             "northing and Y the easting."), path, number, x=x, y=y)
    if not NORTHING_RANGE[0] <= north <= NORTHING_RANGE[1]:
        raise _error(tr_noop("Boundary-point file {path}, line {line}: X = {x} is no northing in China (1 000 000 "
                             "to 6 500 000 m): check that X is the northing and the unit metres."), path, number,
                     x=x)
    return name, ring_no, north, east


def _rings_to_polygon(rings: list):
    """Shapely geometry from closed rings: a ring inside another (outer) ring is its hole."""
    polys = sorted((shapely.Polygon(r) for r in rings), key=lambda p: -abs(p.area))
    outers: list = []  # [shell, [holes]]
    for poly in polys:
        inside = poly.representative_point()
        host = next((o for o in outers if o[0].contains(inside) and not any(h.contains(inside) for h in o[1])),
                    None)
        if host is None:
            outers.append([poly, []])
        else:
            host[1].append(poly)
    out = [shapely.Polygon(o[0].exterior.coords, [h.exterior.coords for h in o[1]]) for o in outers]
    return out[0] if len(out) == 1 else shapely.MultiPolygon(out)


def read_boundary_file(path) -> BoundaryFile:
    """Every parcel of a 界址点坐标 file as a shapely polygon in the file's CGCS2000 Gauss–Krüger CRS (zone-prefixed
    when the Y coordinates carry the zone number)."""
    path = Path(path)
    text = _read_text(path)
    header, header_lines, notes = {}, {}, []
    section = None
    parcels_raw: list = []  # [header parts, line, [(name, ring, north, east, line)]]
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            if line not in (HEADER, PARCELS):
                raise _error(tr_noop("Boundary-point file {path}, line {line}: unknown section {text}: the file "
                                     "has [属性描述] and [地块坐标]."), path, number, text=line)
            section = line
            continue
        if section is None:
            raise _error(tr_noop("Boundary-point file {path}, line {line}: text before [属性描述]: the file starts "
                                 "with the [属性描述] header."), path, number)
        if section == HEADER:
            key, eq, value = line.partition("=")
            if not eq:
                raise _error(tr_noop("Boundary-point file {path}, line {line}: a header line is written key=value, "
                                     "got {text}"), path, number, text=line)
            header[key.strip()] = value.strip()
            header_lines[key.strip()] = number
            continue
        parts = line.replace("，", ",").split(",")
        if parts[-1].strip() == "@":
            if len(parts) < 5:
                raise _error(tr_noop("Boundary-point file {path}, line {line}: a parcel line is written 界址点数,"
                                     "地块面积,地块编号,地块名称,面,图幅号,地块用途,地类编码,@; got {text}"),
                             path, number, text=line)
            shape = parts[4].strip()
            if shape and shape != "面":
                raise _error(tr_noop("Boundary-point file {path}, line {line}: 记录图形属性 is {value}: only "
                                     "parcels (面) can be a site."), path, number, value=shape)
            parcels_raw.append([parts, number, []])
            continue
        if not parcels_raw:
            raise _error(tr_noop("Boundary-point file {path}, line {line}: a boundary point before the first parcel "
                                 "line (…,@)."), path, number)
        parcels_raw[-1][2].append((*_point(parts, path, number), number))
    if not parcels_raw:
        raise LandOfficeError("The 界址点 coordinate file {path} has no parcel: after [地块坐标] each parcel starts "
                              "with a line ending in @ followed by its points 点号,圈号,X,Y.", path=str(path))
    zones = {int(e // 1_000_000) for p in parcels_raw for (_n, _r, _x, e, _l) in p[2] if e >= 1_000_000}
    first_line = parcels_raw[0][1]
    if len(zones) > 1:
        raise _error(tr_noop("Boundary-point file {path}, line {line}: the Y coordinates carry several zone numbers "
                             "({zones}): a file holds one zone."), path, first_line,
                     zones=", ".join(str(z) for z in sorted(zones)))
    crs = _crs_of(header, path, header_lines, zones.pop() if zones else None, first_line)
    parcels = [_parcel(p, path, notes) for p in parcels_raw]
    return BoundaryFile(parcels, crs, header, notes)


def _number(text: str, default=None):
    try:
        return float(text)
    except (TypeError, ValueError):
        return default


def _parcel(raw, path, notes: list) -> BoundaryParcel:
    parts, line, points = raw
    label = parts[3].strip() or parts[2].strip() or str(line)
    if len(points) < 3:
        raise _error(tr_noop("Boundary-point file {path}, line {line}: parcel {label} has {n} boundary points; a "
                             "parcel needs at least 3."), path, line, label=label, n=len(points))
    rings, current, ring_no = [], [], None
    for name, ring, north, east, _ln in points:
        if current and ring != ring_no:
            rings.append((ring_no, current))
            current = []
        ring_no = ring
        current.append((east, north, name))
        if len(current) > 3 and math.dist(current[0][:2], current[-1][:2]) <= CLOSE_TOLERANCE:
            rings.append((ring_no, current))
            current = []
    if current:
        rings.append((ring_no, current))
    closed = []
    for ring_no, pts in rings:
        coords = [p[:2] for p in pts]
        if math.dist(coords[0], coords[-1]) > CLOSE_TOLERANCE:
            notes.append(tr("Parcel {label}, ring {ring}: the ring does not return to its first point {point}; it "
                            "has been closed.").format(label=label, ring=ring_no, point=pts[0][2]))
            coords.append(coords[0])
        if len(coords) < 4:
            raise _error(tr_noop("Boundary-point file {path}, line {line}: parcel {label}, ring {ring} has fewer "
                                 "than 3 distinct points."), path, line, label=label, ring=ring_no)
        closed.append(coords)
    geom = _rings_to_polygon(closed)
    stated = _number(parts[0])
    if stated is not None and int(stated) != len(points):
        notes.append(tr("Parcel {label}: the header gives {stated} boundary points, the file lists {n}.").format(
            label=label, stated=int(stated), n=len(points)))
    area_ha = _number(parts[1], 0.0)
    if area_ha and abs(geom.area / 10000 - area_ha) > max(0.01 * area_ha, 0.0001):
        notes.append(tr("Parcel {label}: the header gives {stated} ha, the boundary encloses {area} ha (plane "
                        "area).").format(label=label, stated=f"{area_ha:.4f}", area=f"{geom.area / 10000:.4f}"))
    return BoundaryParcel(parts[2].strip(), parts[3].strip(), parts[6].strip() if len(parts) > 6 else "",
                          area_ha, geom, line)


def write_boundary_file(path, parcels, crs: QgsCoordinateReferenceSystem, producer: str = "",
                        encoding: str = "gb18030") -> Path:
    """Write ``parcels`` — ``[(name, shapely polygon)]`` in ``crs``, a CGCS2000 Gauss–Krüger CRS — as a
    界址点坐标 file: X northing, Y easting with the zone number, 3 decimals (mm), points J1… per parcel, rings
    numbered 1, 2, … (outer boundaries and holes), each closed by repeating its first point."""
    info = describe_epsg(epsg_code(crs) or 0)
    if info is None:
        raise LandOfficeError("界址点 files hold CGCS2000 Gauss-Kruger coordinates, but the area is in {crs}: "
                              "reproject it to its CGCS2000 zone first.", crs=crs.authid() or crs.description())
    shift = 0.0 if info.prefixed else info.zone * 1_000_000.0
    lines = [HEADER, "格式版本号=1.01", f"数据产生单位={producer}", f"数据产生日期={datetime.date.today():%Y-%m-%d}",
             "坐标系=2000国家大地坐标系", f"几度分带={3 if info.kind == '3deg' else 6}", "投影类型=高斯克吕格",
             "计量单位=米", f"带号={info.zone}", "精度=0.001", "转换参数=,,,,,,", PARCELS]
    for k, (name, geom) in enumerate(parcels, start=1):
        body, ring_no, point_no = [], 0, 0
        for poly in shapely.get_parts(shapely.orient_polygons(geom)):
            for ring in (poly.exterior, *poly.interiors):
                ring_no += 1
                coords = list(ring.coords)[:-1]
                first = point_no + 1
                for east, north in (c[:2] for c in coords):
                    point_no += 1
                    body.append(f"J{point_no},{ring_no},{north:.3f},{east + shift:.3f}")
                body.append(f"J{first},{ring_no},{coords[0][1]:.3f},{coords[0][0] + shift:.3f}")
        label = str(name or f"地块{k}").replace(",", "，")
        lines.append(f"{len(body)},{geom.area / 10000:.4f},{k},{label},面,,,,@")
        lines += body
    path = Path(path)
    try:
        path.write_text("\r\n".join(lines) + "\r\n", encoding=encoding)
    except UnicodeEncodeError as err:
        raise LandOfficeError("A parcel name cannot be written in {encoding}: rename it or write the file as "
                              "UTF-8.", encoding=encoding) from err
    except OSError as err:
        raise LandOfficeError("Could not write the 界址点 file {path}: {error}. Choose another folder.",
                              path=str(path), error=str(err)) from err
    return path
