"""Make a PDF's text layer say the Chinese that was printed.

Qt builds each font's ToUnicode CMap from the font's cmap; Noto Sans CJK maps a Kangxi
radical (U+2F1F ⼟) and the unified ideograph (U+571F 土) to one glyph, so Qt may record the
radical: searching 土地 then finds nothing. :func:`fix_text_layer` rewrites every ToUnicode
stream, mapping U+2E80–U+2FDF to its NFKC form, as an incremental update (the original bytes
stay untouched; a new xref section supersedes the changed objects). No widgets, no Qt.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from pathlib import Path

_RADICALS = range(0x2E80, 0x2FE0)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


# CJK Radicals Supplement forms that have no NFKC decomposition but share a glyph with an
# ideograph in Noto Sans CJK SC (⻘ 青, ⻅ 见 …).
_SUPPLEMENT = {
    0x2EA0: 0x6C11, 0x2EA9: 0x738B, 0x2EAC: 0x793A, 0x2EC4: 0x897F, 0x2EC5: 0x89C1, 0x2EC6: 0x89D2,
    0x2EC8: 0x8BA0, 0x2EC9: 0x8D1D, 0x2ECB: 0x8F66, 0x2ED0: 0x9485, 0x2ED3: 0x957F, 0x2ED4: 0x95E8,
    0x2ED8: 0x9752, 0x2EDA: 0x9875, 0x2EDB: 0x98CE, 0x2EDD: 0x98DF, 0x2EE0: 0x9963, 0x2EE2: 0x9A6C,
    0x2EE3: 0x9AA8, 0x2EE4: 0x9B3C, 0x2EE5: 0x9C7C, 0x2EE6: 0x9E1F, 0x2EE9: 0x9EC4, 0x2EEA: 0x9EFE,
    0x2EEC: 0x9F50, 0x2EEE: 0x9F7F, 0x2EF0: 0x9F99,
}


def _unified(cp: int) -> int:
    if cp in _SUPPLEMENT:
        return _SUPPLEMENT[cp]
    if cp in _RADICALS:
        norm = unicodedata.normalize("NFKC", chr(cp))
        if len(norm) == 1:
            return ord(norm)
    return cp


def _hex(cp: int) -> bytes:
    return chr(cp).encode("utf-16-be").hex().upper().encode()


def _fix_dst(token: bytes) -> bytes:
    text = bytes.fromhex(token.decode()).decode("utf-16-be", "surrogatepass")
    return "".join(chr(_unified(ord(ch))) for ch in text).encode("utf-16-be", "surrogatepass").hex().upper().encode()


def fix_cmap(cmap: bytes) -> bytes:
    """The CMap text with every radical destination replaced by its unified ideograph."""
    out = []
    for block in re.split(rb"(begin(?:bfchar|bfrange).*?end(?:bfchar|bfrange))", cmap, flags=re.S):
        if block.startswith(b"beginbfchar"):
            block = re.sub(rb"(<[0-9A-Fa-f]+>)\s*<([0-9A-Fa-f]+)>",
                           lambda m: m.group(1) + b" <" + _fix_dst(m.group(2)) + b">", block)
        elif block.startswith(b"beginbfrange"):
            def fix_range(m):
                lo, hi, rest = int(m.group(1), 16), int(m.group(2), 16), m.group(3)
                head = b"<" + m.group(1) + b"> <" + m.group(2) + b"> "
                if rest.startswith(b"["):
                    return head + _HEX.sub(lambda t: b"<" + _fix_dst(t.group(1)) + b">", rest)
                start = int(rest[1:-1], 16)
                if len(rest) != 6 or not any(_unified(start + i) != start + i for i in range(hi - lo + 1)):
                    return m.group(0)
                return head + b"[" + b" ".join(b"<" + _hex(_unified(start + i)) + b">"
                                              for i in range(hi - lo + 1)) + b"]"
            block = re.sub(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", fix_range, block)
        out.append(block)
    return b"".join(out)


def fix_text_layer(path) -> int:
    """Rewrite the ToUnicode CMaps of the PDF at ``path`` in place; returns how many changed."""
    path = Path(path)
    data = path.read_bytes()
    targets = {int(n) for n in re.findall(rb"/ToUnicode\s+(\d+)\s+0\s+R", data)}
    changed: dict[int, bytes] = {}
    for num in sorted(targets):
        found = list(re.finditer(rb"(?<![0-9])%d 0 obj\s*<<(.*?)>>\s*stream\r?\n" % num, data, re.S))
        if not found:
            continue
        m = found[-1]  # the latest revision of the object
        length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", m.group(1))
        if length is None or length.group(2):
            continue
        raw = data[m.end():m.end() + int(length.group(1))]
        flate = b"/FlateDecode" in m.group(1)
        cmap = zlib.decompress(raw) if flate else raw
        fixed = fix_cmap(cmap)
        if fixed != cmap:
            body = zlib.compress(fixed) if flate else fixed
            changed[num] = (f"{num} 0 obj\n<< /Length {len(body)}" + (" /Filter /FlateDecode" if flate else "")
                            + " >>\nstream\n").encode() + body + b"\nendstream\nendobj\n"
    if not changed:
        return 0
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", data, re.S)[-1]
    keep = b" ".join(re.findall(rb"/(?:Size\s+\d+|Root\s+\d+\s+0\s+R|Info\s+\d+\s+0\s+R)", trailer))
    tail = bytearray(b"\n" if not data.endswith(b"\n") else b"")
    offsets = {}
    base = len(data)
    for num, obj in sorted(changed.items()):
        offsets[num] = base + len(tail)
        tail += obj
    xref_at = base + len(tail)
    tail += b"xref\n"
    for num, off in sorted(offsets.items()):
        tail += f"{num} 1\n{off:010d} 00000 n \n".encode()
    tail += b"trailer\n<< " + keep + f" /Prev {prev} >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    path.write_bytes(data + bytes(tail))
    return len(changed)
