import datetime

from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from landoffice_plugin.core.qt_values import python_value


def test_null_and_dates_become_python_values():
    assert python_value(QVariant()) is None
    assert python_value(None) is None
    assert python_value(QDate(2021, 3, 4)) == datetime.date(2021, 3, 4)
    assert python_value(QDate()) is None
    assert python_value(QDateTime(QDate(2020, 1, 2))) == datetime.date(2020, 1, 2)
    assert python_value("湖塘村") == "湖塘村" and python_value(3.5) == 3.5
