#!/usr/bin/env bash
# Installs the Debian packages Dossier needs, only those missing. Idempotent and quiet when all are present.
set -euo pipefail
PACKAGES="libcairo2-dev libpango1.0-dev libpng-dev fonts-noto-cjk fonts-dejavu-core poppler-utils qpdf"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
# Refresh the package lists only when they are missing or a first install attempt fails.
if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then
  $SUDO apt-get update -qq
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# fontconfig must see newly installed fonts before the first render.
command -v fc-cache >/dev/null && fc-cache -s >/dev/null 2>&1 || true
