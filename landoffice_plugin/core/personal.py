"""Personal data: resident ID numbers (GB 11643-1999) and phone numbers; masking.

ID layout: positions 1–6 address code, 7–14 birth date YYYYMMDD, 15–17 sequence (17 odd:
male), 18 check character (ISO 7064 MOD 11-2). Masking keeps the first 6 and last 4
characters of an ID and hides the birth date; mobiles keep 3 + 4 digits, landlines the
last 4. Messages never repeat an ID number in clear.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr

ID_LENGTH = 18
OLD_ID_LENGTH = 15
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"  # indexed by (weighted sum mod 11)
EARLIEST_BIRTH_YEAR = 1800
MASK = "*"

_ASCII_DIGITS = frozenset("0123456789")
# \d also matches full-width digits, so text pasted from Word is masked too.
_ID_IN_TEXT = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXxＸｘ])(?!\d)")
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)((?:86)?[1１][3-9３-９]\d)([- ]?)\d{4}([- ]?)(\d{4})(?!\d)")
_MOBILE = re.compile(r"(?:86)?1[3-9]\d{9}")


def _normalise(value) -> str:
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf").upper()


def _is_digits(text: str) -> bool:
    return bool(text) and all(ch in _ASCII_DIGITS for ch in text)


def id_check_digit(first17: str) -> str:
    """The 18th character for the first 17 digits: sum(d_i × w_i) mod 11 → 1 0 X 9 8 7 6 5 4 3 2."""
    digits = _normalise(first17)
    if len(digits) != 17 or not _is_digits(digits):
        raise LandOfficeError(
            "The ID check digit needs exactly 17 digits (the ID number without its last character), "
            "got {count} characters. Pass the first 17 digits.",
            count=len(digits),
        )
    total = sum(int(d) * w for d, w in zip(digits, ID_WEIGHTS))
    return ID_CHECK_CHARS[total % 11]


def _birth_date(digits8: str) -> _dt.date | None:
    try:
        return _dt.date(int(digits8[:4]), int(digits8[4:6]), int(digits8[6:8]))
    except ValueError:
        return None


def id_number_problems(value, today: _dt.date | None = None) -> list[str]:
    """Every problem of an 18-character ID number, as translated sentences (empty: valid)."""
    text = _normalise(value)
    if not text:
        return [tr("the ID number is empty")]
    if len(text) == OLD_ID_LENGTH and _is_digits(text):
        return [tr("this is an old 15-digit ID number; ask for the 18-digit number of the current card")]
    problems = []
    if len(text) != ID_LENGTH:
        problems.append(tr("an ID number has 18 characters, got {count}").format(count=len(text)))
    body = text[:17]
    bad = [str(i + 1) for i, ch in enumerate(body) if ch not in _ASCII_DIGITS]
    if bad:
        problems.append(
            tr("characters 1–17 must be digits; position(s) {positions} are not").format(positions=", ".join(bad))
        )
    if len(text) == ID_LENGTH and text[17] not in _ASCII_DIGITS and text[17] != "X":
        problems.append(tr("the last character (position 18) must be a digit or X"))
    if len(text) != ID_LENGTH or bad:
        return problems
    born = _birth_date(text[6:14])
    today = today or _dt.date.today()
    if born is None:
        problems.append(tr("positions 7–14 are not a valid birth date (YYYYMMDD)"))
    elif born > today:
        problems.append(tr("the birth date (positions 7–14) lies in the future"))
    elif born.year < EARLIEST_BIRTH_YEAR:
        problems.append(tr("the birth date (positions 7–14) is before {year}").format(year=EARLIEST_BIRTH_YEAR))
    if text[17] in _ASCII_DIGITS or text[17] == "X":
        expected = id_check_digit(body)
        if text[17] != expected:
            problems.append(
                tr("the check digit (position 18) should be {expected}, got {actual}").format(
                    expected=expected, actual=text[17]
                )
            )
    return problems


_PLAIN_ID = re.compile(r"[0-9]{17}[0-9X]")


def _plain_id_valid(text: str, today: _dt.date) -> bool:
    """:func:`id_number_problems` is empty, for an 18-character ASCII text (no normalisation needed)."""
    born = _birth_date(text[6:14])
    if born is None or born > today or born.year < EARLIEST_BIRTH_YEAR:
        return False
    total = sum(int(d) * w for d, w in zip(text, ID_WEIGHTS))
    return ID_CHECK_CHARS[total % 11] == text[17]


def id_numbers_valid(values, today: _dt.date | None = None) -> list[bool]:
    """For many values (a table column): whether each is a valid ID number, the same verdict as
    :func:`id_number_problems` but without building messages (plain 18-character numbers take a short path)."""
    today = today or _dt.date.today()
    out = []
    for value in values:
        text = value if isinstance(value, str) else ("" if value is None else str(value))
        if _PLAIN_ID.fullmatch(text):
            out.append(_plain_id_valid(text, today))
        else:
            out.append(not id_number_problems(value, today=today))
    return out


def validate_id_number(value, today: _dt.date | None = None) -> str:
    """The normalised ID number (upper-case X); LandOfficeError listing every problem."""
    problems = id_number_problems(value, today=today)
    if problems:
        raise LandOfficeError(
            "ID number {masked} is not valid: {problems}. Check it against the ID card and enter it again.",
            masked=mask_id_number(value),
            problems="; ".join(problems),
        )
    return _normalise(value)


def birth_date_from_id(value) -> _dt.date:
    """Birth date from an 18-digit (or old 15-digit, 19YYMMDD) ID number."""
    text = _normalise(value)
    if len(text) == ID_LENGTH and _is_digits(text[:14]):
        born = _birth_date(text[6:14])
    elif len(text) == OLD_ID_LENGTH and _is_digits(text):
        born = _birth_date("19" + text[6:12])
    else:
        born = None
    if born is None:
        raise LandOfficeError(
            "No birth date can be read from ID number {masked}: it needs 18 characters with a valid "
            "YYYYMMDD date at positions 7–14. Check the number.",
            masked=mask_id_number(value),
        )
    return born


def sex_from_id(value) -> str:
    """'M' or 'F' from the sequence digit (position 17; 15 on old IDs): odd is male."""
    text = _normalise(value)
    if len(text) == ID_LENGTH and text[16] in _ASCII_DIGITS:
        digit = text[16]
    elif len(text) == OLD_ID_LENGTH and _is_digits(text):
        digit = text[14]
    else:
        raise LandOfficeError(
            "The sex cannot be read from ID number {masked}: position 17 of an 18-character ID must be a digit. "
            "Check the number.",
            masked=mask_id_number(value),
        )
    return "M" if int(digit) % 2 else "F"


def mask_id_number(value) -> str:
    """Keep the first 6 and last 4, hide the birth date: 110105********002X."""
    text = _normalise(value)
    if len(text) == ID_LENGTH:
        return text[:6] + MASK * 8 + text[14:]
    if len(text) == OLD_ID_LENGTH:
        return text[:6] + MASK * 6 + text[12:]
    return MASK * max(len(text) - 4, 0) + text[-4:] if len(text) > 4 else MASK * len(text)


def mask_phone(value) -> str:
    """Mobiles: 138****5678 (formatting kept); any other number: every digit but the last 4."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value)).strip()
    places = [i for i, ch in enumerate(text) if ch in _ASCII_DIGITS]
    digits = "".join(text[i] for i in places)
    if _MOBILE.fullmatch(digits):
        offset = len(digits) - 11
        hidden = set(places[offset + 3 : offset + 7])
    else:
        hidden = set(places[:-4]) if len(places) > 4 else set(places)
    return "".join(MASK if i in hidden else ch for i, ch in enumerate(text))


def mask_personal_text(text) -> str:
    """Mask every ID number (18 digits, or 17 + X) and mobile number in free text."""
    if not text:
        return "" if text is None else text
    text = _ID_IN_TEXT.sub(lambda m: m.group(1) + MASK * 8 + m.group(2), str(text))
    return _MOBILE_IN_TEXT.sub(lambda m: m.group(1) + m.group(2) + MASK * 4 + m.group(3) + m.group(4), text)
