#!/bin/sh
# bench/trace/run.sh [SCENARIO.py]: builds bench/trace/bench.c against the engine library
# (cmake --build build first) and runs it from the repository root.
set -e
cd "$(dirname "$0")/../.."
cc -std=c11 -D_XOPEN_SOURCE=700 -O2 -Iengine/include bench/trace/bench.c \
    build/libloopscope_engine.a -lm -lpthread -o build/bench_trace
exec build/bench_trace "$@"
