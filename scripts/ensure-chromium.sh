#!/usr/bin/env bash
# The browser test drives Debian's chromium (playwright-core downloads no browser of its own),
# with CJK and emoji fonts so the screenshots show Korean text. Installs them when missing.
set -euo pipefail
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || packages+=(fonts-noto-cjk)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || packages+=(fonts-noto-color-emoji)
source "$(dirname "$0")/apt-install-missing.sh"
install_missing_packages "The browser test"
