#!/usr/bin/env bash
# Installs what the browser accessibility suite (a11y_tests/) needs, when missing and when we may:
# Debian's chromium and chromium-driver, npm, a Java runtime (11 or later; Debian 12's default is
# 17) for the Nu Html Checker, and the axe-core and vnu-jar versions pinned in package-lock.json.
# Without the right to install (not root, no passwordless sudo) it stops and says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure_debian_packages.sh "The accessibility suite" \
  chromium=chromium chromedriver=chromium-driver npm=npm msgfmt=gettext java=default-jre-headless

# chromedriver only drives the Chromium of the same major version (Debian ships them together).
browser_major=$(chromium --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)
driver_major=$(chromedriver --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)
if [ -n "$browser_major" ] && [ -n "$driver_major" ] && [ "$browser_major" != "$driver_major" ]; then
  echo "chromium $browser_major and chromedriver $driver_major differ: install matching versions with" >&2
  echo "  sudo apt-get install -y chromium chromium-driver" >&2
  exit 1
fi

# The Nu Html Checker (vnu.jar) needs Java 11 or later.
java_major=$(java -version 2>&1 | grep -oE 'version "[0-9]+' | grep -oE '[0-9]+' | head -1 || true)
if [ -z "$java_major" ] || [ "$java_major" -lt 11 ]; then
  echo "The Nu Html Checker needs Java 11 or later (found: ${java_major:-none}): install it with" >&2
  echo "  sudo apt-get install -y openjdk-17-jre-headless" >&2
  exit 1
fi

# axe-core and vnu-jar: install (or re-install) exactly the versions package-lock.json pins.
# --ignore-scripts: vnu-jar's install script would download a Java of its own; we use Debian's.
if [ -f package-lock.json ]; then
  stale=""
  for package in axe-core vnu-jar; do
    wanted=$(node -p "require('./package-lock.json').packages['node_modules/$package'].version")
    have=$(node -p "try { require('./node_modules/$package/package.json').version } catch (e) { '' }")
    [ "$wanted" = "$have" ] || stale="$stale $package@$wanted"
  done
  if [ -n "$stale" ] || [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
    echo "Installing${stale:- axe-core and vnu-jar} (npm ci)..."
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
fi
