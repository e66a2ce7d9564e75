"""The field-task round of the demo (``make demo``): two tasks checked on the laptop, with photos, synced back.

``python -m landoffice_plugin.tasks.demo_round PACKAGE_DIR OUT_DIR [GATEWAY_URL]`` takes the first two open tasks of
the package, "photographs" each (a sample JPEG whose EXIF says where — 8 m from the task —, which way
and when: :mod:`..sample.photo`), attaches the photos, records the results (one 已核查, one 已整改),
syncs (through the accounts gateway as 澄湖镇's office when ``GATEWAY_URL`` is given, like
:mod:`..sync.demo_round`), and writes the task report (``OUT_DIR/tasks.xlsx``, ``OUT_DIR/tasks.pdf``). It prints the
progress per township and exits 1 when the package has no open task or the sync did not send the
results and photos.
"""
from __future__ import annotations

import datetime as _dt
import sys
import tempfile
from pathlib import Path

import shapely

from ..sample.photo import write_photo
from ..sync.package import open_package, read_layer, read_meta
from ..sync.sync import sync_package
from .evidence import attach_photo, complete_task
from .model import CHECKED, FIXED, OPEN
from .report import package_tasks, progress, write_task_pdf, write_task_xlsx

RESULTS = ((CHECKED, "现场核实：与内业核查一致"), (FIXED, "现场已整改，已拍照留证"))


def _lonlat(x: float, y: float, epsg: int) -> tuple:
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(f"EPSG:{epsg}"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    point = transform.transform(QgsPointXY(x, y))
    return point.x(), point.y()


def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    folder, out = Path(argv[0]), Path(argv[1])
    path = open_package(folder)
    epsg = int(read_meta(path).get("epsg", 4549))
    tasks = read_layer(path, "RWTB")
    open_ids = sorted((f.props.get("RWBH") or "", fid) for fid, f in tasks.items() if f.props.get("ZT") == OPEN)
    if len(open_ids) < len(RESULTS):
        print(f"the field package has {len(open_ids)} open tasks: nothing to check in the field", file=sys.stderr)
        return 1
    now = _dt.datetime.now()
    with tempfile.TemporaryDirectory() as camera:
        for k, ((number, fid), (status, result)) in enumerate(zip(open_ids, RESULTS)):
            centre = shapely.from_wkb(tasks[fid].geom).representative_point()
            lon, lat = _lonlat(centre.x + 8.0, centre.y, epsg)
            photo = Path(camera) / f"IMG_{k + 1:04d}.jpg"
            write_photo(photo, lon, lat, 270.0, (now + _dt.timedelta(minutes=5 * k)).strftime("%Y:%m:%d %H:%M:%S"),
                        colour=(110 + 40 * k, 150, 90))
            evidence = attach_photo(folder, fid, photo, note=f"{number} 现场照片")
            complete_task(folder, fid, result, "外业核查员", status)
            print(f"task {number}: {status}, photo {evidence.props['PHOTO_NAME']} "
                  f"(EXIF position, direction 270°, SHA-256 {evidence.props['PHOTO_SHA256'][:16]}…)")
    client = None
    if len(argv) > 2:
        import requests

        from ..sync.client import FeatureClient

        session = requests.Session()
        session.auth = ("chenghu", "chenghu-2026")  # the example accounts file's demo login
        client = FeatureClient(argv[2], session=session)
    try:
        report = sync_package(folder, client=client)
    finally:
        if client is not None:
            client.close()
    print(f"sync: {report.summary()}")
    all_tasks, photos = package_tasks(folder)
    for row in progress(all_tasks):
        print(f"township {row['township']}: {row['total']} tasks, {row['open']} open, {row['checked']} checked, "
              f"{row['fixed']} fixed")
    xlsx = write_task_xlsx(all_tasks, photos, out / "tasks.xlsx")
    pdf = write_task_pdf(all_tasks, photos, folder, out / "tasks.pdf")
    print(f"task report: {xlsx}, {pdf}")
    if report.updated < len(RESULTS) or report.created < len(RESULTS) or report.conflicts:
        print("the task round did not send the results and photos it should", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    from ..headless import start_qgis

    start_qgis()
    sys.exit(main())
