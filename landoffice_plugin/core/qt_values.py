"""Attribute values from QGIS features as plain Python values (for numpy/shapely engines)."""
from __future__ import annotations


def python_value(value):
    """NULL → None, QDate/QDateTime → ``datetime.date``, anything else unchanged."""
    if value is None:
        return None
    name = type(value).__name__
    if name == "QVariant":
        return None if value.isNull() else value.value()
    if name == "QDate":
        return value.toPyDate() if value.isValid() else None
    if name == "QDateTime":
        return value.toPyDateTime().date() if value.isValid() else None
    return value
