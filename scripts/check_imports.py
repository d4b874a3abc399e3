#!/usr/bin/env python3
"""Fails when a Swift file imports a module its target does not declare in Package.swift.

SwiftPM lets a target import any module that happens to be built before it (a transitive dependency), which hides
real dependencies and breaks as soon as the graph changes. Usage: check_imports.py [PACKAGE_DIR]
"""
import os
import re
import sys

SYSTEM = {"Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Darwin", "Testing", "XCTest", "Synchronization"}
PRODUCT_MODULES = {"ArgumentParser": "ArgumentParser", "Yams": "Yams"}

root = sys.argv[1] if len(sys.argv) > 1 else "."
manifest = open(os.path.join(root, "Package.swift"), encoding="utf-8").read()

targets = {}
for m in re.finditer(r'\.(?:target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"([^"]+)"(.*?)\)\s*,\s*\n', manifest, re.S):
    name, rest = m.group(1), m.group(2)
    deps = set(re.findall(r'"([A-Za-z0-9_]+)"', re.search(r'dependencies:\s*\[(.*?)\]', rest, re.S).group(1))) \
        if "dependencies:" in rest else set()
    deps |= {p for p in re.findall(r'\.product\(name:\s*"([^"]+)"', rest)}
    path = re.search(r'path:\s*"([^"]+)"', rest)
    folder = path.group(1) if path else os.path.join("Tests" if "testTarget" in m.group(0)[:20] else "Sources", name)
    targets[name] = (folder, deps)

problems = []
for name, (folder, deps) in sorted(targets.items()):
    allowed = SYSTEM | deps | {name}
    for dirpath, _, files in os.walk(os.path.join(root, folder)):
        for f in sorted(files):
            if not f.endswith(".swift"):
                continue
            path = os.path.join(dirpath, f)
            for number, line in enumerate(open(path, encoding="utf-8"), 1):
                m = re.match(r'\s*(?:@testable\s+|@_exported\s+)?import\s+(?:struct\s+|class\s+|enum\s+|func\s+)?([A-Za-z0-9_]+)', line)
                if m and m.group(1) not in allowed:
                    problems.append(f"{os.path.relpath(path, root)}:{number}: error: target '{name}' imports '{m.group(1)}' "
                                    f"but does not declare it in Package.swift")
for p in problems:
    print(p, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"imports: {len(targets)} targets declare every module they import")
