#!/usr/bin/env bash
# Builds chargeye's release from this checkout, for hosts without a Swift toolchain:
#
#   chargeye-VERSION-linux-ARCH.tar.gz   the binary, chargeye.1, completions, README, CHANGELOG,
#                                        THIRD-PARTY-NOTICES (licences of the linked-in code)
#   chargeye_VERSION_DEBARCH.deb         the same, installed where Debian looks for each part
#   SHA256SUMS                           of both
#
# Usage: Scripts/release.sh [--fast] [--check] [--output DIR]
#   --fast     package the debug build instead (Swift runtime linked from the toolchain, so it
#              runs only where the toolchain is): minutes instead of a release build; for CI
#   --check    then check the results as an operator would meet them: lintian, dpkg -i, man,
#              --version, --demo from the installed path, completions, linked libraries
#              (needs root for dpkg -i; the package is removed afterwards)
#   --output   where the files go (default .build/dist)
#
# The version is Resources/VERSION; a work tree with changes is built, but marked dirty
# (VERSION~dirty, commit …-dirty; "~" sorts it before the clean release, as dpkg compares).
# --fast marks its files VERSION~debug and puts them in .build/dist-debug, so they are never
# taken for the release.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

fast=false check=false output=
while [ $# -gt 0 ]; do
  case $1 in
    --fast) fast=true ;;
    --check) check=true ;;
    --output) output=${2:?--output needs a directory}; shift ;;
    -h|--help) sed -n '2,20s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "release.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

fail() { echo "release.sh: $*" >&2; exit 1; }
step() { echo "== $*"; }

# Tools, each named with the package that has it.
need=(git:git dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev readelf:binutils strip:binutils
  gzip:gzip tar:tar sha256sum:coreutils)
$check && need+=(lintian:lintian man:man-db ldd:libc-bin)
missing=()
for entry in "${need[@]}"; do
  command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "release.sh: missing tools; install them with:" >&2
  echo "  apt-get install -y $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')" >&2
fi
command -v swift >/dev/null 2>&1 || echo "release.sh: no swift on PATH: install a Swift 6 toolchain (https://swift.org/install)" >&2
if [ ${#missing[@]} -gt 0 ] || ! command -v swift >/dev/null 2>&1; then exit 2; fi
if $check && [ "$(id -u)" != 0 ]; then fail "--check installs the package with dpkg -i: run it as root"; fi

version=$(tr -d ' \n' < Resources/VERSION)
# The same pattern as the package's changelog (Scripts/debian-package.sh): "## [1.2.3] - 2026-12-02".
changelog_version=$(sed -n 's/^## \[\([0-9][^]]*\)\] - [0-9-]*$/\1/p' CHANGELOG.md | head -1)
[ "$version" = "$changelog_version" ] ||
  fail "Resources/VERSION says $version but the CHANGELOG's latest release is ${changelog_version:-missing}"
if [ -n "$(git status --porcelain)" ]; then
  echo "release.sh: the work tree has changes (git status): this build is marked dirty" >&2
  git status --short >&2
  version="$version~dirty"
elif ! $fast; then
  # The commit's time, so the same commit builds the same files.
  export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
fi
if $fast; then version="$version~debug"; fi
[ -n "$output" ] || output=$($fast && echo .build/dist-debug || echo .build/dist)
arch=$(uname -m)
debarch=$(dpkg --print-architecture)

# Build paths are mapped away so none ends up in the binary.
step "building chargeye $version ($($fast && echo debug || echo release, static Swift runtime))"
if $fast; then
  swift build --product chargeye
  binary=$(swift build --show-bin-path)/chargeye
else
  flags=(-c release --static-swift-stdlib --product chargeye -Xswiftc -file-prefix-map -Xswiftc "$root/="
    -Xcc "-ffile-prefix-map=$root/=" -Xcxx "-ffile-prefix-map=$root/=")
  # zlib goes inside too: async-http-client's compression module links it (chargeye never
  # inflates anything), and a directory holding only libz.a, searched first, makes `-lz` take
  # the archive. The binary then needs only libc, libm, libstdc++, libgcc_s, ncursesw and tinfo.
  zlib_archive=$(gcc -print-file-name=libz.a)
  [ -f "$zlib_archive" ] || { echo "release.sh: no libz.a: apt-get install -y zlib1g-dev" >&2; exit 2; }
  mkdir -p "$root/.build/static-zlib" && ln -sf "$zlib_archive" "$root/.build/static-zlib/libz.a"
  flags+=(-Xlinker -L"$root/.build/static-zlib")
  swift build "${flags[@]}"
  binary=$(swift build "${flags[@]}" --show-bin-path)/chargeye
fi
swift build --product generate-manual
manual_tool=$(swift build --show-bin-path)/generate-manual

mkdir -p "$output"
output=$(cd "$output" && pwd)
# Only what an earlier run made here goes; anything else in the directory stays.
rm -f "$output"/chargeye-*-linux-*.tar.gz "$output"/chargeye_*.deb "$output/SHA256SUMS"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
name=chargeye-$version-linux-$arch
files=$stage/$name
mkdir -p "$files/completions"

step "binary, man page, completions"
install -m 0755 "$binary" "$files/chargeye"
# As dh_strip does.
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$files/chargeye"
# The manual from the command definitions (swift-argument-parser's generator); the blank lines
# of the help's paragraphs become paragraph breaks, which mdoc wants.
manual_date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%d)
mkdir -p "$stage/manual"
"$manual_tool" "$files/chargeye" --date "$manual_date" --authors "chargeye developers" -o "$stage/manual" >/dev/null
sed 's/^$/.Pp/' "$stage/manual/chargeye.1" > "$files/chargeye.1"
"$files/chargeye" --generate-completion-script bash > "$files/completions/chargeye.bash"
"$files/chargeye" --generate-completion-script zsh > "$files/completions/_chargeye"
"$files/chargeye" --generate-completion-script fish > "$files/completions/chargeye.fish"
cp README.md CHANGELOG.md "$files/"
Scripts/third-party-notices.sh "$binary" > "$files/THIRD-PARTY-NOTICES"

step "$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-$(date +%s)}" \
  -C "$stage" -cf - "$name" | gzip -9n > "$output/$name.tar.gz"

step "chargeye_${version}_$debarch.deb"
Scripts/debian-package.sh "$files" "$version" "$debarch" "$output/chargeye_${version}_$debarch.deb" "$fast" "$binary"

(cd "$output" && sha256sum -- *.tar.gz *.deb > SHA256SUMS)
step "done: $output"
ls -l "$output"

if $check; then
  Scripts/check-release.sh "$output/chargeye_${version}_$debarch.deb" "$files" "$fast"
fi
