"""Translation: one context ``LandOffice`` for every visible string.

All source strings are English and go through :func:`tr`; ``i18n/landoffice_zh_CN.ts``
holds the Chinese (``make translations`` refreshes it from the code, ``lrelease`` compiles it).
QGIS names its Chinese locale ``zh-Hans`` (newer) or ``zh_CN`` (older); plain ``zh`` happens
too: all three load zh_CN.

:func:`zh` translates to Chinese whatever the UI locale is, so error messages can always be
shown in Chinese and English together (:func:`bilingual`).
"""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

CONTEXT = "LandOffice"
_zh_translator: QTranslator | None = None


def tr(text: str) -> str:
    """Translate ``text`` in the UI's language (source strings are English)."""
    return QCoreApplication.translate(CONTEXT, text)


def tr_noop(text: str) -> str:
    """Mark a string for translation where it is defined; translate it later with tr()."""
    return text


def normalise_locale(locale: str | None) -> str | None:
    """Map a QGIS locale name to the translation file suffix we ship, or None."""
    if not locale:
        return None
    loc = locale.replace("-", "_").strip()
    low = loc.lower()
    if low in ("zh", "zh_cn", "zh_hans", "zh_hans_cn", "zh_sg") or low.startswith("zh_hans"):
        return "zh_CN"
    return None


def qm_path(suffix: str = "zh_CN"):
    from .paths import i18n_dir

    try:
        path = i18n_dir() / f"landoffice_{suffix}.qm"
    except FileNotFoundError:
        return None
    return path if path.is_file() else None


def load_translator(locale: str | None) -> QTranslator | None:
    """A loaded QTranslator for ``locale`` or None (English, or no .qm compiled)."""
    suffix = normalise_locale(locale)
    if suffix is None:
        return None
    path = qm_path(suffix)
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    return translator


def locale_from_environment() -> str | None:
    """The locale a command-line run asks for: ``LANDOFFICE_LANG``, else the POSIX locale."""
    import os

    for var in ("LANDOFFICE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return None if value in ("C", "POSIX") or value.startswith("C.") else value.split(".")[0]
    return None


def zh(text: str) -> str:
    """``text`` in Chinese regardless of the UI locale (falls back to ``text``)."""
    global _zh_translator
    if _zh_translator is None:
        _zh_translator = load_translator("zh_CN") or QTranslator()
    # QTranslator.translate takes char*: PyQt encodes a str as ASCII, so pass UTF-8 bytes
    # (source strings may contain Chinese terms such as 宗地代码)
    out = _zh_translator.translate(CONTEXT, text.encode("utf-8"))
    return out or text


def bilingual(text: str) -> str:
    """Chinese and English: ``中文（English）``; only one when they are the same."""
    chinese = zh(text)
    return text if chinese == text else f"{chinese} ({text})"
