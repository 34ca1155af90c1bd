#!/usr/bin/env bash
# Installs what the pre-commit hook's test needs: Debian's pre-commit (with nodeenv) and git.
# Safe to run again: nothing is installed when both are there.
set -euo pipefail

bash "$(dirname "$0")/../apt-install.sh" pre-commit git
