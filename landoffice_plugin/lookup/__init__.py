"""Parcel lookup engine (宗地查询), headless: search index, query parsing, pinyin, red lights,
overlays of one parcel and the parcel report. The dock and map tool live in ``gui/``."""
