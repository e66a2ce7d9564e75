"""The potential-land categories: ids, Chinese names, the layers each needs, default precedence.

Precedence (a piece of ground goes to the first category that claims it; hard constraints are
removed before any category): 批而未供 > 闲置土地/供而未用 > 低效工业用地 > 增减挂钩复垦 >
城镇开发边界内可开发 > 耕地恢复. Reasoning: approval and supply records are legal facts about a
piece of land, so they come first (land approved but not supplied is not yet "idle"); an
inefficient industrial parcel is supplied and built, so it follows; reclamation candidates lie
outside the boundary, development candidates inside, so those two rarely compete; cropland
recovery is last because it gives no construction land.
"""
from __future__ import annotations

from dataclasses import dataclass

from landoffice_plugin.i18n import tr_noop

# the role layers the analysis can use (one algorithm input each)
ROLES = ("DLTB", "XZQ", "CJDCQ", "ZD", "ZRZ", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "GYQY")


@dataclass(frozen=True)
class Category:
    id: str
    name_zh: str
    name_en: str
    needs: tuple  # roles without which the category cannot run
    colour: str


CATEGORIES = (
    Category("unsupplied", "批而未供", tr_noop("Approved but not supplied"), ("DLTB", "PZYD", "GYYD"), "#e31a1c"),
    Category("idle", "闲置土地/供而未用", tr_noop("Idle or supplied but unused land"), ("DLTB", "GYYD"), "#ff7f00"),
    Category("inefficient", "低效工业用地", tr_noop("Inefficient industrial land"), ("DLTB", "GYQY", "ZD"), "#6a3d9a"),
    Category("linkage", "增减挂钩复垦潜力", tr_noop("Reclamation potential (linkage)"), ("DLTB", "CZKFBJ"),
             "#b15928"),
    Category("boundary", "城镇开发边界内可开发", tr_noop("Developable inside the urban boundary"),
             ("DLTB", "CZKFBJ"), "#1f78b4"),
    Category("recovery", "耕地恢复潜力", tr_noop("Cropland recovery potential"), ("DLTB",), "#33a02c"),
)
BY_ID = {c.id: c for c in CATEGORIES}
CATEGORY_IDS = tuple(c.id for c in CATEGORIES)
DEFAULT_PRECEDENCE = CATEGORY_IDS
NOT_POTENTIAL_ZH = "非潜力用地"


def category(cat_id: str) -> Category:
    return BY_ID[cat_id]
