#!/usr/bin/env bash
# setup.sh - installs the Debian 12 packages loopscope needs to build, test and run.
#
# Idempotent: when every package is already installed it does nothing (no apt at all),
# so the other scripts can call it on every run. Runs apt as root, or through sudo.
# Not for: building or testing (see tools/test.sh), or any non-Debian system.
set -euo pipefail

PACKAGES=(
    build-essential cmake pkg-config python3   # compiler, build system, test runners
    libsdl2-dev libsdl2-ttf-dev                # the window (app/)
    libpng-dev                                 # PNG frames and screenshots (SDL2 writes only BMP)
    libcriterion-dev                           # unit tests
    clang-format                               # formatting check in .ci/run
    fonts-noto-cjk                             # Chinese text in the window
    fonts-dejavu-core                          # the source code's monospace font
)

# Prints the packages of PACKAGES that are not installed yet, one per line.
missing_packages() {
    local pkg status
    for pkg in "${PACKAGES[@]}"; do
        status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
        if [ "$status" != "installed" ]; then
            echo "$pkg"
        fi
    done
}

# Runs its arguments as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "setup.sh: need root (or sudo) to install: $*" >&2
        exit 1
    fi
}

main() {
    local missing
    mapfile -t missing < <(missing_packages)
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0 # quiet: the other scripts call this on every run
    fi
    echo "setup.sh: installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}"
}

main "$@"
