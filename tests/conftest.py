"""Shared fixtures. pytest-qgis starts one headless QgsApplication for the session."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def small_county(tmp_path_factory, qgis_app):
    """The ``small`` sample county GeoPackage, generated once per test session."""
    from landoffice_plugin.sample.generator import generate_sample

    out = tmp_path_factory.mktemp("sample") / "small.gpkg"
    generate_sample(out, scale="small", seed=1)
    return out
