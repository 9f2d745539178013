#!/usr/bin/env bash
# Checks chargeye's release as an operator meets it, with real tools: lintian on the package,
# the libraries the binary needs against an allow-list, dpkg -i, the man page, --version and
# --demo from the installed path (no Swift on PATH, no .build in sight), the completions in
# bash (and zsh and fish when installed). Removes the package afterwards. Run as root.
# Usage: Scripts/check-release.sh PACKAGE.deb FILES FAST(true|false)
set -euo pipefail
deb=$1 files=$2 fast=$3
version=$(dpkg-deb --field "$deb" Version)
failures=0
pass() { echo "  ok: $*"; }
flunk() { echo "  FAILED: $*" >&2; failures=$((failures + 1)); }
step() { echo "== $*"; }

step "lintian"
lintian_options=(--fail-on error --tag-display-limit 0)
# The debug build finds the Swift runtime in the toolchain through its RUNPATH; a release
# build has the runtime inside and no RUNPATH.
"$fast" && lintian_options+=(--suppress-tags custom-library-search-path)
if lintian "${lintian_options[@]}" "$deb"; then pass "no lintian errors"; else flunk "lintian reports errors"; fi

step "linked libraries"
# What a minimal Debian or Ubuntu host has: glibc, the C++ runtime the Swift runtime uses,
# ncursesw and tinfo. No libcurl and no system TLS library: TLS is BoringSSL inside the
# binary (swift-nio-ssl), and the release links zlib in (release.sh).
allowed='^(libc|libm|libdl|libpthread|librt|libutil|ld-linux-[a-z0-9-]+|libstdc\+\+|libgcc_s|libncursesw|libtinfo)\.so'
# The debug build also loads the toolchain's Swift runtime.
"$fast" && allowed="$allowed|^(libz|libswift[A-Za-z_]*|libFoundation|libFoundationEssentials|libFoundationInternationalization|lib_FoundationICU|libdispatch|libBlocksRuntime)\\.so"
needed=$(readelf -d "$files/chargeye" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
echo "$needed" | sed 's/^/    needs /'
unexpected=$(echo "$needed" | grep -Ev "$allowed" || true)
if [ -z "$unexpected" ]; then pass "every library it needs is on the allow-list"; else flunk "not on the allow-list: $unexpected"; fi
resolved=$(ldd "$files/chargeye")
if echo "$resolved" | grep -q "not found"; then flunk "ldd: $(echo "$resolved" | grep 'not found')"; else pass "ldd resolves all $(echo "$resolved" | wc -l) libraries"; fi
if ! "$fast"; then
  # Every library it loads, directly or not, comes from a Debian package.
  orphans=$(echo "$resolved" | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p' | while read -r library; do
    dpkg -S "$library" >/dev/null 2>&1 || dpkg -S "$(readlink -f "$library")" >/dev/null 2>&1 || echo "$library"
  done)
  if [ -z "$orphans" ]; then pass "each comes from a Debian package"; else flunk "from no package: $orphans"; fi
  if grep -q 'libswift\|libFoundation\|libdispatch' <<<"$resolved"; then
    flunk "it loads a Swift runtime library: $(grep 'libswift\|libFoundation\|libdispatch' <<<"$resolved" | head -3)"
  else
    pass "no Swift runtime library loaded: it runs where no toolchain is"
  fi
fi
if "$fast"; then
  echo "  (the debug build keeps its build paths: not checked)"
elif grep -qF -- "$(cd "$(dirname "$0")/.." && pwd)" "$files/chargeye"; then
  flunk "the binary contains the build path"
else
  pass "no build path inside"
fi

step "dpkg -i"
if dpkg-query -W -f '${Status}' chargeye 2>/dev/null | grep -q "ok installed"; then
  echo "check-release.sh: chargeye is already installed here; remove it first (dpkg -r chargeye)" >&2
  exit 1
fi
home=$(mktemp -d)
trap 'dpkg -r chargeye >/dev/null 2>&1 || true; rm -rf "$home"' EXIT
if ! dpkg -i "$deb"; then
  flunk "dpkg -i $deb"
  exit 1
fi
pass "installed $version"
# As on a host without Swift: a bare PATH, a home of its own, far from the build tree.
run() { (cd "$home" && env -i PATH=/usr/bin:/bin HOME="$home" TERM=dumb LC_ALL=C.UTF-8 "$@"); }

step "man chargeye"
page=$(run env MANWIDTH=80 man chargeye 2>"$home/man-errors") || true
if [ -s "$home/man-errors" ]; then flunk "man: $(cat "$home/man-errors")"; fi
if grep -q "Keys in the browser" <<<"$page" && grep -q "Exit codes" <<<"$page"; then
  pass "renders, with the key table and the exit codes ($(wc -l <<<"$page") lines)"
else
  flunk "the man page lacks the key table or the exit codes"
fi
# Every subcommand that --help lists has its own entry in the page.
subcommands=$(run chargeye --help | sed -n '/^SUBCOMMANDS:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p' || true)
absent=$(for name in $subcommands; do grep -qE "^ {5}$name( |$)" <<<"$page" || echo "$name"; done)
if [ -n "$subcommands" ] && [ -z "$absent" ]; then
  pass "every subcommand has an entry: $(echo $subcommands)"
else
  flunk "subcommands missing from the page: ${absent:-(none listed by --help)}"
fi
warnings=$(run env MANWIDTH=80 man --warnings chargeye 2>&1 >/dev/null || true)
if [ -z "$warnings" ]; then pass "groff reports nothing"; else flunk "groff: $warnings"; fi

step "chargeye --version, --demo"
reported=$(run chargeye --version || true)
echo "    $reported"
expected_version=${version%%~*}
if [[ $reported =~ ^"$expected_version"\ \(commit\ [0-9a-f]{12}(-dirty)?,\ built\ [0-9]{4}-[0-9]{2}-[0-9]{2}\)$ ]]; then
  pass "version, commit and build date"
else
  flunk "--version says: $reported"
fi
echo "    (run with PATH=/usr/bin:/bin, HOME and the working directory a fresh empty directory)"
if listing=$(run chargeye locations --demo) && grep -q "Helsinki" <<<"$listing"; then
  pass "chargeye locations --demo lists $(($(wc -l <<<"$listing") - 1)) locations"
else
  flunk "chargeye locations --demo"
fi
if run chargeye status --demo >/dev/null; then pass "chargeye status --demo"; else flunk "chargeye status --demo exits $?"; fi

step "completions"
# A shell that is not installed is skipped, unless CHARGEYE_REQUIRE_TOOLS says it must be there.
missing_shell() {
  if [ -n "${CHARGEYE_REQUIRE_TOOLS:-}" ]; then flunk "$1 is not installed"; else echo "  ($1 is not installed: skipped)"; fi
}
bash_reply() {
  run bash --norc --noprofile -c '
    source /usr/share/bash-completion/completions/chargeye
    COMP_LINE=$1; COMP_POINT=${#1}; read -r -a COMP_WORDS <<<"$1"; [[ $1 == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _chargeye chargeye "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' bash "$1"
}
subcommand_replies=$(bash_reply "chargeye loc" || true)
option_replies=$(bash_reply "chargeye locations --for" || true)
if grep -qx "locations" <<<"$subcommand_replies"; then pass "bash completes a subcommand (loc -> locations)"; else flunk "bash: no subcommand for 'chargeye loc'"; fi
if grep -qx -- "--format" <<<"$option_replies"; then pass "bash completes an option (--for -> --format)"; else flunk "bash: no option for 'chargeye locations --for'"; fi
if command -v fish >/dev/null; then
  # (The fresh home keeps user configuration out; --no-config would also turn off autoloading.)
  replies=$(run fish -c 'complete -C "chargeye loc"; complete -C "chargeye locations --for"' 2>&1 || true)
  if grep -q "^locations" <<<"$replies" && grep -q "^--format" <<<"$replies"; then pass "fish completes a subcommand and an option"; else flunk "fish: $replies"; fi
else
  missing_shell fish
fi
if command -v zsh >/dev/null; then
  # Loaded and bound to chargeye by compinit (completing in zsh needs an interactive shell).
  loaded=$(run zsh -f -c 'autoload -U compinit && compinit -u -d "$HOME/.zcompdump" && (( ${+_comps[chargeye]} )) && echo loaded' 2>&1 || true)
  if [ "$loaded" = loaded ]; then pass "zsh finds and loads _chargeye"; else flunk "zsh: $loaded"; fi
else
  missing_shell zsh
fi

if [ "$failures" -gt 0 ]; then
  echo "check-release.sh: $failures check(s) failed" >&2
  exit 1
fi
echo "== all checks passed"
