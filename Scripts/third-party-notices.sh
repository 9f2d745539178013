#!/usr/bin/env bash
# Prints the licence notices of the code linked into BINARY (a chargeye that SwiftPM just
# linked): the packages whose modules are in its link list, the code vendored inside them, and
# the Swift runtime and Foundation when they are linked statically. Usage:
#   Scripts/third-party-notices.sh [--debian] .build/release/chargeye > THIRD-PARTY-NOTICES
# --debian: for a Debian copyright file, the Apache License 2.0 is named, not quoted (Debian
# has it in /usr/share/common-licenses); what a project adds to it (an exception) stays.
set -euo pipefail
debian=false
if [ "${1:-}" = --debian ]; then debian=true; shift; fi
binary=$1
root=$(cd "$(dirname "$0")/.." && pwd)
checkouts=$root/.build/checkouts
link_list=$(dirname "$binary")/chargeye.product/Objects.LinkFileList
[ -f "$link_list" ] || { echo "third-party-notices.sh: no link list at $link_list (build chargeye first)" >&2; exit 1; }

# The modules linked in, and the package of each that is not chargeye's own.
modules=$(sed 's|.*/\([^/]*\)\.build/.*|\1|' "$link_list" | sort -u)
packages=()
for module in $modules; do
  [ -d "$root/Sources/$module" ] && continue
  # Every package with a folder of that name (two may have one; naming both is the safe side).
  found=$(cd "$checkouts" && ls -d -- */Sources/"$module" 2>/dev/null | cut -d/ -f1 || true)
  # A target whose folder has another name is found by its declaration.
  [ -n "$found" ] || found=$(cd "$checkouts" && grep -l -- "name: \"$module\"" */Package.swift 2>/dev/null | cut -d/ -f1 || true)
  [ -n "$found" ] || { echo "third-party-notices.sh: cannot tell which package has module $module" >&2; exit 1; }
  packages+=($found)
done
mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u)

# A licence file as it stands, or in the Debian form.
licence() {
  if $debian && grep -q "Version 2.0, January 2004" "$1"; then
    echo "Apache License 2.0; on Debian systems its full text is in /usr/share/common-licenses/Apache-2.0."
    awk '/APPENDIX/ { appendix = 1 } after { print } appendix && /limitations under the License\./ { after = 1 }' "$1"
  else
    cat "$1"
  fi
}

rule() { printf '\n%s\n%s\n\n' "$1" "$(printf '=%.0s' $(seq 1 ${#1}))"; }

cat <<EOF
Third-party notices for chargeye
================================

The chargeye binary contains code from the projects below, linked in at build time. Their
licences and notices follow, as each project ships them. The libraries chargeye loads at run
time (the C library, the C++ runtime and ncurses) come from the operating system,
under their own licences.

Projects: ${packages[*]}
EOF

if grep -q 'NEEDED.*libswiftCore' <<<"$(readelf -d "$binary")"; then
  echo "(This build loads the Swift runtime from the toolchain; a release build contains it.)"
else
  rule "Swift runtime, Foundation and Dispatch (swift.org)"
  # The toolchain's own copy: its runtime resources are in usr/lib/swift, the licence in usr/share/swift.
  resources=$(swift -print-target-info | sed -n 's/.*"runtimeResourcePath": *"\([^"]*\)".*/\1/p')
  licence "$resources/../../share/swift/LICENSE.txt"
  rule "ICU (in Foundation; Unicode License)"
  echo "Foundation's internationalisation contains ICU, https://icu.unicode.org, under the Unicode"
  echo "License v3 (https://www.unicode.org/license.txt)."
fi

for package in "${packages[@]}"; do
  for file in "$checkouts/$package"/LICENSE* "$checkouts/$package"/NOTICE*; do
    [ -f "$file" ] || continue
    rule "$package: $(basename "$file")"
    licence "$file"
  done
done

# Code vendored inside those packages that carries its own licence.
if printf '%s\n' $modules | grep -qx CNIOLLHTTP; then
  rule "llhttp (in swift-nio's CNIOLLHTTP)"
  cat "$checkouts/swift-nio/Sources/CNIOLLHTTP/LICENSE"
fi
if printf '%s\n' $modules | grep -qx CTOML; then
  rule "toml++ (in TOMLKit's CTOML)"
  sed -n '/MIT License/,/SOFTWARE\./p' "$checkouts/TOMLKit/Sources/CTOML/Sources/toml.hpp" | head -25 | sed 's|^//[[:space:]]\{0,1\}||'
fi
if printf '%s\n' $modules | grep -qx CCryptoBoringSSL; then
  rule "BoringSSL (in swift-crypto's CCryptoBoringSSL)"
  echo "BoringSSL, https://boringssl.googlesource.com/boringssl, is under the Apache License 2.0"
  echo "(above), with older parts under the licences in their source files, which follow."
  echo "Its third_party/fiat code (fiat-crypto) is used under the Apache License 2.0, one of the"
  echo "three licences fiat-crypto offers."
  echo
  python3 "$(dirname "$0")/source-notices.py" "$checkouts/swift-crypto/Sources/CCryptoBoringSSL"
fi
if ! grep -q 'NEEDED.*libz\.so' <<<"$(readelf -d "$binary")" && printf '%s\n' $modules | grep -qx CNIOExtrasZlib; then
  rule "zlib (linked in for swift-nio-extras' CNIOExtrasZlib)"
  sed -n '/Copyright (C)/,/madler@alumni.caltech.edu/p' /usr/include/zlib.h | sed 's/^  //'
fi
if printf '%s\n' $modules | grep -qx CNIOBoringSSL; then
  rule "BoringSSL (in swift-nio-ssl's CNIOBoringSSL: chargeye's TLS)"
  echo "A second copy of BoringSSL, https://boringssl.googlesource.com/boringssl, under the Apache"
  echo "License 2.0 (above), with older parts under the licences in their source files, which follow."
  echo
  python3 "$(dirname "$0")/source-notices.py" "$checkouts/swift-nio-ssl/Sources/CNIOBoringSSL"
fi
