#!/usr/bin/env python3
"""Convert the peers' synthetic scale data into Dossier datasets (docs/DATASET.md).

The benchmark (docs/BENCHMARK.md, issue 7) measures Dossier on the same synthetic data as its peers:
/work/shared/bench/peers/gen_scale.py writes out/scale/scale_N.csv (entity,name_zh,year,rank,highlight;
N entities x 2001-2010, deterministic, seed 7). This script turns each file into a dataset folder
Samples/bench/scale-N/ with entities.csv, indicators.yaml, sources.yaml and observations.csv.

No survey_size is given: charts would print it as "of N countries" (共N国), and these entities are not countries.

Entity tags:
  focus        the 5 entities gen_scale.py flags highlight=1 (2010 rank 1, N/4, N/2, 3N/4, N)
  batch        the first 100 entities (W3-batch builds one report for each)
  peers:EXXX   on EXXX itself and on its 4 peers: the entities whose 2010 rank is nearest EXXX's
               (2 above, 2 below, shifted at the ends) -- the same rule as peers_of() in the peers'
               common.py, so that a spec can select "EXXX and its peers" with tags: [peers:EXXX].

Usage:
  python3 Samples/bench/convert.py [--gen /path/to/gen_scale.py] [N ...]      (default 50 100 200 400)
Runs gen_scale.py in a temporary copy of its folder (the original may be read-only), then converts.
Or: python3 Samples/bench/convert.py --csv scale_100.csv ...  to convert files already generated.
"""
import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GEN = "/work/shared/bench/peers/gen_scale.py"
YEARS = list(range(2001, 2011))


def load(path):
    """(entities in file order, names, ranks {entity: [rank per year]}, highlighted set)."""
    entities, names, ranks, hl = [], {}, {}, set()
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            e = r["entity"]
            if e not in names:
                entities.append(e)
                names[e] = r["name_zh"]
                ranks[e] = {}
            if r["highlight"] == "1":
                hl.add(e)
            ranks[e][int(r["year"])] = int(r["rank"])
    return entities, names, ranks, hl


def peers_of(entity, ranks):
    """The 4 entities whose 2010 rank is nearest the entity's (as the peers' common.peers_of)."""
    by_rank = sorted(ranks, key=lambda e: ranks[e][YEARS[-1]])
    i = by_rank.index(entity)
    lo = max(0, min(i - 2, len(by_rank) - 5))
    return [e for e in by_rank[lo:lo + 5] if e != entity][:4]


def convert(src, n, out_root):
    entities, names, ranks, hl = load(src)
    assert len(entities) == n, f"{src}: {len(entities)} entities, expected {n}"
    tags = {e: [] for e in entities}
    for e in entities:
        if e in hl:
            tags[e].append("focus")
    for e in entities[:100]:
        tags[e].append("batch")
    for e in entities:
        for x in [e] + peers_of(e, ranks):
            tags[x].append(f"peers:{e}")

    out = os.path.join(out_root, f"scale-{n}")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "entities.csv"), "w", newline="", encoding="utf-8") as f:
        f.write(f"# Synthetic entities for the benchmark (gen_scale.py, seed 7, N={n}); made by Samples/bench/convert.py\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name_zh", "name_en", "kind", "parent", "tags"])
        for e in entities:
            w.writerow([e, names[e], f"Entity {e}", "country", "", ";".join(tags[e])])
    with open(os.path.join(out, "observations.csv"), "w", newline="", encoding="utf-8") as f:
        f.write(f"# Synthetic ranks 2001-2010 (gen_scale.py, seed 7, N={n}); made by Samples/bench/convert.py\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["entity", "indicator", "period", "value", "note", "quote"])
        for e in entities:
            for y in YEARS:
                w.writerow([e, "synthetic.rank", y, ranks[e][y], "", "gen_scale.py"])
    with open(os.path.join(out, "indicators.yaml"), "w", encoding="utf-8") as f:
        f.write(f"""# Synthetic benchmark data (gen_scale.py, seed 7, N={n}); made by Samples/bench/convert.py
indicators:
  - id: synthetic.rank
    label: {{zh: "合成实体排名", en: "Synthetic rank"}}
    unit: rank
    direction: lower-better
    source: synthetic
""")
    with open(os.path.join(out, "sources.yaml"), "w", encoding="utf-8") as f:
        f.write("""sources:
  - id: synthetic
    publisher: {zh: "合成数据", en: "Synthetic data"}
    title: {zh: "基准测试合成排名", en: "Benchmark synthetic ranks"}
    years: [2001, 2010]
    citation: {zh: "合成数据（gen_scale.py，随机种子 7）", en: "Synthetic data (gen_scale.py, seed 7)"}
    url: ""
""")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", type=int, default=[50, 100, 200, 400])
    ap.add_argument("--gen", default=DEFAULT_GEN, help="path of gen_scale.py (default %(default)s)")
    ap.add_argument("--csv", nargs="*", help="convert these scale_N.csv files instead of running gen_scale.py")
    ap.add_argument("--out", default=HERE, help="folder for the scale-N datasets (default: next to this script)")
    a = ap.parse_args()
    if a.csv:
        for path in a.csv:
            n = int(os.path.basename(path).split("_")[1].split(".")[0])
            print(convert(path, n, a.out))
        return
    with tempfile.TemporaryDirectory() as tmp:
        # gen_scale.py writes next to itself (common.OUT = <its folder>/out), so run a copy.
        src = os.path.dirname(os.path.abspath(a.gen))
        for name in ("gen_scale.py", "common.py"):
            shutil.copy(os.path.join(src, name), tmp)
        subprocess.run([sys.executable, os.path.join(tmp, "gen_scale.py")] + [str(n) for n in a.sizes], check=True,
                       stdout=subprocess.DEVNULL)
        for n in a.sizes:
            print(convert(os.path.join(tmp, "out", "scale", f"scale_{n}.csv"), n, a.out))


if __name__ == "__main__":
    main()
