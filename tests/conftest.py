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


_PROVIDER = []  # keeps the Python provider alive for the whole session


@pytest.fixture(scope="session")
def landoffice_processing(qgis_processing):
    """Processing initialised with the ``landoffice`` provider registered (for processing.run)."""
    from qgis.core import QgsApplication

    from landoffice_plugin.processing.provider import PROVIDER_ID, LandOfficeProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById(PROVIDER_ID) is None:
        _PROVIDER.append(LandOfficeProvider())
        assert registry.addProvider(_PROVIDER[-1])
    return registry.providerById(PROVIDER_ID)


@pytest.fixture()
def without_landoffice_provider(qgis_app):
    """Take a session-registered provider out while a test checks the plugin's own registration."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("landoffice")
    if existing is not None:
        registry.removeProvider(existing)  # deletes it: re-register a fresh one afterwards
        _PROVIDER.clear()
    yield
    if existing is not None and registry.providerById("landoffice") is None:
        from landoffice_plugin.processing.provider import LandOfficeProvider

        _PROVIDER.append(LandOfficeProvider())
        registry.addProvider(_PROVIDER[-1])
