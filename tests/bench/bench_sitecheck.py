"""Benchmark: site compliance check (issue 14) on the county sample: a 15-亩 site and a 1,000-亩 site.

Usage: .venv/bin/python tests/bench/bench_sitecheck.py [gpkg]
Targets (issue 14): 15-亩 site report on screen < 1 s, its PDF < 3 s; 1,000-亩 site < 3 s on screen.
"On screen" is the engine's report (check_site): what the dock shows. Prints every timing.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import county_gpkg, start, timed  # noqa: E402

ROLES = ("XZQ", "DLTB", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "ZD", "ZRZ", "HJ")


def main() -> None:
    start()
    gpkg = Path(sys.argv[1]) if len(sys.argv) > 1 else county_gpkg()
    from qgis.core import QgsGeometry, QgsVectorLayer

    from landoffice_plugin.sitecheck.engine import SiteInputs, check_site
    from landoffice_plugin.sitecheck.report_pdf import export_site_pdf
    from landoffice_plugin.sitecheck.report_xlsx import write_site_xlsx
    from landoffice_plugin.sitecheck.site import site_from_geometries

    layers = {r: QgsVectorLayer(f"{gpkg}|layername={r}", r, "ogr") for r in ROLES}
    layers = {r: lyr for r, lyr in layers.items() if lyr.isValid()}
    ext = layers["CZKFBJ"].extent()
    cx, cy = ext.center().x(), ext.center().y()
    out = Path(tempfile.mkdtemp(prefix="bench_sitecheck_"))
    inputs = SiteInputs(layers)
    for mu, side in ((15, 100.0), (1000, 816.5)):
        geom = QgsGeometry.fromWkt(f"POLYGON(({cx} {cy},{cx + side} {cy},{cx + side} {cy + side},{cx} {cy + side},"
                                   f"{cx} {cy}))")
        site = site_from_geometries([geom], layers["DLTB"].crs(), f"{mu}亩选址")
        target = "< 1 s" if mu == 15 else "< 3 s"
        report = timed(f"{mu}-亩 site, first run (target {target})", check_site, site, inputs)
        report = timed(f"{mu}-亩 site, again", check_site, site, inputs)
        print(f"  site {report.site_mu:.2f} 亩, {len(report.pieces)} pieces, {len(report.verdicts)} verdicts")
        timed(f"{mu}-亩 xlsx", write_site_xlsx, [report], out / f"site{mu}.xlsx")
        timed(f"{mu}-亩 PDF (target {'< 3 s' if mu == 15 else '-'})", export_site_pdf, [report], out / f"site{mu}.pdf",
              layers)


if __name__ == "__main__":
    main()
