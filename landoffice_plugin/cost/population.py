"""Population tables (户籍 / 人地数据, role HJ) of either shape, read as households.

One row per person (``XM`` 姓名, ``GMSFHM`` 公民身份号码, ``YHZGX`` 与户主关系): a household is its rows with
the same ``HH``, its head the row whose relation is 户主 (else its first row), its persons the rows. One row
per household (``HZXM`` 户主姓名, ``HZSFZHM`` 户主公民身份号码, ``JTRKS`` 家庭人口数): the persons are the count.
The shape comes from the fields the layer has (``shapes`` of HJ in ``resources/roles.json``,
:func:`~landoffice_plugin.core.roles.table_shape`). A count that is not a whole number ≥ 1 is named in a
warning and counted as one person (the head); ID numbers never appear in messages.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.roles import table_shape
from landoffice_plugin.i18n import tr

from .inputs import LayerInput, read

HEAD_RELATIONS = ("户主", "本人")
PERSON_FIELDS = ("HH", "ZDDM", "XM", "GMSFHM", "YHZGX")
HOUSEHOLD_FIELDS = ("HH", "ZDDM", "HZXM", "HZSFZHM", "JTRKS")


@dataclass
class PopulationHousehold:
    hh: str
    zddm: str
    head: str
    head_id: str
    persons: int


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def population_shape(hj: LayerInput) -> str:
    """'person' or 'household' from the fields the table provides."""
    shape = table_shape("HJ", hj.mapping)
    if shape is None:
        raise LandOfficeError(
            "The population table {layer} has neither a name per person (XM 姓名) nor a person count per household "
            "(JTRKS 家庭人口数). Map one of them in the field mapping of 户籍（人口）.", layer=hj.name)
    return shape


def _count(value):
    """A person count as an int ≥ 1, or None."""
    if isinstance(value, bool) or value in (None, ""):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    if number != number.to_integral_value() or number < 1:
        return None
    return int(number)


def _ids(items) -> str:
    items = list(items)
    return ", ".join(items[:10]) + (" …" if len(items) > 10 else "")


def _per_person(table, classify) -> dict:
    members: dict = {}
    for i in range(len(table)):
        group = classify(_text(table.col("ZDDM")[i]))
        if group is not None:
            members.setdefault(group, {}).setdefault(_text(table.col("HH")[i]), []).append(i)
    out: dict = {}
    for group, households in members.items():
        for hh, rows in households.items():
            head = next((i for i in rows if _text(table.col("YHZGX")[i]) in HEAD_RELATIONS), rows[0])
            out.setdefault(group, {})[hh] = PopulationHousehold(
                hh, _text(table.col("ZDDM")[rows[0]]), _text(table.col("XM")[head]),
                _text(table.col("GMSFHM")[head]), len(rows))
    return out


def _per_household(table, classify, warnings: list) -> dict:
    out: dict = {}
    seen, bad, repeated = set(), [], []
    for i in range(len(table)):
        zddm = _text(table.col("ZDDM")[i])
        group = classify(zddm)
        if group is None:
            continue
        hh = _text(table.col("HH")[i])
        if hh in seen:
            repeated.append(hh)
            continue
        seen.add(hh)
        n = _count(table.col("JTRKS")[i])
        if n is None:
            bad.append(f"{hh}（{_text(table.col('JTRKS')[i]) or '—'}）")
            n = 1
        out.setdefault(group, {})[hh] = PopulationHousehold(hh, zddm, _text(table.col("HZXM")[i]),
                                                            _text(table.col("HZSFZHM")[i]), n)
    if bad:
        warnings.append(tr("{n} households have no valid person count (JTRKS 家庭人口数, a whole number of at least "
                           "1) and are counted as 1 person (the head): {ids}").format(n=len(bad), ids=_ids(bad)))
    if repeated:
        warnings.append(tr("{n} household numbers appear more than once in a one-row-per-household table; only "
                           "their first row is counted: {ids}").format(n=len(set(repeated)),
                                                                       ids=_ids(sorted(set(repeated)))))
    return out


def read_households(hj: LayerInput, classify, expression=None, warnings=None) -> dict:
    """``{group: {HH: PopulationHousehold}}`` from a table of either shape: ``classify(ZDDM)`` names the group
    of a row (None: left out); ``expression`` pre-filters the rows; warnings are appended to ``warnings``."""
    warnings = warnings if warnings is not None else []
    if population_shape(hj) == "person":
        table = read(hj, list(PERSON_FIELDS), expression=expression, geometry=False)
        return _per_person(table, classify)
    table = read(hj, list(HOUSEHOLD_FIELDS), expression=expression, geometry=False)
    return _per_household(table, classify, warnings)
