#!/usr/bin/env bash
# The queue-mode test runs n8n on Redis and PostgreSQL, started by hand on free loopback ports with
# their data in a temporary folder (scripts/queueMode.js). Installs Debian's packages when missing.
set -euo pipefail
packages=()
command -v redis-server >/dev/null || [ -x /usr/bin/redis-server ] || packages+=(redis-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || command -v pg_ctl >/dev/null || packages+=(postgresql)
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
	echo "The queue-mode test needs: ${packages[*]}. Install them, e.g. sudo apt-get install -y ${packages[*]}" >&2
	exit 1
fi
echo "Installing ${packages[*]} (Debian packages) for the queue-mode test..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# Only the binaries are used: the test starts its own servers; Debian's own services stay off.
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
