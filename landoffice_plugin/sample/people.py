"""Fictional people: Chinese names, resident ID numbers, mobile numbers, credit codes.

Everything is drawn from an explicit numpy Generator, so a seed gives the same people.
ID numbers use the county code as address code and the real GB 11643 check digit; they are
unique by construction (sequence = rank among people born the same day with the same sex).
"""
from __future__ import annotations

import datetime as dt

import numpy as np

from ..core.personal import id_check_digit

SURNAMES = (
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任",
    "沈", "姚", "卢", "钱", "缪", "承", "华", "顾", "陆", "薛",
)
# Rough frequency weights (the first ten names cover about 40 % of people).
_SURNAME_WEIGHTS = np.array([7.2, 7.0, 6.7, 5.4, 4.5, 3.1, 2.2, 2.0, 2.0, 1.9, 1.8, 1.5, 1.4, 1.3, 1.3, 1.2]
                            + [1.0] * 16 + [0.6] * 16 + [0.8] * 10)
MALE_OLD = (
    "建国", "建华", "建军", "国强", "志强", "伟", "勇", "军", "强", "明", "华", "平", "斌", "建平", "卫东",
    "红兵", "金根", "根生", "福明", "永康", "国平", "建新", "海峰", "文彬", "小龙", "德明", "秋生", "志刚",
)
MALE_NEW = (
    "磊", "涛", "杰", "浩", "宇", "晨", "俊", "子轩", "浩然", "宇航", "一鸣", "梓豪", "俊杰", "博文", "天佑",
    "晨阳", "思远", "嘉豪", "子墨", "宇轩",
)
FEMALE_OLD = (
    "秀英", "桂英", "玉兰", "秀兰", "凤英", "美华", "丽", "敏", "静", "芳", "燕", "娟", "霞", "红", "梅",
    "琴", "雪梅", "丽娟", "晓燕", "金妹", "月英", "菊芳", "惠芬", "建芬",
)
FEMALE_NEW = (
    "婷", "欣怡", "梓涵", "雨萱", "佳怡", "诗涵", "子涵", "思琪", "语嫣", "可馨", "雨桐", "一诺", "梦瑶", "佳琪",
)
MOBILE_PREFIXES = ("139", "138", "137", "136", "135", "150", "151", "152", "157", "158", "159", "182", "187",
                   "188", "133", "153", "180", "181", "189", "199", "130", "131", "132", "155", "156", "185",
                   "186", "177", "173", "198")
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
MODERN_NAME_YEAR = 1995


def surnames(rng: np.random.Generator, n: int) -> np.ndarray:
    p = _SURNAME_WEIGHTS / _SURNAME_WEIGHTS.sum()
    return np.asarray(SURNAMES, dtype=object)[rng.choice(len(SURNAMES), size=n, p=p)]


def given_names(rng: np.random.Generator, male: np.ndarray, birth_year: np.ndarray) -> np.ndarray:
    """Given names by sex and era (older generations have 建国/秀英-style names)."""
    n = len(male)
    out = np.empty(n, dtype=object)
    modern = birth_year >= MODERN_NAME_YEAR
    for pool, mask in ((MALE_OLD, male & ~modern), (MALE_NEW, male & modern),
                       (FEMALE_OLD, ~male & ~modern), (FEMALE_NEW, ~male & modern)):
        k = int(mask.sum())
        if k:
            out[mask] = np.asarray(pool, dtype=object)[rng.integers(len(pool), size=k)]
    return out


def id_numbers(county_code: str, births: np.ndarray, male: np.ndarray) -> list[str]:
    """Unique 18-character ID numbers; ``births`` is datetime64[D]. Sequence parity = sex."""
    n = len(births)
    day = births.astype("datetime64[D]").astype(np.int64)
    order = np.lexsort((np.arange(n), male, day))
    key = day[order] * 2 + male[order]
    start = np.r_[0, np.flatnonzero(np.diff(key)) + 1]
    rank_sorted = np.arange(n) - np.repeat(start, np.diff(np.r_[start, n]))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = rank_sorted
    # start each (day, sex) group at a pseudo-random place so sequences do not all begin at 001
    base = (day * 7919 + male * 104729) % 500
    seq = ((base + rank) % 500) * 2 + male.astype(np.int64)
    dates = np.datetime_as_string(births.astype("datetime64[D]"))
    out = []
    for date, s in zip(dates, seq):
        first17 = f"{county_code}{date[0:4]}{date[5:7]}{date[8:10]}{int(s):03d}"
        out.append(first17 + id_check_digit(first17))
    return out


def mobile_numbers(rng: np.random.Generator, n: int) -> list[str]:
    prefixes = rng.integers(len(MOBILE_PREFIXES), size=n)
    tails = rng.integers(0, 10**8, size=n)
    return [f"{MOBILE_PREFIXES[p]}{int(t):08d}" for p, t in zip(prefixes, tails)]


def _char_value(ch: str) -> int:
    return int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10


