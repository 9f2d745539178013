#!/usr/bin/env bash
# Makes chargeye's Debian package from the release files that Scripts/release.sh staged.
# Usage: Scripts/debian-package.sh FILES VERSION DEBARCH OUTPUT.deb FAST(true|false) BINARY
# (BINARY: the unstripped binary as SwiftPM linked it, for the licence notices.)
# Installs /usr/bin/chargeye, the man page, the bash, zsh and fish completions where those
# shells look, and the docs; Depends is computed by dpkg-shlibdeps from the binary.
set -euo pipefail
files=$1 version=$2 debarch=$3 deb=$4 fast=$5 binary=$6
maintainer=${CHARGEYE_MAINTAINER:-chargeye developers <chargeye@example.com>}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
package=$work/package
doc=$package/usr/share/doc/chargeye
install -d -m 0755 "$package/DEBIAN" "$package/usr/bin" "$package/usr/share/man/man1" "$doc" \
  "$package/usr/share/bash-completion/completions" "$package/usr/share/zsh/vendor-completions" \
  "$package/usr/share/fish/vendor_completions.d" "$package/usr/share/lintian/overrides"
install -m 0755 "$files/chargeye" "$package/usr/bin/chargeye"
# swift-nio-extras (in through async-http-client) carries its own copy of zlib, every symbol
# prefixed (cnioextras_z_), compiled into the program like the rest of a static Swift binary;
# the system's zlib cannot stand in for it.
cat > "$package/usr/share/lintian/overrides/chargeye" <<'OVERRIDES'
# swift-nio-extras' vendored, symbol-prefixed zlib, part of the statically linked program.
chargeye: embedded-library zlib [usr/bin/chargeye]
OVERRIDES
chmod 0644 "$package/usr/share/lintian/overrides/chargeye"
gzip -9n < "$files/chargeye.1" > "$package/usr/share/man/man1/chargeye.1.gz"
# bash-completion sources the file: no #! line.
sed '1{/^#!/d}' "$files/completions/chargeye.bash" > "$package/usr/share/bash-completion/completions/chargeye"
install -m 0644 "$files/completions/_chargeye" "$package/usr/share/zsh/vendor-completions/_chargeye"
install -m 0644 "$files/completions/chargeye.fish" "$package/usr/share/fish/vendor_completions.d/chargeye.fish"
gzip -9n < "$files/README.md" > "$doc/README.md.gz"
gzip -9n < "$files/CHANGELOG.md" > "$doc/CHANGELOG.md.gz"
chmod 0644 "$package"/usr/share/man/man1/* "$package"/usr/share/*/*/*chargeye* "$doc"/*

# Debian's changelog: one entry per release in CHANGELOG.md, pointing at it for the details.
date_of() { date -u -R -d "$1"; }
sed -n 's/^## \[\([0-9][^]]*\)\] - \([0-9-]*\).*/\1 \2/p' "$files/CHANGELOG.md" | while read -r release day; do
  [ "$release" = "${version%%~*}" ] && release=$version
  printf 'chargeye (%s) unstable; urgency=medium\n\n  * Release %s: see CHANGELOG.md.gz.\n\n -- %s  %s\n\n' \
    "$release" "$release" "$maintainer" "$(date_of "$day")"
done | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"

# Copyright: chargeye's own, then the notices of the code linked into the binary.
{
  echo "chargeye: a terminal client for the Kempower ChargEye API."
  echo
  echo "Copyright: the chargeye developers. All rights reserved: the project has not chosen a"
  echo "licence yet; ask the maintainer before redistributing."
  echo
  echo "The binary contains code of the projects below under their own licences:"
  echo
  "$(dirname "$0")/third-party-notices.sh" --debian "$binary"
} > "$doc/copyright"
chmod 0644 "$doc/copyright"

# Depends, from the libraries the binary needs (and the packages that have them).
mkdir -p "$work/debian"
printf 'Source: chargeye\n\nPackage: chargeye\nArchitecture: any\n' > "$work/debian/control"
shlibdeps_options=()
# The debug build's Swift runtime comes from the toolchain, which no package has.
"$fast" && shlibdeps_options+=(--ignore-missing-info)
depends=$(cd "$work" && dpkg-shlibdeps -O "${shlibdeps_options[@]}" -epackage/usr/bin/chargeye |
  sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "debian-package.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

cat > "$package/DEBIAN/control" <<EOF
Package: chargeye
Version: $version
Architecture: $debarch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$package" | cut -f1)
Depends: $depends
Section: net
Priority: optional
Description: terminal client for the Kempower ChargEye EV-charging API
 chargeye browses the locations, charging stations, connectors and
 transactions of a ChargEye account in the terminal (ncurses; works in 80x24,
 over SSH, with or without colour) and scripts well: JSON and CSV output,
 meaningful exit codes.
 .
 It answers "what is broken across the fleet" with a status summary, a
 Monitoring Plugins check for Nagios and Icinga, and Prometheus metrics (a
 textfile or an exporter). --demo runs everything against a built-in
 simulator, without network or account.
EOF
(cd "$package" && find usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
chmod 0644 "$package/DEBIAN/control" "$package/DEBIAN/md5sums"
# xz as Debian ships packages; the debug build's package (CI's) is only checked, so made quickly.
compression=(-Zxz)
"$fast" && compression=(-Zgzip -z1)
dpkg-deb --root-owner-group "${compression[@]}" --build "$package" "$deb" >/dev/null
