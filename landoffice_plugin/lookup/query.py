"""Classify what the user typed into the search box, and say what is wrong with it.

One box takes every form, so the query is normalised (NFKC: full-width letters and digits become
ASCII; codes upper-case) and tried as each kind it can be:

* code: 1–28 letters/digits starting with a digit → 宗地代码 (19) / 不动产单元号 (28), exact when
  complete, else a prefix; :func:`landoffice_plugin.core.parcel_codes.prefix_problems` names the
  wrong position, which the dock shows as a hint (the search still runs: data can be wrong too).
* TBBH: digits only, at most 8 (the DLTB 图斑编号 field width), or ``TB``/``图斑`` + digits.
* pinyin: lower-case Latin letters only (``zhangjianguo``, ``zjg``).
* name and address: anything with Chinese characters; digits with Chinese are an address (``10组``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from landoffice_plugin.core.parcel_codes import UNIT_LENGTH, prefix_problems
from landoffice_plugin.i18n import tr

_CODE = re.compile(r"^[0-9][0-9A-Z]*$")
_TBBH = re.compile(r"^(?:TB|图斑|图斑编号|图斑号)?\s*([0-9]{1,8})$", re.IGNORECASE)
_PINYIN = re.compile(r"^[a-z]+$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACES = re.compile(r"[\s\u3000]+")


@dataclass
class Query:
    text: str                       # normalised
    code: str = ""                  # upper-case code or prefix, "" if not code-like
    tbbh: str = ""                  # DLTB patch number
    pinyin: str = ""                # lower-case letters
    chinese: str = ""               # name / address fragment
    problems: list = field(default_factory=list)  # CodeProblem of the code prefix

    @property
    def empty(self) -> bool:
        return not (self.code or self.tbbh or self.pinyin or self.chinese)


def normalise(text) -> str:
    text = unicodedata.normalize("NFKC", str(text or ""))
    return _SPACES.sub("", text).strip()


def parse(text) -> Query:
    norm = normalise(text)
    query = Query(norm)
    if not norm:
        return query
    tb = _TBBH.match(norm)
    if tb:
        query.tbbh = tb.group(1)
    upper = norm.upper()
    if _CODE.match(upper):
        query.code = upper[:UNIT_LENGTH + 4]
        query.problems = prefix_problems(upper)
    elif _PINYIN.match(norm.lower()):
        query.pinyin = norm.lower()
    elif _CJK.search(norm):
        query.chinese = norm
    return query


def hint() -> str:
    """What can be searched: shown for an empty or unrecognised query and when nothing matches."""
    return tr("Search by parcel code (宗地代码, 19 characters, or any beginning of it), real-estate unit "
              "number (不动产单元号, 28), owner name (全名或部分, e.g. 张建国 or 建国), owner pinyin "
              "(zhangjianguo or zjg), address fragment (坐落, e.g. 湖塘村5组) or DLTB patch number (图斑编号).")


def problem_text(query: Query) -> str:
    """The code problems of ``query`` in words (positions named), or ""."""
    if not query.problems:
        return ""
    lines = "; ".join(p.message() for p in query.problems)
    return tr("This does not look like a valid parcel code: {problems}").format(problems=lines)
