#!/usr/bin/env bash
# Installs Debian packages for commands that are missing, when we may (root or passwordless sudo).
# Usage: ensure_debian_packages.sh PURPOSE COMMAND=PACKAGE [COMMAND=PACKAGE ...]
# Without the right to install it stops and says what an administrator should run.
set -euo pipefail
purpose=$1
shift

need_apt=()
for pair in "$@"; do
  command -v "${pair%%=*}" >/dev/null 2>&1 || need_apt+=("${pair#*=}")
done
[ ${#need_apt[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo"
else
  echo "$purpose needs these Debian packages, which are not installed: ${need_apt[*]}" >&2
  echo "This user may not install them (not root, no passwordless sudo). Ask an administrator to run:" >&2
  echo "  sudo apt-get install -y ${need_apt[*]}" >&2
  echo "then run the command again." >&2
  exit 1
fi
echo "Installing ${need_apt[*]} (Debian packages)..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
