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


def pick(pkg, *avoid):
    """A feature whose DLBM is none of ``avoid`` (so setting one of them really changes it)."""
    return next(fid for fid, f in sorted(features(pkg).items()) if f["DLBM"] not in avoid)
