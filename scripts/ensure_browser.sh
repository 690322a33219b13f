#!/usr/bin/env bash
# Installs what the browser accessibility suite (a11y_tests/) needs, when missing and when we may:
# Debian's chromium and chromium-driver, npm, and the axe-core version pinned in package-lock.json.
# Without the right to install (not root, no passwordless sudo) it stops and says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure_debian_packages.sh "The accessibility suite" \
  chromium=chromium chromedriver=chromium-driver npm=npm msgfmt=gettext

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
