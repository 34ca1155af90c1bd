#!/usr/bin/env bash
# Installs what the pre-commit hook's test needs: Debian's pre-commit (with nodeenv) and git.
# Safe to run again: nothing is installed when both are there.
set -euo pipefail

missing=()
for pkg in pre-commit git; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
fi
