#!/usr/bin/env python3
"""Pagination figures of built reports, from `pdftotext -bbox` word boxes (issue #13, items 6 and 7).

usage: Tests/typography/page_fill.py REPORT.pdf [...] [--body 10.5] [--margins 64,60,64,60] [--pages]

Per document it prints:
  fill        per page, how much of the text area is empty below the last line (percent); pages other than a
              section's last (the next page does not open with a level-1 heading) that are > 15% empty
  runt        lines on the last page, and on every page that ends a section (< 5 lines: a runt)
  stranded    headings followed by fewer than two lines on their page (not on the last page)
  tables      continuation pages ("续表" / "(continued)") with fewer than 4 table lines (header + 3 rows),
              and pages a table leaves with fewer than 3 of its lines before continuing (approximate: table
              lines are told by the size of their type)
  header      pages whose running header does not name the section in force at the top of the page
With --pages every page's figures are listed. Only the standard library and poppler-utils are needed; type
sizes are told from the height of pdftotext's word boxes (DejaVu Sans 1.163 em, Noto Sans CJK 1.448 em).
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import words, lines_of  # noqa: E402

RATIOS = (1.163, 1.448)
HEADINGS = {16.0: 1, 13.0: 2, 11.5: 3}


def size_of(line):
    """The largest type size on the line, from its word boxes (None when no box has a known ratio)."""
    best = None
    for w in line["words"]:
        h = w[3] - w[1]
        for r in RATIOS:
            s = h / r
            if abs(s * 2 - round(s * 2)) < 0.04:  # sizes are whole or half points
                s = round(s * 2) / 2
                best = s if best is None else max(best, s)
    return best


def text_of(line):
    return " ".join(w[4] for w in line["words"])


def measure(pdf, body, margins, show_pages):
    top, right, bottom, left = margins
    pages = words(pdf)
    area = None
    info = []
    for (pw, ph, ws) in pages:
        area = ph - top - bottom
        # A word belongs to the text area when the middle of its box does (a large CJK heading's box
        # reaches above the line it sits on).
        content = lines_of([w for w in ws if top <= (w[1] + w[3]) / 2 <= ph - bottom])
        # The running header's right-hand half names the section.
        header = lines_of([w for w in ws if w[3] < top - 2 and w[0] > pw / 2])
        for l in content:
            s = size_of(l)
            l["size"] = s
            # Headings start at the left margin; chart titles (also 13 pt) are inset by the chart padding.
            l["level"] = HEADINGS.get(s) if s is not None and abs(l["x0"] - left) < 0.6 else None
            l["table"] = s is not None and 6 <= s <= 9.0 and not text_of(l).startswith(("资料来源", "Source"))
        last = max((l["y"] for l in content), default=top)
        info.append({"lines": content, "empty": (ph - bottom - last) / area if content else 1.0,
                     "header": text_of(header[0]) if header else "", "header_x1": header[0]["x1"] if header else 0, "pw": pw})
    problems = {"fill": [], "runt": [], "stranded": [], "tables": [], "header": []}
    section = None
    for i, p in enumerate(info):
        ls = p["lines"]
        nxt = info[i + 1] if i + 1 < len(info) else None
        opens_section = lambda q: bool(q and q["lines"] and q["lines"][0]["level"] == 1)
        section_end = nxt is None or opens_section(nxt)
        if not section_end and p["empty"] > 0.15:
            problems["fill"].append(f"p{i + 1} {p['empty'] * 100:.0f}%")
        if section_end and len(ls) < 5 and i > 0:
            problems["runt"].append(f"p{i + 1} {len(ls)} lines")
        if nxt is not None:
            for j, l in enumerate(ls):
                if l["level"] and sum(1 for m in ls[j + 1:] if not m["level"]) < 2:
                    problems["stranded"].append(f"p{i + 1} '{text_of(l)[:30]}'")
                    break
        for j, l in enumerate(ls):
            t = text_of(l)
            if j < 3 and ("续表" in t or "(continued)" in t):
                n = 0
                for m in ls[j + 1:]:
                    if not m["table"]:
                        break
                    n += 1
                if n < 4:
                    problems["tables"].append(f"p{i + 1} continuation with {n} table lines")
                # The page before: table lines at its bottom.
                prev = info[i - 1]["lines"] if i > 0 else []
                k = 0
                for m in reversed(prev):
                    if not m["table"]:
                        break
                    k += 1
                if k < 4:
                    problems["tables"].append(f"p{i} leaves {k} table lines before the break")
        # Running header: the section in force at the top of the page.
        at_top = ls[0]["level"] == 1 if ls else False
        expected = text_of(ls[0]) if at_top else section
        shown = p["header"]
        if expected and i > 0 and not header_names(shown, expected):
            problems["header"].append(f"p{i + 1} shows '{shown[-24:]}', in force '{expected[:24]}'")
        for l in ls:
            if l["level"] == 1:
                section = text_of(l)
        if show_pages:
            levels = [f"h{l['level']}" for l in ls if l["level"]]
            print(f"  p{i + 1}: {len(ls)} lines, {p['empty'] * 100:.0f}% empty, headings {' '.join(levels) or '-'}")
    fills = [p["empty"] for p in info[:-1]]
    print(f"== {pdf}: {len(info)} pages")
    print(f"fill: mean empty {100 * sum(fills) / max(1, len(fills)):.1f}% (last page excluded); "
          f"{len(problems['fill'])} mid-section pages >15% empty: {', '.join(problems['fill'])}")
    print(f"last page: {len(info[-1]['lines'])} lines; runt section ends: {', '.join(problems['runt']) or 'none'}")
    print(f"stranded headings: {len(problems['stranded'])} {', '.join(problems['stranded'])}")
    print(f"short table splits: {len(problems['tables'])} {', '.join(problems['tables'])}")
    print(f"running header not the section in force: {len(problems['header'])} {'; '.join(problems['header'])}")


def header_names(shown, expected):
    """The header's right-hand text is the section (possibly cut with an ellipsis); compare without spaces."""
    s = shown.replace(" ", "").rstrip("…")
    e = expected.replace(" ", "")
    return bool(s) and e.startswith(s)


if __name__ == "__main__":
    args = sys.argv[1:]
    body, margins = 10.5, (64, 60, 64, 60)
    show = "--pages" in args
    args = [a for a in args if a != "--pages"]
    if "--body" in args:
        i = args.index("--body"); body = float(args[i + 1]); del args[i:i + 2]
    if "--margins" in args:
        i = args.index("--margins"); margins = tuple(float(x) for x in args[i + 1].split(",")); del args[i:i + 2]
    for pdf in args:
        measure(pdf, body, margins, show)
