"""Pinyin keys of owner names, for search by full pinyin (``zhangjianguo``) or initials (``zjg``).

pypinyin (pure Python) gives a reading for every character. Polyphonic surnames (单 shan, 曾
zeng, 解 xie, …) are read from ``resources/lookup/surname_pinyin.json`` for the first character(s);
each name is indexed under both the surname reading and pypinyin's default reading, so a user who
types either spelling finds it. Keys are computed once per *distinct* name (names repeat a lot),
which keeps a county-wide index build cheap.

Without pypinyin the plugin still works: :func:`available` is False, pinyin search is disabled and
the dock says so once (see :func:`unavailable_message`).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from landoffice_plugin.i18n import tr
from landoffice_plugin.paths import resource_path

_LATIN = re.compile(r"[a-z]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

_UNLOADED = object()
# Optional dependency, imported on first use: loading its dictionaries takes ~0.3 s, which must
# not be paid at QGIS start. None once we know it is not installed.
lazy_pinyin = _UNLOADED
Style = None


def _backend():
    global lazy_pinyin, Style
    if lazy_pinyin is _UNLOADED:
        try:
            from pypinyin import Style as style
            from pypinyin import lazy_pinyin as convert
        except ImportError:
            lazy_pinyin = None
        else:
            lazy_pinyin, Style = convert, style
    return lazy_pinyin


def available() -> bool:
    return _backend() is not None


def unavailable_message() -> str:
    return tr("Pinyin search is off because the Python package pypinyin is not installed. "
              "Install it (pip install pypinyin==0.55.0) and restart QGIS to search owners by pinyin.")


@lru_cache(maxsize=1)
def surname_readings() -> dict:
    data = json.loads(resource_path("lookup", "surname_pinyin.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _syllables(text: str) -> list[str]:
    """One lower-case syllable per CJK character; other characters are dropped."""
    out = []
    for syl in _backend()(text, style=Style.NORMAL, errors="ignore"):
        out.extend(_LATIN.findall(syl.lower().replace("ü", "v")))
    return out


def _surname_variant(name: str) -> list[str] | None:
    table = surname_readings()
    for length in (2, 1):
        head = name[:length]
        if len(head) == length and head in table:
            rest = _syllables(name[length:])
            reading = table[head]
            head_syllables = [reading] if length == 1 else _split_compound(head, reading)
            return head_syllables + rest
    return None


def _split_compound(head: str, reading: str) -> list[str]:
    default = _syllables(head)
    if "".join(default) == reading:
        return default
    return [reading]  # one key part; initials use its first letter only for the compound


def name_keys(name: str) -> tuple[set[str], set[str]]:
    """``({full pinyin}, {initials})`` of a name; empty sets for non-Chinese text or no pypinyin."""
    if not available() or not name or not _CJK.search(name):
        return set(), set()
    variants = [_syllables(name)]
    surname = _surname_variant(name)
    if surname and surname != variants[0]:
        variants.append(surname)
    fulls = {"".join(v) for v in variants if v}
    initials = {"".join(s[0] for s in v) for v in variants if v}
    return fulls, initials
