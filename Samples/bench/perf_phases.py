#!/usr/bin/env python3
"""Attribute perf samples of one `dossier build` run to pipeline phases (docs/BENCHMARK.md, "Where the time goes").

Record and convert (release build; DWARF unwinding, since the system libraries have no frame pointers):
  perf record -F 5000 --call-graph dwarf,32768 -o w1r.perf -- .build-bench/release/dossier build \
      Reports/bench/w1-report.yaml --out /tmp/w1r --force --quiet
  perf script -i w1r.perf -F comm,tid,ip,sym,dso | swift demangle --simplified | python3 Samples/bench/perf_phases.py
Each sample counts once, for the first rule below whose frames appear on its stack (so the order matters).
"""
import collections
import sys

# (phase, any of these frames on the stack, and -- if given -- also one of these)
RULES = [
    ("PNG: zlib deflate (PNG encoder)", ["dossier_png_encode"], ["deflate", "adler32", "crc32"]),
    ("PNG: encoder (filters, rows)", ["dossier_png_encode"], []),
    ("PNG: rasterise (cairo image surface)", ["CairoRenderer.png"], []),
    ("SVG export", ["CairoRenderer.svg"], []),
    ("PDF: font subsets (cairo_surface_finish)", ["CairoRenderer.pdf"], ["cairo_surface_finish"]),
    ("PDF: pages (content streams, compression)", ["CairoRenderer.pdf"], []),
    ("text shaping and measuring (Pango)", ["PangoFontEngine"], []),
    ("charts: geometry", ["ChartRenderer.render"], []),
    ("layout: flow and pagination (excl. shaping)", ["LayoutEngine.layout"], []),
    ("report building (placeholders, tables)", ["ReportEngine.content", "ReportBuilder"], []),
    ("dataset loading (CSV, YAML)", ["DatasetLoader", "InputCache.dataset"], []),
    ("spec loading (YAML)", ["ReportSpecLoader", "BatchBuilder.expand", "YAMLNode", "StyleLoader"], []),
    ("SHA-256 (input fingerprints, output hashes)", ["SHA256", "InputFingerprint"], []),
    ("file writes", ["AtomicWriter", "writeManifest"], []),
    ("fontconfig (config parsing, font matching)", ["FcInit", "FcConfig", "FcFontSet", "XML_Parse", "pango_cairo_font_map",
                                                    "PangoFontEngine.init", "CairoRenderer.init"], []),
    ("process start (dynamic linking)", ["_dl_start", "_dl_relocate", "dl_main", "_dl_map_object", "_dl_init", "_dl_fini"], []),
    ("Swift runtime (metadata, argument parsing)", ["swift_getTypeByMangled", "ParsableCommand", "swift_conformsToProtocol"], []),
    ("FreeType glyph loading (caller not unwound)", ["FT_Load_Glyph"], []),
]


def main():
    counts, total, stack = collections.Counter(), 0, []

    def flush():
        nonlocal total
        if not stack:
            return
        total += 1
        text = "\n".join(stack)
        for name, anywhere, within in RULES:
            if any(a in text for a in anywhere) and (not within or any(w in text for w in within)):
                counts[name] += 1
                return
        counts["kernel (page faults, syscalls)" if "kernel" in stack[0] else "other"] += 1

    for line in sys.stdin:
        if not line.strip():
            flush()
            stack = []
        elif line[0] not in " \t":
            stack = []          # a sample header line: comm tid
        else:
            stack.append(line.strip())
    flush()
    for name, n in counts.most_common():
        print(f"{100 * n / total:5.1f}%  {name}")
    print(f"({total} samples)")


if __name__ == "__main__":
    main()
