"""Helpers shared by the sync tests: the field package's layers as QGIS sees them, edits in QGIS edit mode."""
from __future__ import annotations

from qgis.core import QgsVectorLayer


def layer(pkg, name="DLTB") -> QgsVectorLayer:
    lyr = QgsVectorLayer(f"{pkg}/fieldwork.gpkg|layername={name}", name, "ogr")
    assert lyr.isValid()
    return lyr


def features(pkg, name="DLTB") -> dict:
    return {f["id"]: f for f in layer(pkg, name).getFeatures()}


def edit_layer(pkg, fn, name="DLTB"):
    lyr = layer(pkg, name)
    assert lyr.startEditing()
    fn(lyr)
    assert lyr.commitChanges(), lyr.commitErrors()


def set_value(pkg, fid, field, value, name="DLTB"):
    def change(lyr):
        feat = next(f for f in lyr.getFeatures() if f["id"] == fid)
        assert lyr.changeAttributeValue(feat.id(), lyr.fields().indexOf(field), value)
    edit_layer(pkg, change, name)


def own(pkg, name="DLTB") -> list:
    """The ids (sorted) of the features lying wholly inside the package's checkout extent.

    The sync tests share one data centre and each edits its own extent; a large patch on the edge
    of an extent is also in its neighbour's checkout, so a test edits only the features no other
    extent can hold (ids are random: picking "the first sorted" one would sometimes take a shared one).
    """
    from qgis.core import QgsRectangle

    from landoffice_plugin.sync.package import read_meta

    bbox = read_meta(pkg / "fieldwork.gpkg")["area"].get("bbox")
    inside = QgsRectangle(*bbox) if bbox else None
    return sorted(f["id"] for f in layer(pkg, name).getFeatures()
                  if inside is None or inside.contains(f.geometry().boundingBox()))


def pick(pkg, *avoid):
    """A feature of the package's own (see :func:`own`) whose DLBM is none of ``avoid`` (so setting one of
    them really changes it)."""
    found = features(pkg)
    return next(fid for fid in own(pkg) if found[fid]["DLBM"] not in avoid)
