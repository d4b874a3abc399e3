#!/usr/bin/env python3
"""Writes desubroutinised ("flat") copies of the Noto Sans CJK SC faces for Dossier's PDFs.

cairo 1.16 mis-subsets the CFF subroutines of the Noto Sans CJK fonts: some glyphs (for example 如) come out
blank in every PDF viewer, and every PDF carries ~100 KB of unused subroutines per face. A copy whose
charstrings are flattened avoids both. cairo also parses the whole font for every PDF (~15 ms for 65,000
glyphs), so each weight is written twice:

- "Noto Sans CJK SC Flat": the common characters only (GB 2312 and CJK punctuation and symbols, ~8,400),
  small and fast to embed;
- "Noto Sans CJK SC Flat Full": every glyph, used by Pango only for characters the common face lacks.

The copies keep the PostScript names (NotoSansCJKsc-Regular, …). Dossier's styles list the two families before
"Noto Sans CJK SC".

Usage: flatten_cjk_fonts.py SOURCE_DIR TARGET_DIR   (idempotent: existing copies are kept)
"""
import os
import sys

FAMILY = "Noto Sans CJK SC"
FLAT_FAMILY = "Noto Sans CJK SC Flat Full"
COMMON_FAMILY = "Noto Sans CJK SC Flat"
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}


def common_characters():
    """GB 2312 (every character of simplified Chinese in common use) plus punctuation and symbol blocks."""
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for first, last in [(0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2000, 0x206F), (0x2E80, 0x2EFF), (0x3200, 0x32FF),
                        (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x2190, 0x21FF), (0x2100, 0x214F), (0x00A0, 0x00FF),
                        (0x0020, 0x007E)]:   # ASCII too: Pango may give a space between Chinese characters to this face
        chars.update(chr(c) for c in range(first, last + 1))
    return "".join(sorted(chars))


def write_common(full, target):
    from fontTools import subset
    from fontTools.ttLib import TTFont
    font = TTFont(full)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=common_characters())
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = COMMON_FAMILY
    temporary = target + ".tmp"
    font.save(temporary)
    os.replace(temporary, target)


def flatten(source, target):
    from fontTools.ttLib import TTCollection
    collection = TTCollection(source)
    font = next((f for f in collection.fonts if f["name"].getDebugName(1) == FAMILY), None)
    if font is None:
        raise SystemExit(f"{source}: no '{FAMILY}' face in this collection")
    font["CFF "].cff.desubroutinize()
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FLAT_FAMILY
    temporary = target + ".tmp"
    font.save(temporary)
    os.replace(temporary, target)   # never leave a half-written font for fontconfig to find


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    source_dir, target_dir = sys.argv[1], sys.argv[2]
    os.makedirs(target_dir, exist_ok=True)
    for weight, file in WEIGHTS.items():
        full = os.path.join(target_dir, f"NotoSansCJKsc-{weight}-flat.otf")
        common = os.path.join(target_dir, f"NotoSansCJKsc-{weight}-common.otf")
        if not os.path.exists(full):
            print(f"flattening {FAMILY} {weight} (about 25 s)", file=sys.stderr)
            flatten(os.path.join(source_dir, file), full)
        if not os.path.exists(common):
            print(f"writing the common characters of {FAMILY} {weight} (about 5 s)", file=sys.stderr)
            write_common(full, common)


if __name__ == "__main__":
    main()
