#!/usr/bin/env bash
# open.sh - installs what is missing, builds, and opens the simulator.
#
#   tools/open.sh               the first scenario of the library (scenarios/*.py)
#   tools/open.sh FILE.py       that file; any loopscope flags work too (see --help)
#
set -euo pipefail
cd "$(dirname "$0")/.."

tools/setup.sh
cmake -S . -B build >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
exec build/loopscope "$@"
