#!/usr/bin/env python3
"""Keep i18n/landoffice_zh_CN.ts in step with the code (one context: LandOffice).

Source strings are collected from the AST: the first string argument of calls to ``tr``,
``tr_noop``, ``bilingual``, ``zh`` and ``LandOfficeError``, and the class attributes ``DISPLAY``, ``GROUP``,
``HELP`` of Processing algorithms. Translations come from the existing .ts and from
``i18n/pending/*.json`` ({"English": "中文"}). Strings without a translation are written as
``type="unfinished"``.

    python .ci/i18n_tool.py update   # rewrite the .ts
    python .ci/i18n_tool.py check    # exit 1 listing untranslated / obsolete strings
"""
from __future__ import annotations

import ast
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "landoffice_plugin"
TS = ROOT / "i18n" / "landoffice_zh_CN.ts"
PENDING = ROOT / "i18n" / "pending"
CONTEXT = "LandOffice"
CALLS = {"tr", "tr_noop", "bilingual", "zh", "LandOfficeError"}
CLASS_ATTRS = {"DISPLAY", "GROUP", "HELP"}


def _literal(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return None
    return None


def collect_sources() -> dict[str, str]:
    """{source string: 'file:line'} in file order."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        rel = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
                if name in CALLS and node.args:
                    text = _literal(node.args[0])
                    if text:
                        found.setdefault(text, f"{rel}:{node.lineno}")
            elif isinstance(node, ast.ClassDef):
                for stmt in node.body:
                    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 \
                            and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id in CLASS_ATTRS:
                        text = _literal(stmt.value)
                        if text:
                            found.setdefault(text, f"{rel}:{stmt.lineno}")
    return found


def load_ts() -> dict[str, str]:
    if not TS.exists():
        return {}
    out = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        trans = message.find("translation")
        if trans is not None and trans.get("type") not in ("unfinished", "obsolete") and trans.text:
            out[source] = trans.text
    return out


def load_pending() -> dict[str, str]:
    out = {}
    if PENDING.is_dir():
        for path in sorted(PENDING.glob("*.json")):
            out.update(json.loads(path.read_text(encoding="utf-8")))
    return out


def write_ts(sources: dict[str, str], translations: dict[str, str]) -> None:
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source, where in sorted(sources.items()):
        message = ET.SubElement(context, "message")
        file, _, line = where.rpartition(":")
        ET.SubElement(message, "location", filename="../" + file, line=line)
        ET.SubElement(message, "source").text = source
        trans = ET.SubElement(message, "translation")
        if source in translations:
            trans.text = translations[source]
        else:
            trans.set("type", "unfinished")
    ET.indent(root)
    TS.parent.mkdir(exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    mode = argv[1] if len(argv) > 1 else "check"
    sources = collect_sources()
    translations = {**load_pending(), **load_ts()}
    if mode == "update":
        write_ts(sources, translations)
        missing = [s for s in sources if s not in translations]
        print(f"{TS.relative_to(ROOT)}: {len(sources)} strings, {len(missing)} untranslated")
        for s in missing:
            print(f"  untranslated: {s!r} ({sources[s]})")
        return 0
    current = load_ts()
    missing = [s for s in sources if s not in current]
    obsolete = [s for s in current if s not in sources]
    for s in missing:
        print(f"untranslated: {s!r} ({sources[s]})")
    for s in obsolete:
        print(f"obsolete: {s!r}")
    return 1 if missing or obsolete else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