def credit_codes(rng: np.random.Generator, n: int, county_code: str) -> list[str]:
    """Unified social credit codes (GB 32100): 91 + county + organisation code + check."""
    out = []
    letters = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    for _ in range(n):
        body8 = "MA" + "".join(letters[int(i)] for i in rng.integers(len(letters), size=6))
        org_sum = sum(_char_value(c) * w for c, w in zip(body8, ORG_WEIGHTS))
        c9 = 11 - org_sum % 11
        org = body8 + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
        first17 = "91" + county_code + org
        total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
        out.append(first17 + USCC_CHARS[(31 - total % 31) % 31])
    return out


# Household templates: (relation, sex: 1 male / 0 female / -1 opposite of head, generation offset)
_TEMPLATES = {
    1: [[("户主", None, 0)]],
    2: [[("户主", None, 0), ("配偶", -1, 0)]],
    3: [[("户主", None, 0), ("配偶", -1, 0), ("子", 1, 1)], [("户主", None, 0), ("配偶", -1, 0), ("女", 0, 1)]],
    4: [[("户主", None, 0), ("配偶", -1, 0), ("子", 1, 1), ("女", 0, 1)],
        [("户主", None, 0), ("配偶", -1, 0), ("女", 0, 1), ("母", 0, -1)]],
    5: [[("户主", None, 0), ("配偶", -1, 0), ("子", 1, 1), ("儿媳", 0, 1), ("孙子", 1, 2)],
        [("户主", None, 0), ("配偶", -1, 0), ("子", 1, 1), ("父", 1, -1), ("母", 0, -1)]],
    6: [[("户主", None, 0), ("配偶", -1, 0), ("子", 1, 1), ("儿媳", 0, 1), ("孙子", 1, 2), ("孙女", 0, 2)]],
}
HOUSEHOLD_SIZE_P = np.array([0.08, 0.22, 0.25, 0.22, 0.15, 0.08])
REFERENCE_YEAR = 2023


def households(rng: np.random.Generator, n: int, county_code: str) -> dict:
    """Persons of ``n`` households: arrays keyed household, relation, male, birth, name, id, phone.

    The first person of each household is its head (户主).
    """
    sizes = rng.choice(np.arange(1, 7), size=n, p=HOUSEHOLD_SIZE_P)
    head_male = rng.random(n) < 0.88
    pick = rng.random(n)
    hh, rel, sex, gen = [], [], [], []
    for i in range(n):
        options = _TEMPLATES[int(sizes[i])]
        template = options[int(pick[i] * len(options))]
        for relation, s, g in template:
            if relation == "配偶" and not head_male[i]:
                continue  # a woman heading the household: widowed, no spouse listed
            hh.append(i)
            rel.append(relation)
            sex.append(head_male[i] if s is None else (not head_male[i]) if s == -1 else bool(s))
            gen.append(g)
    hh_arr = np.asarray(hh)
    gen_arr = np.asarray(gen)
    male = np.asarray(sex, dtype=bool)
    # head birth year depends on who lives with them
    has_grand = np.zeros(n, bool)
    has_grand[hh_arr[gen_arr == 2]] = True
    has_parent = np.zeros(n, bool)
    has_parent[hh_arr[gen_arr == -1]] = True
    head_year = np.where(has_grand, rng.integers(1942, 1966, n),
                         np.where(has_parent, rng.integers(1972, 1994, n), rng.integers(1948, 1992, n)))
    step = rng.integers(22, 32, size=len(hh_arr))
    year = head_year[hh_arr] + gen_arr * step + np.where(gen_arr == 0, rng.integers(-4, 5, len(hh_arr)), 0)
    year = np.where(rel_is(rel, "户主"), head_year[hh_arr], year)
    year = np.minimum(year, REFERENCE_YEAR - 1)
    day = rng.integers(0, 365, size=len(hh_arr))
    births = (year - 1970).astype("datetime64[Y]").astype("datetime64[D]") + day.astype("timedelta64[D]")
    surname = surnames(rng, n)
    person_surname = surname[hh_arr].copy()
    outsider = rel_in(rel, ("配偶", "儿媳", "母"))
    person_surname[outsider] = surnames(rng, int(outsider.sum()))
    names = person_surname + given_names(rng, male, year)
    adult = year <= REFERENCE_YEAR - 16
    phones = np.asarray(mobile_numbers(rng, len(hh_arr)), dtype=object)
    phones[~adult] = None
    return {
        "household": hh_arr, "relation": np.asarray(rel, dtype=object), "male": male, "birth": births,
        "name": names, "id": np.asarray(id_numbers(county_code, births, male), dtype=object), "phone": phones,
    }


def rel_is(rel: list, value: str) -> np.ndarray:
    return np.asarray([r == value for r in rel], dtype=bool)


def rel_in(rel: list, values: tuple) -> np.ndarray:
    return np.asarray([r in values for r in rel], dtype=bool)


def random_dates(rng: np.random.Generator, n: int, start: dt.date, end: dt.date) -> np.ndarray:
    """``n`` datetime64[D] uniformly between ``start`` and ``end`` (inclusive)."""
    a = np.datetime64(start, "D").astype(np.int64)
    b = np.datetime64(end, "D").astype(np.int64)
    return rng.integers(a, b + 1, size=n).astype("datetime64[D]")
