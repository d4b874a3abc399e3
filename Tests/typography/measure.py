#!/usr/bin/env python3
"""Typography figures of built reports, from `pdftotext -bbox` word boxes (issue #13 evidence).

usage: Tests/typography/measure.py REPORT.pdf [...] [--body 10.5] [--margins 64,60,64,60]

Per document it prints:
  shortfall   for every body line that continues its paragraph (the next line of the same paragraph
              follows at the line pitch), how far its right edge stops short of the measure, in em:
              median, worst, and how many stop >= 1 em short
  cjk-latin   gaps between a Han character and an adjacent Latin letter or digit where pdftotext splits
              them into two words, in em (distinct values rounded to 0.01)
  pairs       widths of adjacent punctuation pairs (）。 ）， 》（ ...) estimated from the pair's position in
              its word box (a CJK word of n ems, the pair's share), in em
  fill        pages whose body ends more than 15% above the bottom margin (page: percent empty), last page
              excluded; and the number of text lines on the last page (a runt page has fewer than 5)
Only the standard library and poppler-utils are needed.
"""
import re, statistics, subprocess, sys, html

def words(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        w, h, body = float(page.group(1)), float(page.group(2)), page.group(3)
        ws = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in
              re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body)]
        pages.append((w, h, ws))
    return pages

def lines_of(ws):
    """Groups words into lines: boxes of Latin and CJK words on one line differ a little in height and
    bottom, so words whose bottoms are within 2 pt of each other form one line."""
    out = []
    for wd in sorted(ws, key=lambda w: w[3]):
        if out and wd[3] - out[-1]["y"] < 2:
            out[-1]["words"].append(wd)
        else:
            out.append({"y": wd[3], "words": [wd]})
    for l in out:
        l["words"].sort()
        l["x0"] = l["words"][0][0]
        l["x1"] = max(w[2] for w in l["words"])
        l["h"] = max(w[3] - w[1] for w in l["words"])
    out.sort(key=lambda l: (l["y"], l["x0"]))
    return out

def is_han(c):
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFD

def is_latin(c):
    return c.isascii() and c.isalnum()

CLOSING = set("，。、；：）」』》〉】〕］｝”’")
OPENING = set("（「『《〈【〔［｛“‘")

def measure(pdf, body, margins):
    top, right, bottom, left = margins
    pages = words(pdf)
    pitch = body * 1.6
    shortfalls, gaps, pairs, advances, pair_words = [], [], [], [], []
    fills, last_lines = [], 0
    body_h = None
    for index, (pw, ph, ws) in enumerate(pages):
        content = [w for w in ws if top - 2 <= w[1] and w[3] <= ph - bottom + 2]
        ls = lines_of(content)
        # Body lines: the most common box height among lines that start at the left margin.
        heights = [round(l["h"], 1) for l in ls if abs(l["x0"] - left) < 1]
        if heights and body_h is None:
            body_h = statistics.mode(heights)
        measure_right = pw - right
        # Body lines: word boxes of body-size text (DejaVu Sans 1.163 em high, Noto Sans CJK 1.448 em);
        # this leaves out tables, captions, headings and chart labels.
        def is_body(l):
            return any(abs((w[3] - w[1]) / body - r) < 0.01 for w in l["words"] for r in (1.163, 1.448))
        every = ls
        ls = [l for l in ls if is_body(l)]
        for a, b in zip(ls, ls[1:]):
            if abs(a["x0"] - b["x0"]) > 0.5 or abs((b["y"] - a["y"]) - pitch) > 2:
                continue
            if a["x0"] > left + 40 or re.match(r"^(•|·|\d+[.)]|（\d+）|\(\d+\))$", b["words"][0][4]):
                continue
            shortfalls.append((measure_right - a["x1"]) / body)
        for l in ls:
            for p, q in zip(l["words"], l["words"][1:]):
                if (is_han(p[4][-1]) and is_latin(q[4][0])) or (is_latin(p[4][-1]) and is_han(q[4][0])):
                    if q[0] - p[2] < body:
                        gaps.append(round((q[0] - p[2]) / body, 2))
            for w in l["words"]:
                t = w[4]
                if len(t) >= 3 and all(not c.isascii() and c not in "“”‘’—…" for c in t):
                    n = sum(1 for j in range(len(t) - 1) if (t[j] in CLOSING | OPENING) and (t[j + 1] in CLOSING | OPENING))
                    if n == 0:
                        advances.append((w[2] - w[0]) / len(t))
                    elif n == 1:
                        j = next(j for j in range(len(t) - 1) if (t[j] in CLOSING | OPENING) and (t[j + 1] in CLOSING | OPENING))
                        if (t[j] in CLOSING and (t[j + 1] in CLOSING or t[j + 1] in OPENING)) or (t[j] in OPENING and t[j + 1] in OPENING):
                            pair_words.append((t[j:j + 2], w[2] - w[0], len(t)))
        if every:
            bottom_y = max(l["y"] for l in every)
            empty = (ph - bottom - bottom_y) / (ph - top - bottom)
            fills.append((index + 1, empty))
            last_lines = len(every)
    print(f"== {pdf}: {len(pages)} pages")
    if shortfalls:
        s = sorted(shortfalls)
        print(f"shortfall: {len(s)} continued lines, median {statistics.median(s):.3f} em, worst {max(s):.2f} em, "
              f">=1 em short: {sum(1 for x in s if x >= 1)}")
    if gaps:
        values = sorted(set(gaps))
        print(f"cjk-latin: {len(gaps)} split boundaries, median {statistics.median(gaps):.2f} em, values {values[:12]}")
    else:
        print("cjk-latin: no split boundaries (pdftotext joined them: gap below its word-space threshold)")
    # A word made only of full-width characters: each other character takes the typical advance (the
    # median advance in words without a pair), the rest of the box is the pair.
    if advances:
        a = statistics.median(advances)
        pairs = [(p, round((wdt - (n - 2) * a) / body, 2)) for p, wdt, n in pair_words]
        print(f"ideograph advance: {a / body:.3f} em")
    if pairs:
        by = {}
        for p, wdt in pairs:
            by.setdefault(p, []).append(wdt)
        print("pairs: " + ", ".join(f"{p} {statistics.median(v):.2f} em (n={len(v)})" for p, v in sorted(by.items())))
    holes = [f"p{n}: {e*100:.0f}%" for n, e in fills[:-1] if e > 0.15]
    print(f"fill: {len(holes)} of {max(0, len(fills) - 1)} pages (last excluded) >15% empty: {', '.join(holes)}")
    print(f"last page: {last_lines} body lines{' (runt)' if last_lines < 5 else ''}")

if __name__ == "__main__":
    args = sys.argv[1:]
    body, margins = 10.5, (64, 60, 64, 60)
    if "--body" in args:
        i = args.index("--body"); body = float(args[i + 1]); del args[i:i + 2]
    if "--margins" in args:
        i = args.index("--margins"); margins = tuple(float(x) for x in args[i + 1].split(",")); del args[i:i + 2]
    for pdf in args:
        measure(pdf, body, margins)
