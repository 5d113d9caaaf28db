#!/usr/bin/env bash
# Installs Debian/Ubuntu packages with apt-get, with sudo unless root: the one place setup.sh and
# setup-tests.sh install from (each first says what to do on a system without apt-get).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
