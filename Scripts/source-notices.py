#!/usr/bin/env python3
"""Prints the licence notices in the header comments of vendored C sources (BoringSSL in
swift-crypto carries several: OpenSSL, SSLeay, ISC, MIT for fiat), which a binary
distribution must reproduce. Each distinct licence text is printed once, after all the
copyright lines found. Usage: Scripts/source-notices.py DIRECTORY
"""
import pathlib
import re
import sys

SUFFIXES = {".c", ".cc", ".h", ".S", ".inc"}
# Apache 2.0 headers: that text is the package's LICENSE, printed already.
APACHE = "Apache License"
# "Copyright (c) 1998-2011 The OpenSSL Project." but not "Copyright remains Eric Young's".
COPYRIGHT = re.compile(r"^Copyright (\(c\) |\(C\) |© )?(\d{4}|[A-Z][a-z]+\.com)")


def header(text):
    """The leading comment block, without comment markers."""
    lines = []
    block = text.lstrip().startswith("/*")
    for line in text.splitlines():
        stripped = line.strip()
        if block:
            lines.append(re.sub(r"^(/\*+|\*+/?|\*)\s?", "", stripped).removesuffix("*/").rstrip())
            if "*/" in stripped:
                break
        elif stripped.startswith("//"):
            lines.append(stripped[2:].strip())
        else:
            break
    return lines


def main(directory):
    copyrights, bodies = [], []
    for path in sorted(pathlib.Path(directory).rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file():
            continue
        lines = header(path.read_text(errors="replace"))
        if not any(COPYRIGHT.match(line) for line in lines):
            continue
        body = "\n".join(line for line in lines if not COPYRIGHT.match(line)).strip()
        body = re.sub(r"\n{3,}", "\n\n", body)
        for line in lines:
            if COPYRIGHT.match(line) and line not in copyrights:
                copyrights.append(line)
        if body and APACHE not in body and body not in bodies:
            bodies.append(body)
    print("Copyright notices in its sources:\n")
    print("\n".join(sorted(copyrights)))
    for body in bodies:
        print("\n" + "-" * 72 + "\n")
        print(body)


if __name__ == "__main__":
    main(sys.argv[1])
