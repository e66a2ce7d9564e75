#!/usr/bin/env python3
"""Build the plugin zip QGIS's "Install from ZIP" accepts.

build/landoffice_plugin.zip contains one folder ``landoffice_plugin/`` with the Python
package, ``metadata.txt``, ``resources/`` and ``i18n/*.qm`` (compiled translations) inside it;
tests, caches and development files are left out.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "landoffice_plugin"
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".qgis-settings"}
SKIP_SUFFIXES = {".pyc", ".pyo"}


def _copy_tree(src: Path, dst: Path) -> None:
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if any(part in SKIP_DIRS for part in rel.parts) or path.suffix in SKIP_SUFFIXES:
            continue
        target = dst / rel
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def changelog_text() -> str:
    """CHANGELOG.md as metadata's multi-line ``changelog=`` value (continuation lines indented)."""
    lines = [line.rstrip() for line in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line and not line.startswith("# ")]
    return "\n".join("    " + line for line in lines)


def _write_metadata(path: Path) -> None:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        out.append("changelog=\n" + changelog_text() if line.startswith("changelog=") else line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def build(out_dir: Path) -> Path:
    staging = out_dir / PACKAGE
    if staging.exists():
        shutil.rmtree(staging)
    _copy_tree(ROOT / PACKAGE, staging)
    _copy_tree(ROOT / "resources", staging / "resources")
    shutil.copy2(ROOT / "metadata.txt", staging / "metadata.txt")
    _write_metadata(staging / "metadata.txt")
    for name in ("README.md", "CHANGELOG.md", "LICENSE"):
        shutil.copy2(ROOT / name, staging / name)
    i18n = staging / "i18n"
    i18n.mkdir()
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        qm = i18n / (ts.stem + ".qm")
        subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    version = next(line.split("=", 1)[1].strip() for line in (ROOT / "metadata.txt").read_text().splitlines()
                   if line.startswith("version="))
    zip_path = out_dir / f"{PACKAGE}.zip"
    tmp = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(staging.rglob("*")):
            zf.write(path, path.relative_to(out_dir).as_posix())
    tmp.replace(zip_path)
    shutil.copy2(zip_path, out_dir / f"{PACKAGE}-{version}.zip")
    return zip_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="build")
    args = parser.parse_args()
    out = (ROOT / args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    path = build(out)
    print(f"plugin zip: {path}")
    for problem in publishing_problems():
        print(f"NOT READY TO PUBLISH: {problem}", file=sys.stderr)
    return 0


def publishing_problems() -> list[str]:
    """What the official QGIS plugin repository would refuse in metadata.txt that only the product's
    owner can fill in (the real homepage, repository, tracker and contact)."""
    problems = []
    for line in (ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key.strip() in ("homepage", "repository", "tracker", "email") and (
                ".invalid" in value or value.strip().endswith(".local") or not value.strip()):
            problems.append(f"metadata.txt {key.strip()}={value.strip()} is a placeholder: put the real address")
    return problems


if __name__ == "__main__":
    sys.exit(main())
