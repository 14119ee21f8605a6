#!/usr/bin/env bash
# The queue-mode test runs n8n on Redis and PostgreSQL, started by hand on free loopback ports with
# their data in a temporary folder (scripts/queueMode.js). Installs Debian's packages when missing.
set -euo pipefail
packages=()
command -v redis-server >/dev/null || [ -x /usr/bin/redis-server ] || packages+=(redis-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || command -v pg_ctl >/dev/null || packages+=(postgresql)
# Only the binaries are used: the test starts its own servers.
source "$(dirname "$0")/apt-install-missing.sh"
install_missing_packages "The queue-mode test"
