"""TOML for the plugin's data files (rules, field maps): one reader on every Python QGIS ships.

Python 3.11+ has ``tomllib``; QGIS 3.22-3.28 on Windows run Python 3.9, where ``tomli`` (same
API) stands in.
"""
from __future__ import annotations

import re
from typing import Optional

from .errors import LandOfficeError

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - exercised only on Python < 3.11
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError
NUM = (int, float)          # a schema type: any number
STRS = "list[str]"          # a schema type: a list of strings


def loads(text: str) -> dict:
    """``text`` parsed (raises :data:`TOMLDecodeError` with the line of a syntax error)."""
    return tomllib.loads(text)


def quote(value: str) -> str:
    """``value`` as a TOML basic string (for the files the plugin writes)."""
    out = str(value).replace("\\", "\\\\").replace('"', '\\"')
    out = "".join(c if ord(c) >= 0x20 and c != "\x7f" else f"\\u{ord(c):04x}" for c in out)
    return f'"{out}"'


def key(name: str) -> str:
    """A TOML key: bare when it can be, quoted otherwise (Chinese, spaces, dots)."""
    name = str(name)
    bare = name and all(c.isascii() and (c.isalnum() or c in "_-") for c in name)
    return name if bare else quote(name)


HEADER_LINE = re.compile(r'^\s*\[\s*([^\[\]]+?)\s*\]')
KEY_LINE = re.compile(r'^\s*("(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_\-]+)\s*=')


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "\"'":
        return name[1:-1]
    return name


def key_lines(text: str) -> dict:
    """``{(section, key): line}`` and ``{(section, None): line}`` for table headers, found by scanning ``text``
    (tomllib keeps no positions). ``section`` is the header as written without quotes (``a.b`` for
    ``[a."b"]``), None before the first header; keys may be bare or quoted (Chinese layer names)."""
    lines, section = {}, None
    for number, line in enumerate(text.splitlines(), start=1):
        head = HEADER_LINE.match(line)
        if head and not line.lstrip().startswith("[["):
            section = ".".join(_unquote(p) for p in re.findall(r'"[^"]*"|\'[^\']*\'|[^.]+', head.group(1)))
            lines.setdefault((section, None), number)
            continue
        key = KEY_LINE.match(line)
        if key:
            lines.setdefault((section, _unquote(key.group(1))), number)
    return lines


# ---- rules-file schemas -----------------------------------------------------------------------

def type_ok(value, expected) -> bool:
    if expected == STRS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if expected is bool:
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if expected is float or expected == NUM:
        return isinstance(value, NUM)
    return isinstance(value, expected)


def type_name(expected) -> str:
    if expected == STRS:
        return "list of strings"
    if expected == NUM:
        return "number"
    return {bool: "true/false", int: "integer", str: "string"}.get(expected, str(expected))


def bad_key(path, line, key):
    return LandOfficeError("Rules file {path}, line {line}: unknown key '{key}'. Remove it or check its spelling "
                           "against the shipped rules.toml.", path=str(path), line=line, key=key)


def bad_type(path, line, key, expected, value):
    return LandOfficeError("Rules file {path}, line {line}: '{key}' must be a {expected}, not {value}. "
                           "Correct the value.", path=str(path), line=line, key=key,
                           expected=type_name(expected), value=repr(value))


def check_keys(path, data: dict, schema: dict, section: Optional[str], lines: dict) -> None:
    """Every key of ``data`` (a table of a rules file) known to ``schema`` {key: type} and of its type; else a
    LandOfficeError naming the line (``lines`` from :func:`key_lines`)."""
    for key, value in data.items():
        line = lines.get((section, key), lines.get((section, None), "?"))
        if key not in schema:
            raise bad_key(path, line, f"{section}.{key}" if section else key)
        if not type_ok(value, schema[key]):
            raise bad_type(path, line, f"{section}.{key}" if section else key, schema[key], value)


def read_rules_file(path) -> str:
    """The text of a rules file (any of the plugin's TOML rules); LandOfficeError when missing or not UTF-8."""
    from pathlib import Path

    path = Path(path)
    if not path.is_file():
        raise LandOfficeError("Rules file {path} does not exist: choose an existing .toml file or leave the "
                              "rules empty to use the shipped ones.", path=str(path))
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise LandOfficeError("Rules file {path} is not UTF-8 text: save it as UTF-8.", path=str(path)) from err
