"""宗地代码 (19 characters) and 不动产单元号 (28 characters), GB/T 37346-2019.

Layout (1-based positions): 1–6 county (GB/T 2260), 7–9 地籍区, 10–12 地籍子区,
13 ownership, 14 parcel type, 15–19 sequence; a unit number adds 20 fixture type and
21–28 the fixture number (F: 4-digit building + 4-digit unit; W: 00000000). The standard
defines no check digit. The meaning tables are data: ``resources/codes/parcel_code.json``.

Input is first passed through :func:`normalise_code`: full-width characters become
half-width (NFKC), spaces and invisible format characters (copy-paste from Word) are
removed and lower-case letters are upper-cased (accepted, not reported). Every other
deviation is reported as a :class:`CodeProblem` whose positions refer to the normalised code.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr, tr_noop
from landoffice_plugin.paths import resource_path

PARCEL_LENGTH = 19
UNIT_LENGTH = 28
TABLES_FILE = ("codes", "parcel_code.json")


@lru_cache(maxsize=1)
def code_tables() -> dict:
    """The meaning tables (ownership, parcel_type, fixture_type, provinces), read once."""
    with resource_path(*TABLES_FILE).open(encoding="utf-8") as handle:
        return json.load(handle)


def _table(name: str) -> dict:
    return code_tables().get(name, {})


def _listing(name: str) -> str:
    return ", ".join(f"{key} {value}" for key, value in _table(name).items())


def normalise_code(code) -> str:
    """Half-width, no spaces or invisible characters, upper case ('' for None)."""
    if code is None:
        return ""
    text = unicodedata.normalize("NFKC", str(code))
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf").upper()



# Digit fields: (start, end, reason).
_DIGIT_FIELDS = (
    (1, 6, tr_noop("the county code (positions 1–6, GB/T 2260) must be digits, got '{value}'")),
    (7, 9, tr_noop("the cadastral district 地籍区 (positions 7–9) must be digits, got '{value}'")),
    (10, 12, tr_noop("the cadastral sub-district 地籍子区 (positions 10–12) must be digits, got '{value}'")),
    (15, 19, tr_noop("the parcel sequence number (positions 15–19) must be digits, got '{value}'")),
)
_FIXTURE_NUMBER = tr_noop("the fixture number (positions 21–28) must be digits, got '{value}'")
_PROVINCE = tr_noop("'{value}' is not a province code (GB/T 2260); a county code starts with one, e.g. 32 江苏省")
_OWNERSHIP = tr_noop("'{value}' is not an ownership code ({valid})")
_PARCEL_TYPE = tr_noop("'{value}' is not a parcel type code ({valid})")
_FIXTURE_TYPE = tr_noop("'{value}' is not a fixture type code ({valid})")
_NO_FIXTURE = tr_noop("with fixture type {fixture} (无定着物) positions 21–28 must be {zeros}, got '{value}'")
_UNIT_AS_PARCEL = tr_noop(
    "a parcel code has 19 characters, got 28: this looks like a real-estate unit number "
    "(不动产单元号); its first 19 characters are the parcel code"
)
_LENGTH = tr_noop("expected {expected} characters, got {count}")
_EITHER_LENGTH = tr_noop(
    "expected 19 (parcel code 宗地代码) or 28 (real-estate unit number 不动产单元号) characters, got {count}"
)
_POSITION = tr_noop("position {start}")
_POSITIONS = tr_noop("positions {start}–{end}")
_TOO_LONG = tr_noop("too long: a real-estate unit number has at most 28 characters, got {count}")


@dataclass(frozen=True)
class CodeProblem:
    """One problem at positions ``start``–``end`` (1-based, inclusive) of the normalised code.

    ``reason`` is an English source string (translated by :meth:`message`) with ``args``.
    """

    start: int
    end: int
    reason: str
    args: dict = field(default_factory=dict, compare=False)

    def positions(self, translate=tr) -> str:
        template = _POSITION if self.start == self.end else _POSITIONS
        return translate(template).format(start=self.start, end=self.end)

    def message(self, translate=tr) -> str:
        """E.g. "position 13: 'X' is not an ownership code (G 国有, J 集体, Z 争议/未定)"."""
        return f"{self.positions(translate)}: {translate(self.reason).format(**self.args)}"

    def message_en(self) -> str:
        return self.message(translate=lambda text: text)


def _digit_problem(text: str, start: int, end: int, reason: str) -> list[CodeProblem]:
    part = text[start - 1 : end]
    bad = [i for i, ch in enumerate(part) if not ("0" <= ch <= "9")]
    if not bad:
        return []
    return [CodeProblem(start + bad[0], start + bad[-1], reason, {"value": part})]


def _letter_problem(text: str, pos: int, table: str, reason: str) -> list[CodeProblem]:
    if len(text) < pos or text[pos - 1] in _table(table):
        return []
    return [CodeProblem(pos, pos, reason, {"value": text[pos - 1], "valid": _listing(table)})]


def _field_problems(text: str) -> list[CodeProblem]:
    """Problems of the characters present in ``text`` (any length; nothing about length)."""
    problems: list[CodeProblem] = []
    for start, end, reason in _DIGIT_FIELDS[:1]:
        problems += _digit_problem(text, start, end, reason)
    province = text[:2]
    if len(province) == 2 and province.isdigit() and province not in _table("provinces"):
        problems.append(CodeProblem(1, 2, _PROVINCE, {"value": province}))
    for start, end, reason in _DIGIT_FIELDS[1:3]:
        problems += _digit_problem(text, start, end, reason)
    problems += _letter_problem(text, 13, "ownership", _OWNERSHIP)
    problems += _letter_problem(text, 14, "parcel_type", _PARCEL_TYPE)
    start, end, reason = _DIGIT_FIELDS[3]
    problems += _digit_problem(text, start, end, reason)
    problems += _letter_problem(text, 20, "fixture_type", _FIXTURE_TYPE)
    problems += _fixture_number_problems(text)
    return problems


def _fixture_number_problems(text: str) -> list[CodeProblem]:
    number = text[20:UNIT_LENGTH]
    if not number:
        return []
    no_fixture = code_tables().get("no_fixture_code", "W")
    zeros = code_tables().get("no_fixture_number", "00000000")
    if text[19] == no_fixture and not zeros.startswith(number):
        args = {"fixture": no_fixture, "zeros": zeros, "value": number}
        return [CodeProblem(21, 20 + len(number), _NO_FIXTURE, args)]
    return _digit_problem(text, 21, UNIT_LENGTH, _FIXTURE_NUMBER)


def _length_problem(count: int, expected: int) -> list[CodeProblem]:
    if count == expected:
        return []
    reason = _UNIT_AS_PARCEL if (expected, count) == (PARCEL_LENGTH, UNIT_LENGTH) else _LENGTH
    start, end = (count + 1, expected) if count < expected else (expected + 1, count)
    return [CodeProblem(start, end, reason, {"expected": expected, "count": count})]


def parcel_code_problems(code) -> list[CodeProblem]:
    """Every problem of a 19-character 宗地代码 (empty list: valid)."""
    text = normalise_code(code)
    return _length_problem(len(text), PARCEL_LENGTH) + _field_problems(text[:PARCEL_LENGTH])


def unit_number_problems(code) -> list[CodeProblem]:
    """Every problem of a 28-character 不动产单元号 (empty list: valid)."""
    text = normalise_code(code)
    return _length_problem(len(text), UNIT_LENGTH) + _field_problems(text[:UNIT_LENGTH])


def code_problems(code) -> list[CodeProblem]:
    """Problems of either kind of code, chosen by length (19 or 28 characters)."""
    text = normalise_code(code)
    if len(text) == PARCEL_LENGTH:
        return parcel_code_problems(text)
    if len(text) == UNIT_LENGTH:
        return unit_number_problems(text)
    count = len(text)
    if count < PARCEL_LENGTH:
        start, end = count + 1, PARCEL_LENGTH
    elif count < UNIT_LENGTH:
        start, end = count + 1, UNIT_LENGTH
    else:
        start, end = UNIT_LENGTH + 1, count
    length = CodeProblem(start, end, _EITHER_LENGTH, {"count": count})
    return [length] + _field_problems(text[:UNIT_LENGTH])


def prefix_problems(text) -> list[CodeProblem]:
    """Problems of ``text`` as the beginning of a parcel code or unit number (1–28 chars)."""
    norm = normalise_code(text)
    problems = []
    if len(norm) > UNIT_LENGTH:
        problems.append(CodeProblem(UNIT_LENGTH + 1, len(norm), _TOO_LONG, {"count": len(norm)}))
    return problems + _field_problems(norm[:UNIT_LENGTH])


def is_parcel_code_prefix(text) -> bool:
    """True when ``text`` (1–28 characters) can be completed to a valid code."""
    return bool(normalise_code(text)) and not prefix_problems(text)


def _problem_list(problems: list[CodeProblem]) -> str:
    return "; ".join(p.message() for p in problems)


def validate_parcel_code(code) -> str:
    """The normalised code; LandOfficeError listing every problem with its positions."""
    problems = parcel_code_problems(code)
    if problems:
        raise LandOfficeError(
            "'{code}' is not a valid parcel code (宗地代码, 19 characters, GB/T 37346-2019): {problems}. "
            "Correct these positions and enter the code again.",
            code=normalise_code(code),
            problems=_problem_list(problems),
        )
    return normalise_code(code)


def validate_unit_number(code) -> str:
    """The normalised number; LandOfficeError listing every problem with its positions."""
    problems = unit_number_problems(code)
    if problems:
        raise LandOfficeError(
            "'{code}' is not a valid real-estate unit number (不动产单元号, 28 characters, GB/T 37346-2019): "
            "{problems}. Correct these positions and enter the number again.",
            code=normalise_code(code),
            problems=_problem_list(problems),
        )
    return normalise_code(code)


@dataclass(frozen=True)
class ParcelCode:
    code: str
    county: str
    district: str
    subdistrict: str
    ownership: str
    parcel_type: str
    sequence: str

    @property
    def village_prefix(self) -> str:
        """Positions 1–12: county + 地籍区 + 地籍子区."""
        return self.code[:12]

    @property
    def province_name(self) -> str:
        return _table("provinces").get(self.county[:2], "")

    @property
    def ownership_name(self) -> str:
        return _table("ownership").get(self.ownership, "")

    @property
    def parcel_type_name(self) -> str:
        return _table("parcel_type").get(self.parcel_type, "")

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class UnitNumber:
    code: str
    parcel: ParcelCode
    fixture: str
    fixture_number: str
    building: str
    unit: str

    @property
    def fixture_name(self) -> str:
        return _table("fixture_type").get(self.fixture, "")

    county = property(lambda self: self.parcel.county)
    district = property(lambda self: self.parcel.district)
    subdistrict = property(lambda self: self.parcel.subdistrict)
    ownership = property(lambda self: self.parcel.ownership)
    parcel_type = property(lambda self: self.parcel.parcel_type)
    sequence = property(lambda self: self.parcel.sequence)
    village_prefix = property(lambda self: self.parcel.village_prefix)

    def __str__(self) -> str:
        return self.code


def _split_parcel(text: str) -> ParcelCode:
    return ParcelCode(text[:19], text[0:6], text[6:9], text[9:12], text[12], text[13], text[14:19])


def parse_parcel_code(code) -> ParcelCode:
    """Split a valid 宗地代码; LandOfficeError (every problem listed) otherwise."""
    return _split_parcel(validate_parcel_code(code))


def parse_unit_number(code) -> UnitNumber:
    """Split a valid 不动产单元号; building and unit are set for fixture type F only."""
    text = validate_unit_number(code)
    fixture, number = text[19], text[20:28]
    has_units = fixture == "F"
    return UnitNumber(
        code=text,
        parcel=_split_parcel(text),
        fixture=fixture,
        fixture_number=number,
        building=number[:4] if has_units else "",
        unit=number[4:] if has_units else "",
    )
