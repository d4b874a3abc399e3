#!/usr/bin/env bash
# Installs the Debian packages Dossier needs, only those missing. Idempotent and quiet when all are present.
set -euo pipefail
PACKAGES="libcairo2-dev libpango1.0-dev libpng-dev fonts-noto-cjk fonts-dejavu-core poppler-utils qpdf python3-fonttools icc-profiles-free"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
if [ -n "$missing" ]; then
echo "setup: installing$missing" >&2
# Refresh the package lists only when they are missing or a first install attempt fails.
if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then
  $SUDO apt-get update -qq
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
fi

# Flattened copies of the Chinese faces: cairo 1.16 drops some glyphs (e.g. 如) from PDFs when it subsets the
# fonts' CFF subroutines. scripts/flatten_cjk_fonts.py explains; it runs once, with Debian's python3-fonttools
# (the system Python: /usr/bin/python3, whatever python3 comes first on PATH).
FLAT_DIR=/usr/local/share/fonts/dossier
FLAT_VERSION=3   # bump when flatten_cjk_fonts.py changes what it writes; older copies are then replaced
if [ "$(cat "$FLAT_DIR/VERSION" 2>/dev/null)" != "$FLAT_VERSION" ]; then
  $SUDO rm -f "$FLAT_DIR"/NotoSansCJKsc-*.otf

  if $SUDO /usr/bin/python3 "$(dirname "$0")/flatten_cjk_fonts.py" /usr/share/fonts/opentype/noto "$FLAT_DIR"; then
    echo "$FLAT_VERSION" | $SUDO tee "$FLAT_DIR/VERSION" >/dev/null
  else
    echo "setup: warning: could not write the flattened CJK fonts; Chinese PDFs may lose glyphs such as 如" >&2
  fi
  missing="$missing fonts"
fi
# fontconfig must see newly installed fonts before the first render.
if [ -n "$missing" ]; then command -v fc-cache >/dev/null && fc-cache -s >/dev/null 2>&1 || true; fi
