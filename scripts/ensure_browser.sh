#!/usr/bin/env bash
# Installs what the browser accessibility suite (a11y_tests/) needs, when missing and when we may:
# Debian's chromium and chromium-driver, npm, and the axe-core version pinned in package-lock.json.
# Without the right to install (not root, no passwordless sudo) it stops and says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
command -v msgfmt >/dev/null 2>&1 || need_apt+=(gettext)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    echo "The accessibility suite needs these Debian packages, which are not installed: ${need_apt[*]}" >&2
    echo "This user may not install them (not root, no passwordless sudo). Ask an administrator to run:" >&2
    echo "  sudo apt-get install -y ${need_apt[*]}" >&2
    echo "then run the command again." >&2
    exit 1
  fi
  echo "Installing ${need_apt[*]} (Debian packages)..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# chromedriver only drives the Chromium of the same major version (Debian ships them together).
browser_major=$(chromium --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)
driver_major=$(chromedriver --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)
if [ -n "$browser_major" ] && [ -n "$driver_major" ] && [ "$browser_major" != "$driver_major" ]; then
  echo "chromium $browser_major and chromedriver $driver_major differ: install matching versions with" >&2
  echo "  sudo apt-get install -y chromium chromium-driver" >&2
  exit 1
fi

# axe-core: install (or re-install) exactly the version package-lock.json pins.
if [ -f package-lock.json ]; then
  wanted=$(node -p "require('./package-lock.json').packages['node_modules/axe-core'].version")
  have=$(node -p "try { require('./node_modules/axe-core/package.json').version } catch (e) { '' }")
  if [ "$wanted" != "$have" ] || [ ! -f node_modules/axe-core/axe.min.js ]; then
    echo "Installing axe-core $wanted (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
