#!/usr/bin/env python3
"""Writes the corpuslint wheel: the pure-Python package in python/corpuslint with
one platform's corpuslint binary bundled at corpuslint/bin/ (as ruff's wheels
bundle theirs), tagged py3-none-<platform>.

A wheel is a zip archive with a .dist-info folder (METADATA, WHEEL,
entry_points.txt, RECORD: PEP 427 and PEP 376), so the standard library writes
it, with no network and no build backend: Debian's python3 is enough.
scripts/build-wheel.sh builds the binary and calls this.

Usage: build_wheel.py --binary PATH --plat TAG [--out DIR]
"""
import argparse
import base64
import hashlib
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PKG = os.path.join(HERE, "corpuslint")
NAME = "corpuslint"


def version():
    with open(os.path.join(PKG, "__init__.py"), encoding="utf-8") as f:
        m = re.search(r'^__version__ = "([^"]+)"', f.read(), re.M)
    if not m:
        sys.exit("build_wheel.py: no __version__ in corpuslint/__init__.py")
    return m.group(1)


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def readme():
    with open(os.path.join(HERE, "README.md"), encoding="utf-8") as f:
        return f.read()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", required=True, help="the corpuslint binary to bundle")
    ap.add_argument("--plat", required=True, help="wheel platform tag, e.g. manylinux_2_17_x86_64.manylinux2014_x86_64")
    ap.add_argument("--out", default="dist", help="folder for the wheel (default dist)")
    a = ap.parse_args()

    ver = version()
    tag = "py3-none-" + a.plat
    dist_info = "%s-%s.dist-info" % (NAME, ver)
    exe = "corpuslint.exe" if a.binary.endswith(".exe") else "corpuslint"
    files = []  # (archive name, bytes, unix mode)
    for name in sorted(os.listdir(PKG)):
        if name.endswith(".py"):
            with open(os.path.join(PKG, name), "rb") as f:
                files.append(("corpuslint/" + name, f.read(), 0o644))
    with open(a.binary, "rb") as f:
        files.append(("corpuslint/bin/" + exe, f.read(), 0o755))
    metadata = "\n".join([
        "Metadata-Version: 2.1",
        "Name: " + NAME,
        "Version: " + ver,
        "Summary: Lint and clean scraped text corpora: boilerplate, broken quotes, stray dashes and more (the corpuslint binary, with a Python API)",
        "Requires-Python: >=3.8",
        "Description-Content-Type: text/markdown",
        "",
        readme(),
    ])
    wheel = "\n".join([
        "Wheel-Version: 1.0",
        "Generator: corpuslint build_wheel.py",
        "Root-Is-Purelib: false",
    ] + ["Tag: py3-none-" + p for p in a.plat.split(".")] + [""])
    entry_points = "[console_scripts]\ncorpuslint = corpuslint:main\n"
    files += [
        (dist_info + "/METADATA", metadata.encode(), 0o644),
        (dist_info + "/WHEEL", wheel.encode(), 0o644),
        (dist_info + "/entry_points.txt", entry_points.encode(), 0o644),
    ]
    record = "".join("%s,%s,%d\n" % (n, record_hash(d), len(d)) for n, d, _ in files)
    record += dist_info + "/RECORD,,\n"
    files.append((dist_info + "/RECORD", record.encode(), 0o644))

    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, "%s-%s-%s.whl" % (NAME, ver, tag))
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d, mode in files:
            zi = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))  # reproducible
            zi.external_attr = (0o100000 | mode) << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, d)
    os.replace(tmp, path)
    print(path)


if __name__ == "__main__":
    main()
