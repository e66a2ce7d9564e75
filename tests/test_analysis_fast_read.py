"""The Arrow fast path reads the same rows, geometries and attributes as the QGIS-feature path."""
import datetime

import numpy as np
import pytest
import shapely
from qgis.core import QgsVectorLayer

from landoffice_plugin.analysis.fast_read import read_gpkg_arrow
from landoffice_plugin.analysis.loading import _read_features, layer_input, load_input

ROLES = ("DLTB", "XZQ", "CJDCQ", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "GYQY", "ZD", "ZRZ")


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        return float(a) == pytest.approx(float(b), rel=1e-12, abs=1e-12)
    if isinstance(b, datetime.datetime):
        b = b.date()
    return a == b


@pytest.mark.parametrize("role", ROLES)
def test_arrow_read_matches_qgis_features(qgis_app, small_county, role):
    lyr = QgsVectorLayer(f"{small_county}|layername={role}", role, "ogr")
    assert lyr.isValid()
    inp = layer_input(lyr, role)
    assert inp.gpkg is not None
    fast = read_gpkg_arrow(*inp.gpkg, inp.mapping)
    assert fast is not None
    slow = _read_features(inp, None)
    fids, geoms, attrs = fast
    order = np.argsort(slow[0])
    s_fids, s_geoms = slow[0][order], slow[1][order]
    assert len(fids) == lyr.featureCount() > 0
    assert list(fids) == list(s_fids)
    assert shapely.equals_exact(geoms, s_geoms, tolerance=1e-9).all()
    assert set(attrs) == set(slow[2])
    nulls = 0
    for name, values in attrs.items():
        expected = slow[2][name][order]
        bad = [i for i, (a, b) in enumerate(zip(values, expected)) if not _same(a, b)]
        assert not bad, (name, values[bad[0]], expected[bad[0]])
        nulls += sum(v is None for v in values)
    if role == "GYYD":  # the sample leaves some dates empty: NULL must stay None, not 0 or a default date
        assert nulls > 0


def test_load_input_uses_the_arrow_path_and_keeps_the_subset(qgis_app, small_county, monkeypatch):
    lyr = QgsVectorLayer(f"{small_county}|layername=DLTB", "DLTB", "ogr")
    inp = layer_input(lyr, "DLTB")
    calls = []
    import landoffice_plugin.analysis.loading as loading

    real = loading.read_gpkg_arrow
    monkeypatch.setattr(loading, "read_gpkg_arrow", lambda *a, **kw: calls.append(a) or real(*a, **kw))
    arr = load_input(inp, lyr.crs())
    assert calls and len(arr) == lyr.featureCount()
    lyr.setSubsetString("\"DLBM\" = '0101'")
    sub = layer_input(lyr, "DLTB")
    assert sub.gpkg is None  # a filtered layer goes through QGIS
    part = load_input(sub, lyr.crs())
    assert 0 < len(part) < len(arr)
    assert set(part.col("DLBM")) == {"0101"}
