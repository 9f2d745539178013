#!/usr/bin/env bash
# Fuzzes chargeye's response decoding with libFuzzer (coverage-guided, AddressSanitizer on).
#   Tests/Fuzz/fuzz.sh            a short run (60 s), as CI does
#   Tests/Fuzz/fuzz.sh 3600       an hour
# New inputs that reach new code are kept in .build-fuzz/corpus; crashes land in
# .build-fuzz/crash-* with the input that caused them (replay: .build-fuzz/.../chargeye-fuzz FILE).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
swiftc_dir="$(dirname "$(readlink -f "$(command -v swiftc)")")"
runtime="$(ls "$swiftc_dir"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -n 1)"
export CHARGEYE_FUZZ_RUNTIME="$runtime"
swift build --product chargeye-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
mkdir -p .build-fuzz/corpus
cp -n Tests/Fuzz/Corpus/* .build-fuzz/corpus/ 2>/dev/null || true
ASAN_OPTIONS=detect_leaks=0 .build-fuzz/debug/chargeye-fuzz .build-fuzz/corpus \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -artifact_prefix=.build-fuzz/ -print_final_stats=1
