"""Place and company names for the fictional county (deterministic given an rng)."""
from __future__ import annotations

import numpy as np

COUNTY_CODE = "320299"  # fictional: Jiangsu (32), Wuxi (02), county 99 — not a real GB/T 2260 code
COUNTY_NAME = "澄湖县"
CITY_NAME = "无锡市"
PROVINCE_SHORT = "苏"

TOWN_STEMS = (
    "澄湖", "湖塘", "周庄", "华墅", "青阳", "璜塘", "月城", "云亭", "南闸", "申港", "利港", "夏港",
    "长泾", "顾山", "祝塘", "新桥", "文林", "峭岐", "璜土", "马镇", "后塍", "河塘", "北漍", "西石桥",
)
VILLAGE_FIRST = (
    "东", "西", "南", "北", "前", "后", "新", "大", "小", "高", "马", "杨", "陈", "李", "王", "张",
    "周", "吴", "徐", "朱", "沈", "蒋", "钱", "孙", "花", "桃", "柳", "杏", "梅", "竹", "石", "长",
    "龙", "凤", "金", "银", "双", "三", "五", "红", "青", "白", "黄", "章", "沙", "湖", "河", "塘",
)
VILLAGE_SECOND = (
    "庄", "港", "塘", "桥", "巷", "湾", "墩", "浜", "圩", "泾", "舍", "里", "坝", "家", "园", "堰",
    "渡", "埭", "荡", "岸", "头", "溪", "山", "林", "村", "河", "阳", "安", "丰", "华", "宅", "坞",
)
COMPANY_WORDS = (
    "精密机械", "纺织", "化纤", "新材料", "电子", "五金", "特钢", "液压", "环保设备", "服饰", "塑胶",
    "光电", "汽车配件", "轴承", "印染", "建材", "木业", "包装", "医疗器械", "智能装备", "电缆", "铸造",
)
COMPANY_BRANDS = (
    "华盛", "恒通", "永兴", "宏达", "兴隆", "瑞丰", "金鼎", "鑫源", "天成", "泰和", "远航", "博创",
    "中盛", "嘉禾", "同力", "长江", "新誉", "利民", "荣昌", "佳乐", "双良", "海澜", "三房", "阳光",
)
DEVELOPER_SUFFIXES = ("房地产开发有限公司", "置业有限公司", "商贸有限公司", "实业有限公司")
STREET_NAMES = ("人民路", "中山路", "解放路", "建设路", "工业路", "新华路", "长江路", "滨河路", "兴业路", "文化路")
SEAT_SUFFIX = "社区"


def town_names(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` township names; the first is the county seat (澄湖镇)."""
    others = list(TOWN_STEMS[1:])
    order = rng.permutation(len(others))
    return [TOWN_STEMS[0] + "镇"] + [others[i] + "镇" for i in order[: n - 1]]


def village_names(rng: np.random.Generator, n: int, taken: set) -> list[str]:
    """``n`` village names unique in ``taken`` (updated); deterministic for a given rng state."""
    out: list[str] = []
    while len(out) < n:
        first = VILLAGE_FIRST[int(rng.integers(len(VILLAGE_FIRST)))]
        second = VILLAGE_SECOND[int(rng.integers(len(VILLAGE_SECOND)))]
        if first == second:
            continue
        name = first + second + "村"
        if name not in taken:
            taken.add(name)
            out.append(name)
    return out


def company_names(rng: np.random.Generator, n: int, town_stems: list[str]) -> list[str]:
    """Industrial company names like 无锡澄湖华盛精密机械有限公司 (unique)."""
    out: list[str] = []
    seen: set = set()
    attempts = 0
    while len(out) < n:
        attempts += 1
        brand = COMPANY_BRANDS[int(rng.integers(len(COMPANY_BRANDS)))]
        word = COMPANY_WORDS[int(rng.integers(len(COMPANY_WORDS)))]
        stem = town_stems[int(rng.integers(len(town_stems)))]
        name = f"无锡{stem}{brand}{word}有限公司"
        if name in seen:
            name = f"无锡{stem}{brand}{word}{'科技' if attempts % 2 else '制造'}有限公司"
            if name in seen:
                name = f"江苏{stem}{brand}{word}有限公司（{len(out) + 1}厂）"
        seen.add(name)
        out.append(name)
    return out


def developer_name(rng: np.random.Generator, stem: str) -> str:
    brand = COMPANY_BRANDS[int(rng.integers(len(COMPANY_BRANDS)))]
    return f"无锡{stem}{brand}{DEVELOPER_SUFFIXES[int(rng.integers(len(DEVELOPER_SUFFIXES)))]}"
