"""Translations: English source strings, Chinese from the compiled .qm, both shown together in errors."""
from qgis.PyQt.QtCore import QCoreApplication

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import bilingual, load_translator, normalise_locale, zh


def test_locale_names_map_to_zh_cn():
    for name in ("zh-Hans", "zh_CN", "zh", "zh_Hans_CN", "zh-Hans-CN"):
        assert normalise_locale(name) == "zh_CN", name
    for name in ("en_US", "fr", "", None, "zh_TW"):
        assert normalise_locale(name) is None, name


def test_zh_translates_whatever_the_ui_language(qgis_app):
    assert QCoreApplication.translate("LandOffice", "LandOffice") == "LandOffice"  # no UI translator
    assert zh("LandOffice") == "国土所工具"
    assert bilingual("LandOffice") == "国土所工具 (LandOffice)"


def test_source_strings_with_chinese_terms_translate(qgis_app):
    """A template holding Chinese terms (e.g. 宗地代码) must not break the lookup (char* in Qt)."""
    err = LandOfficeError("No parcel has the code {codes}: check the codes (19-character 宗地代码 or "
                          "28-character 不动产单元号) or search for the parcels first.", codes="X1")
    text = err.bilingual()
    assert "没有宗地代码为 X1 的宗地" in text and "No parcel has the code X1" in text


def test_untranslated_text_falls_back_to_english(qgis_app):
    assert zh("a string nobody translated") == "a string nobody translated"
    assert load_translator("en_US") is None
