#!/usr/bin/env bash
# Sourced by the ensure-*.sh scripts once they have listed what is missing in `packages`: installs
# those Debian packages (as root, with apt-get), or says how to. $1 names what needs them.
install_missing_packages() {
	local needed_by=$1
	[ ${#packages[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
		echo "$needed_by needs: ${packages[*]}. Install them, e.g. sudo apt-get install -y ${packages[*]}" >&2
		return 1
	fi
	echo "Installing ${packages[*]} (Debian packages) for $needed_by..."
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq "${packages[@]}" >/dev/null
}
