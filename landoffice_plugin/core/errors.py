"""The one exception type the engine raises for bad input.

The message is an English source string already passed through ``tr`` lookup keys; the
exception keeps the untranslated template and its arguments so it can be shown in the
UI language, in Chinese, or in both (the CLI and the logs show both).
"""
from __future__ import annotations

from landoffice_plugin.i18n import tr, zh


class LandOfficeError(Exception):
    """Bad input or an unusable environment: says what is wrong and what to do."""

    def __init__(self, template: str, **kwargs):
        self.template = template
        self.kwargs = kwargs
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return tr(self.template).format(**self.kwargs)

    @property
    def message_en(self) -> str:
        return self.template.format(**self.kwargs)

    @property
    def message_zh(self) -> str:
        return zh(self.template).format(**self.kwargs)

    def bilingual(self) -> str:
        zh_text, en_text = self.message_zh, self.message_en
        return en_text if zh_text == en_text else f"{zh_text}\n{en_text}"

    def __str__(self) -> str:
        return self.message
