"""TOML for the plugin's data files (rules, field maps): one reader on every Python QGIS ships.

Python 3.11+ has ``tomllib``; QGIS 3.22-3.28 on Windows run Python 3.9, where ``tomli`` (same
API) stands in.
"""
from __future__ import annotations

import re

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - exercised only on Python < 3.11
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError


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


_HEADER = re.compile(r'^\s*\[\s*([^\[\]]+?)\s*\]')
_KEY = re.compile(r'^\s*("(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_\-]+)\s*=')


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
        head = _HEADER.match(line)
        if head and not line.lstrip().startswith("[["):
            section = ".".join(_unquote(p) for p in re.findall(r'"[^"]*"|\'[^\']*\'|[^.]+', head.group(1)))
            lines.setdefault((section, None), number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((section, _unquote(key.group(1))), number)
    return lines
