#!/usr/bin/env bash
# The Counseling Trigger's fast-clock e2e runs n8n under Debian's faketime (libfaketime):
# installs it when missing (as root, with apt-get), or says how to.
set -euo pipefail
source "$(dirname "$0")/apt-install-missing.sh"

packages=()
[ -e /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 ] || command -v faketime >/dev/null || packages+=(faketime)
install_missing_packages "the fast-clock e2e test (test/e2e/historyTriggerFastClock.test.ts)"
