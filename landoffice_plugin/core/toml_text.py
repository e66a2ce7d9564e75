"""TOML for the plugin's data files (rules, field maps): one reader on every Python QGIS ships.

Python 3.11+ has ``tomllib``; QGIS 3.22-3.28 on Windows run Python 3.9, where ``tomli`` (same
API) stands in.
"""
from __future__ import annotations

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
