"""Land-use codes (GB/T 21010-2017 and the 三调 working variants), read from a CSV.

The code list lives in ``resources/landuse/gbt21010_2017.csv`` (columns ``code, name,
parent, level, legal_category, system, note``); no code is written in Python. ``level`` is
``class`` (2-digit), ``subclass`` (4-char) or ``variant`` (a 三调 K/A-suffix or merged-class
refinement whose ``parent`` is the base code). An office can load its own corrected list
with :meth:`LandUseCodes.from_csv`; the module functions use the default list, read once.

Codes are looked up after stripping spaces, folding full-width characters (NFKC) and
upper-casing, so a 5-character DLBM such as ``'0201k '`` is found as ``0201K``.
"""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.paths import resource_path

DEFAULT_CSV = ("landuse", "gbt21010_2017.csv")
COLUMNS = ("code", "name", "parent", "level", "legal_category", "system", "note")

AGRICULTURAL = "农用地"
CONSTRUCTION = "建设用地"
UNUSED = "未利用地"
LEGAL_CATEGORIES = (AGRICULTURAL, CONSTRUCTION, UNUSED)
CROPLAND_CLASS = "01"


@dataclass(frozen=True)
class LandUseEntry:
    code: str
    name: str
    parent: str
    level: str
    legal_category: str
    system: str
    note: str


def normalise_landuse_code(code) -> str:
    """``code`` as stored in the list: NFKC-folded, no spaces, upper case ('' for None)."""
    if code is None:
        return ""
    text = unicodedata.normalize("NFKC", str(code))
    return "".join(text.split()).upper()


class LandUseCodes:
    """One loaded code list; look codes up, resolve legal categories."""

    def __init__(self, entries, source: str = "gbt21010_2017.csv"):
        self.source = source
        self._entries: dict[str, LandUseEntry] = {}
        for entry in entries:
            if entry.code in self._entries:
                raise LandOfficeError(
                    "Land-use code {code} appears twice in {path}. Keep one row per code and reload.",
                    code=entry.code,
                    path=source,
                )
            self._entries[entry.code] = entry

    @classmethod
    def from_csv(cls, path) -> LandUseCodes:
        """Read a code list CSV (UTF-8, optional BOM, header row with the ``COLUMNS``)."""
        path = Path(path)
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
                if missing:
                    raise LandOfficeError(
                        "The land-use code list {path} lacks the column(s) {columns}. "
                        "Its header row must be: code,name,parent,level,legal_category,system,note.",
                        path=str(path),
                        columns=", ".join(missing),
                    )
                entries = []
                for row in reader:
                    code = normalise_landuse_code(row.get("code"))
                    if not code:
                        continue
                    values = {c: (row.get(c) or "").strip() for c in COLUMNS}
                    values["code"] = code
                    values["parent"] = normalise_landuse_code(values["parent"])
                    entries.append(LandUseEntry(**values))
        except (OSError, UnicodeDecodeError) as exc:
            raise LandOfficeError(
                "Cannot read the land-use code list {path} ({reason}). Check that the file exists "
                "and is saved as UTF-8 CSV.",
                path=str(path),
                reason=str(exc),
            ) from exc
        return cls(entries, source=str(path))

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, code) -> bool:
        return self.entry(code) is not None

    def entries(self, system: str | None = None, level: str | None = None) -> list[LandUseEntry]:
        """All entries in file order, optionally only one ``system`` and/or ``level``."""
        return [
            e
            for e in self._entries.values()
            if (system is None or e.system == system) and (level is None or e.level == level)
        ]

    def entry(self, code) -> LandUseEntry | None:
        return self._entries.get(normalise_landuse_code(code))

    def name(self, code) -> str:
        entry = self.entry(code)
        return entry.name if entry else ""

    def legal_category(self, code) -> str:
        """农用地 / 建设用地 / 未利用地, or '' when unknown or the class spans categories.

        A row without its own category inherits from its ``parent`` (K/A variants); a
        first-level class without one gets its sub-classes' category when they all agree.
        """
        entry = self.entry(code)
        seen = set()
        while entry is not None and not entry.legal_category and entry.code not in seen:
            seen.add(entry.code)
            if entry.level == "class":
                return self._class_category(entry.code)
            entry = self._entries.get(entry.parent) if entry.parent else None
        return entry.legal_category if entry else ""

    def _class_category(self, class_code: str) -> str:
        found = {e.legal_category for e in self._entries.values() if e.parent == class_code and e.level == "subclass"}
        return found.pop() if len(found) == 1 else ""

    def base_code(self, code) -> str:
        """The standard code a variant refines (0201K → 0201); the code itself otherwise."""
        entry = self.entry(code)
        seen = set()
        while entry is not None and entry.level == "variant" and entry.parent in self._entries:
            if entry.code in seen:
                break
            seen.add(entry.code)
            entry = self._entries[entry.parent]
        return entry.code if entry else ""

    def is_construction(self, code) -> bool:
        return self.legal_category(code) == CONSTRUCTION

    def is_agricultural(self, code) -> bool:
        return self.legal_category(code) == AGRICULTURAL

    def is_unused(self, code) -> bool:
        return self.legal_category(code) == UNUSED

    def is_cropland(self, code) -> bool:
        """True for class 01 耕地 and its sub-classes (0101 水田, 0102 水浇地, 0103 旱地)."""
        return self.base_code(code)[:2] == CROPLAND_CLASS

    def validate(self, code) -> LandUseEntry:
        """The entry for ``code``; LandOfficeError naming the code and what is valid."""
        entry = self.entry(code)
        if entry is None:
            text = normalise_landuse_code(code)
            if len(text) == 3 and text.isdigit():
                raise LandOfficeError(
                    "'{code}' looks like a 3-digit GB/T 21010-2007 land-use code. Convert it to the "
                    "4-digit GB/T 21010-2017 code (e.g. 011 水田 → 0101) before loading.",
                    code=text,
                )
            raise LandOfficeError(
                "'{code}' is not a known land-use code. Use a GB/T 21010-2017 code (e.g. 0101 水田, "
                "0702 农村宅基地) or a 三调 variant (e.g. 0201K, 1104A); the {count} valid codes are "
                "listed in {source}.",
                code="" if code is None else str(code),
                count=len(self),
                source=self.source,
            )
        return entry


@lru_cache(maxsize=1)
def default_codes() -> LandUseCodes:
    """The shipped code list, read once per session."""
    return LandUseCodes.from_csv(resource_path(*DEFAULT_CSV))


def landuse_entry(code) -> LandUseEntry | None:
    return default_codes().entry(code)


def landuse_name(code) -> str:
    return default_codes().name(code)


def legal_category(code) -> str:
    return default_codes().legal_category(code)


def is_construction(code) -> bool:
    return default_codes().is_construction(code)


def is_agricultural(code) -> bool:
    return default_codes().is_agricultural(code)


def is_unused(code) -> bool:
    return default_codes().is_unused(code)


def is_cropland(code) -> bool:
    return default_codes().is_cropland(code)


def validate_landuse_code(code) -> LandUseEntry:
    return default_codes().validate(code)
