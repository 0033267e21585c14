#!/usr/bin/env bash
# test.sh - installs what is missing, builds, and runs every test (unit + conformance).
#
#   tools/test.sh                         Release build in build/
#   LS_BUILD_DIR=build-asan tools/test.sh -DLS_SANITIZE=ON    (what .ci/run adds)
#
# Extra arguments go to the cmake configure step. Exit status: ctest's.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${LS_BUILD_DIR:-build}"

tools/setup.sh
cmake -S . -B "$build_dir" "$@"
cmake --build "$build_dir" -j"$(nproc)"

status=0
ctest --test-dir "$build_dir" --output-on-failure || status=$?

# ctest shows a test's output only when it fails: echo the runners' summaries. The conformance
# runner's line (both corpora) is the plain "N passed, N failed", printed last.
log="$build_dir/Testing/Temporary/LastTest.log"
traces=$(grep -E '^traces: [0-9]+ passed, [0-9]+ failed' "$log" 2>/dev/null | tail -n 1 || true)
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" 2>/dev/null | tail -n 1 || true)
echo "${traces:-traces: no summary line from tests/trace/run.py}"
echo "conformance: ${summary:-no 'N passed, N failed' line from tests/conformance/run.py}"
exit "$status"
