#!/usr/bin/env python3
"""Writes desubroutinised ("flat") copies of the Noto Sans CJK SC faces for Dossier's PDFs.

cairo 1.16 mis-subsets the CFF subroutines of the Noto Sans CJK fonts: some glyphs (for example 如) come out
blank in every PDF viewer, and every PDF carries ~100 KB of unused subroutines per face. A copy whose
charstrings are flattened avoids both. The copies keep the PostScript names (NotoSansCJKsc-Regular, …) and
get the family name "Noto Sans CJK SC Flat", which Dossier's styles list before "Noto Sans CJK SC".

Usage: flatten_cjk_fonts.py SOURCE_DIR TARGET_DIR   (idempotent: existing copies are kept)
"""
import os
import sys

FAMILY = "Noto Sans CJK SC"
FLAT_FAMILY = "Noto Sans CJK SC Flat"
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}


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
        target = os.path.join(target_dir, f"NotoSansCJKsc-{weight}-flat.otf")
        if os.path.exists(target):
            continue
        print(f"flattening {FAMILY} {weight} (about 25 s)", file=sys.stderr)
        flatten(os.path.join(source_dir, file), target)


if __name__ == "__main__":
    main()
