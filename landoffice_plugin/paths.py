"""Where the plugin's data lives, in the source tree and in the installed zip.

Source tree: ``<repo>/resources`` and ``<repo>/i18n`` sit beside the package.
Installed zip: ``make package`` copies both *into* ``landoffice_plugin/``.
"""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _first_existing(name: str) -> Path:
    for base in (PACKAGE_DIR, PACKAGE_DIR.parent):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"LandOffice: folder '{name}' not found beside {PACKAGE_DIR}; the installation is incomplete, "
        "reinstall the plugin zip. / 插件安装不完整（缺少 {name} 目录），请重新安装插件压缩包。"
    )


def resources_dir() -> Path:
    return _first_existing("resources")


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/ (it need not exist yet)."""
    return resources_dir().joinpath(*parts)


def i18n_dir() -> Path:
    return _first_existing("i18n")
