"""How photos travel: the JPEG file lives in ``photos/`` beside the package (the QGIS form's
attachment widget stores its relative path in ``PHOTO_NAME``); at sync time its bytes go to
the data centre base64-encoded in the ``PHOTO_B64`` property of the same EVIDENCE feature.
One request per photo, no second collection to keep consistent, and a photo can never
arrive without its point (or the reverse). Pulled photos are written back to ``photos/``.
"""
from __future__ import annotations

import base64
from pathlib import Path

from .changes import read_working
from .package import BASE_PREFIX, PHOTO_DIR, read_layer, write_features

COLLECTION = "EVIDENCE"
MAX_PHOTO_BYTES = 8 * 1024 * 1024


def _photo_file(package_dir: Path, name: str) -> Path | None:
    if not name:
        return None
    candidate = (package_dir / name).resolve()
    photos = (package_dir / PHOTO_DIR).resolve()
    return candidate if photos in candidate.parents else None  # never outside photos/


def embed_photos(path) -> int:
    """Put each photo file's bytes into its EVIDENCE feature (only when they changed)."""
    path = Path(path)
    changed = []
    known = read_layer(path, BASE_PREFIX + COLLECTION)
    for feature in read_working(path, COLLECTION, known).values():  # gives new points their UUID first
        file = _photo_file(path.parent, feature.props.get("PHOTO_NAME") or "")
        if file is None or not file.is_file() or file.stat().st_size > MAX_PHOTO_BYTES:
            continue
        encoded = base64.b64encode(file.read_bytes()).decode("ascii")
        if feature.props.get("PHOTO_B64") != encoded:
            feature.props["PHOTO_B64"] = encoded
            changed.append(feature)
    if changed:
        write_features(path, COLLECTION, changed)
    return len(changed)


def extract_photos(path) -> int:
    """Write photos that came from the data centre into ``photos/`` (missing or different files)."""
    path = Path(path)
    written = 0
    for feature in read_layer(path, COLLECTION).values():
        data = feature.props.get("PHOTO_B64")
        file = _photo_file(path.parent, feature.props.get("PHOTO_NAME") or "")
        if not data or file is None:
            continue
        raw = base64.b64decode(data)
        if not file.is_file() or file.read_bytes() != raw:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(raw)
            written += 1
    return written
