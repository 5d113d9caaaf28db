#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages named as arguments, the one place setup.sh and setup-tests.sh
# install from (each first checks what is there, and calls this only for what is missing). As
# root it runs apt-get, waiting for another apt's lock rather than failing; as another user it
# prints the one line to run with sudo, and exits 1 before changing anything.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "milepost: missing $*; install them as root, then run this again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $*" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >/dev/null
