"""Field definitions of the sample layers (names = resources/roles.json standard fields).

Each field is (name, type, width, precision); type is 'str', 'int', 'int64', 'real' or 'date'.
"""
from __future__ import annotations

S, INT, I64, R, D = "str", "int", "int64", "real", "date"

LAYERS = {
    "XZQ": ("polygon", [("XZQDM", S, 12, 0), ("XZQMC", S, 100, 0), ("DCMJ", R, 19, 2)]),
    "CJDCQ": ("polygon", [("ZLDWDM", S, 19, 0), ("ZLDWMC", S, 254, 0), ("XZQDM", S, 12, 0), ("DCMJ", R, 19, 2),
                          ("CZFL", S, 10, 0)]),
    "DLTB": ("polygon", [
        ("BSM", INT, 18, 0), ("YSDM", S, 10, 0), ("TBYBH", S, 18, 0), ("TBBH", S, 8, 0), ("DLBM", S, 5, 0),
        ("DLMC", S, 60, 0), ("QSXZ", S, 2, 0), ("QSDWDM", S, 19, 0), ("QSDWMC", S, 254, 0), ("ZLDWDM", S, 19, 0),
        ("ZLDWMC", S, 254, 0), ("TBMJ", R, 19, 2), ("KCDLBM", S, 5, 0), ("KCXS", R, 6, 4), ("KCMJ", R, 19, 2),
        ("TBDLMJ", R, 19, 2), ("GDLX", S, 2, 0), ("GDPDJB", S, 2, 0), ("GDDB", INT, 2, 0), ("CZCSXM", S, 4, 0),
        ("ZZSXDM", S, 6, 0), ("SJNF", INT, 4, 0), ("BZ", S, 254, 0)]),
    "ZD": ("polygon", [
        ("ZDDM", S, 19, 0), ("BDCDYH", S, 28, 0), ("QLRMC", S, 100, 0), ("QLRZJH", S, 18, 0), ("ZL", S, 200, 0),
        ("ZDMJ", R, 15, 2), ("YT", S, 5, 0), ("QLXZ", S, 20, 0), ("DJSJ", D, 0, 0)]),
    "ZRZ": ("polygon", [
        ("ZRZH", S, 24, 0), ("ZDDM", S, 19, 0), ("FWJG", S, 1, 0), ("ZCS", INT, 3, 0), ("JZMJ", R, 15, 2),
        ("JGRQ", D, 0, 0)]),
    "HJ": (None, [
        ("HH", S, 20, 0), ("ZDDM", S, 19, 0), ("XM", S, 50, 0), ("GMSFHM", S, 18, 0), ("YHZGX", S, 10, 0),
        ("XB", S, 2, 0), ("CSRQ", D, 0, 0), ("LXDH", S, 20, 0)]),
    "YJJBNTTB": ("polygon", [
        ("BSM", INT, 18, 0), ("JBNTTBBH", S, 16, 0), ("DLBM", S, 5, 0), ("TBMJ", R, 19, 2), ("ZLDWDM", S, 19, 0),
        ("TBBH", S, 8, 0)]),
    "STBHHX": ("polygon", [("HXBH", S, 20, 0), ("HXMC", S, 100, 0), ("HXLX", S, 20, 0), ("MJ", R, 19, 2)]),
    "CZKFBJ": ("polygon", [("FQDM", S, 2, 0), ("FQMC", S, 20, 0), ("XZQDM", S, 12, 0), ("MJ", R, 19, 2)]),
    "PZYD": ("polygon", [
        ("PZWH", S, 50, 0), ("PCMC", S, 100, 0), ("PZRQ", D, 0, 0), ("PZMJ", R, 19, 2), ("XZQDM", S, 12, 0)]),
    "GYYD": ("polygon", [
        ("DZJGH", S, 20, 0), ("XMMC", S, 100, 0), ("SRR", S, 100, 0), ("GDFS", S, 10, 0), ("YT", S, 5, 0),
        ("GYRQ", D, 0, 0), ("YDKGRQ", D, 0, 0), ("SJKGRQ", D, 0, 0), ("YDJGRQ", D, 0, 0), ("GDMJ", R, 19, 2),
        ("YDTZE", R, 15, 1), ("YWCTZE", R, 15, 1), ("YJSMJ", R, 19, 2)]),
    "GYQY": ("point", [
        ("QYMC", S, 100, 0), ("ZDDM", S, 19, 0), ("YDMJ", R, 15, 2), ("RJL", R, 8, 2), ("JZMD", R, 8, 3),
        ("SSZE", R, 15, 1), ("NSSS", R, 15, 2)]),
}
ORDER = ("XZQ", "CJDCQ", "DLTB", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "ZD", "ZRZ", "GYQY", "HJ")
SANDIAO_LAYERS = ("XZQ", "CJDCQ", "DLTB", "YJJBNTTB")
