#!/usr/bin/env bash
# The browser test drives Debian's chromium (playwright-core downloads no browser of its own),
# with CJK and emoji fonts so the screenshots show Korean text. Installs them when missing.
set -euo pipefail
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || packages+=(fonts-noto-cjk)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || packages+=(fonts-noto-color-emoji)
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
	echo "The browser test needs: ${packages[*]}. Install them, e.g. sudo apt-get install -y ${packages[*]}" >&2
	exit 1
fi
echo "Installing ${packages[*]} (Debian packages) for the browser test..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${packages[@]}" >/dev/null
