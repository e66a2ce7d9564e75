"""Find the classes a package offers by module name prefix (algorithms ``alg_*``, panels ``dock_*``)."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

from .i18n import tr
from .log import get_logger


def subclasses_in_modules(package: str, package_path, prefix: str, base: type, required_attr: str) -> list[type]:
    """Subclasses of ``base`` defined in the modules ``<package>.<prefix>*`` that set ``required_attr``.

    A module that fails to import is logged and skipped: one broken module must not take the
    others down.
    """
    found = []
    for info in sorted(pkgutil.iter_modules(package_path), key=lambda m: m.name):
        if not info.name.startswith(prefix):
            continue
        try:
            module = importlib.import_module(f"{package}.{info.name}")
        except Exception:  # noqa: BLE001
            get_logger().exception(tr("Cannot load module {module}").format(module=f"{package}.{info.name}"))
            continue
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, base) and obj is not base and getattr(obj, required_attr, None) \
                    and obj.__module__ == module.__name__:
                found.append(obj)
    return found
