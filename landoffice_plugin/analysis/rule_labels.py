"""Each potential-land rule explained in Chinese for the report's 规则与说明 sheet.

The rules file's own inline comment (``min_tax_per_mu = 15.0  # 亩均税收（万元/亩）低于此值``) is the
explanation where there is one — an office that edits a threshold edits its wording beside it; the labels below
name each setting; a key with neither (a setting added later) is shown as it is, never dropped.
"""
from __future__ import annotations

from pathlib import Path

from .categories import BY_ID

LABELS = {
    "data_date": "数据日期", "hard_constraints": "硬约束图层（先行扣除）", "precedence": "类别优先级",
    "snap_grid": "坐标吸附格网（米）", "min_piece_m2": "最小图斑面积（平方米）",
    "enabled": "启用", "min_area_m2": "最小面积（平方米）",
    "months_after_start": "约定开工日期后月数", "built_share_below": "已开发面积比例低于",
    "invested_share_below": "已投资比例低于", "require_no_construction": "只报告现状仍未建设的部分",
    "not_built_codes": "视为“未建设”的现状地类",
    "min_plot_ratio": "容积率低于", "min_coverage": "建筑密度低于", "min_tax_per_mu": "亩均税收低于（万元/亩）",
    "tax_share_of_mean": "亩均税收低于全县平均值的比例",
    "landuse_codes": "地类编码", "czcsxm_codes": "城镇村属性码", "village_codes": "规划搬迁撤并的村（代码）",
    "village_field": "村庄分类字段（CJDCQ）", "village_field_values": "搬迁撤并类的取值",
    "zone_codes": "城镇开发边界分区代码", "zzsxdm_codes": "种植属性代码（可恢复耕地）",
}
ROLE_NAMES = {"YJJBNTTB": "永久基本农田", "STBHHX": "生态保护红线"}
HIDDEN = {"file", "name"}  # shown elsewhere (the file by its name only, never a local path)


def _comments(path) -> dict:
    """{(section, key): inline comment} from the rules file's text."""
    from landoffice_plugin.core.toml_text import HEADER_LINE, KEY_LINE

    out, section = {}, None
    try:
        text = Path(path).read_text(encoding="utf-8") if path else ""
    except OSError:
        return out
    for line in text.splitlines():
        head = HEADER_LINE.match(line)
        if head:
            section = head.group(1)
            continue
        key = KEY_LINE.match(line)
        if key and "#" in line:
            out[(section, key.group(1))] = line.split("#", 1)[1].strip()
    return out


def _value_text(key: str, value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, bool) or value in ("True", "False"):
        return "是" if str(value) == "True" else "否"
    if key == "precedence":
        return " > ".join(BY_ID[c].name_zh if c in BY_ID else c for c in str(value).split(" > "))
    if key == "hard_constraints":
        return "、".join(ROLE_NAMES.get(r.strip(), r.strip()) for r in str(value).split(","))
    return "" if value is None else str(value)


def rule_rows(rules) -> list:
    """``[(label, value, explanation)]`` in Chinese for every rule used."""
    comments = _comments(rules.path)
    rows = []
    for key, value in rules.as_rows():
        if key in HIDDEN:
            continue
        section, _dot, name = key.rpartition(".")
        section = section or None
        label = LABELS.get(name, name)
        if section in BY_ID:
            label = f"{BY_ID[section].name_zh}：{label}"
        rows.append((label, _value_text(name, value), comments.get((section, name), "")))
    return rows
