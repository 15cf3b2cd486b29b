"""Which text encoding a file's bytes are in, decided over the whole head of the file.

The decision, in order: a byte-order mark; UTF-16 without a mark (NUL bytes on one
side of the byte pairs only); UTF-8 (a file that decodes as UTF-8 is UTF-8); ISCII, the
Indian standard 8-bit code (bytes A1–FA only, and every vowel sign, virama and nukta
right after a letter); a Western 8-bit code page (a few accented letters among ASCII
ones: cp1252, the Windows superset of Latin-1, or Latin-1 itself where cp1252 leaves a
byte undefined); else charset-normalizer among the other 8-bit and East Asian codes
news comes in, accepted only when its text is clean (at most ``MAX_CHAOS`` per cent of
mess). Anything else is refused with a reason, never stored as garbage.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from ..errors import InputError

HEAD_BYTES = 65536
MAX_CHAOS = 10.0
# 8-bit and multi-byte codes tried when a file is neither UTF, ISCII nor Western.
_OTHER_CODES = ["cp1251", "cp1256", "cp1253", "cp1255", "cp1250", "koi8_r", "gb18030",
                "big5", "shift_jis", "euc_jp", "euc_kr"]

# ISCII-91, Devanagari: bytes A1–FA to Unicode (Bureau of Indian Standards IS 13194:1991).
_ISCII = {0xA1: "\u0901", 0xA2: "\u0902", 0xA3: "\u0903", 0xA4: "\u0905", 0xA5: "\u0906",
          0xA6: "\u0907", 0xA7: "\u0908", 0xA8: "\u0909", 0xA9: "\u090a", 0xAA: "\u090b",
          0xAB: "\u090e", 0xAC: "\u090f", 0xAD: "\u0910", 0xAE: "\u090d", 0xAF: "\u0912",
          0xB0: "\u0913", 0xB1: "\u0914", 0xB2: "\u0911", 0xCE: "\u095f", 0xD9: "\u200d",
          0xDA: "\u093e", 0xDB: "\u093f", 0xDC: "\u0940", 0xDD: "\u0941", 0xDE: "\u0942",
          0xDF: "\u0943", 0xE0: "\u0946", 0xE1: "\u0947", 0xE2: "\u0948", 0xE3: "\u0945",
          0xE4: "\u094a", 0xE5: "\u094b", 0xE6: "\u094c", 0xE7: "\u0949", 0xE8: "\u094d",
          0xE9: "\u093c", 0xEA: "\u0964", 0xEF: "\u200d", 0xF0: "\u200d"}
_ISCII.update({0xB3 + i: chr(0x0915 + i) for i in range(27)})   # क … य
_ISCII.update({0xCF + i: chr(0x0930 + i) for i in range(10)})   # र … ह
_ISCII.update({0xF1 + i: chr(0x0966 + i) for i in range(10)})   # ० … ९
_ISCII_SIGNS = set(range(0xDA, 0xEA)) | {0xA1, 0xA2, 0xA3}
_ISCII_BASES = set(range(0xA4, 0xD9)) | _ISCII_SIGNS
ISCII = "iscii-devanagari"
_ISCII_TABLE = "".join(chr(b) if b < 0x80 else _ISCII.get(b, "\ufffe") for b in range(256))


def _iscii_codec(name: str) -> codecs.CodecInfo | None:
    if name.replace("_", "-") != ISCII:
        return None

    def decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
        return codecs.charmap_decode(data, errors, _ISCII_TABLE)

    class Incremental(codecs.IncrementalDecoder):
        def decode(self, data: bytes, final: bool = False) -> str:  # type: ignore[override]
            return codecs.charmap_decode(data, self.errors, _ISCII_TABLE)[0]

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        raise UnicodeEncodeError(ISCII, text, 0, len(text), "ghatna only reads ISCII")

    return codecs.CodecInfo(encode, decode, name=ISCII, incrementaldecoder=Incremental)


codecs.register(_iscii_codec)


def _utf16_order(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when NUL bytes sit on one side of the pairs only."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even = head[0:pairs * 2:2].count(0)
    odd = head[1:pairs * 2:2].count(0)
    if odd >= pairs * 0.05 and even <= pairs * 0.01:
        return "utf-16-le"
    if even >= pairs * 0.05 and odd <= pairs * 0.01:
        return "utf-16-be"
    return None


def _decodes(data: bytes, encoding: str, complete: bool) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _is_iscii(head: bytes) -> bool:
    high = [b for b in head if b >= 0x80]
    letters = sum(1 for b in head if _ascii_letter(b)) + len(high)
    if not high or len(high) < letters * 0.6 or any(b not in _ISCII for b in high):
        return False
    signs = ok = 0
    for prev, b in zip(b" " + head, head):
        if b in _ISCII_SIGNS:
            signs += 1
            ok += prev in _ISCII_BASES
    return signs > 0 and ok >= signs * 0.9


def _ascii_letter(b: int) -> bool:
    return 0x61 <= (b | 0x20) <= 0x7a


def _is_western(head: bytes) -> bool:
    """Accented letters among ASCII ones (French, German, Spanish, English with €), not
    words written wholly in high bytes (Cyrillic, Greek, Arabic, ISCII)."""
    high = beside_ascii = 0
    for i, b in enumerate(head):
        if b >= 0x80:
            high += 1
            beside_ascii += (i > 0 and _ascii_letter(head[i - 1])) or (
                i + 1 < len(head) and _ascii_letter(head[i + 1]))
    return beside_ascii >= high * 0.7


def detect_encoding(head: bytes, name: str, *, complete: bool = True) -> str:
    """The Python codec name for a file that starts with ``head`` (all of it when
    ``complete``); raises :class:`InputError` when no encoding fits confidently."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if not _decodes(head, "utf-16", complete):
            raise InputError(name, "UTF-16 byte-order mark but undecodable content")
        return "utf-16"
    nuls = head.count(0)
    if nuls:
        order = _utf16_order(head)
        if order and _decodes(head[:len(head) // 2 * 2], order, complete and len(head) % 2 == 0):
            return order
        if nuls > max(1, len(head) // 1000):
            raise InputError(name, f"binary file (NUL byte at byte {head.index(0)}), not text")
        # A stray NUL or two in text: the encoding is decided on; the reader refuses the
        # record (or the file) that holds it.
    if _decodes(head, "utf-8", complete):
        return "utf-8"
    if _is_iscii(head):
        return ISCII
    if _is_western(head):
        return "cp1252" if _decodes(head, "cp1252", True) else "latin-1"
    best = charset_normalizer.from_bytes(head, cp_isolation=_OTHER_CODES).best()
    if best is None or best.encoding is None or best.percent_chaos > MAX_CHAOS:
        guess = f" (best guess {best.encoding}, {best.percent_chaos:.0f}% mess)" if best else ""
        raise InputError(name, f"not UTF-8 and no known text encoding fits confidently{guess}; "
                               f"convert it to UTF-8")
    return best.encoding
