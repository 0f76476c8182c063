#!/usr/bin/env bash
# Unpacks Debian's PyTorch 1.13 (python3-torch + libtorch1.13) into bench/.pytorch, privately.
# NEVER install those two packages system-wide: a libtorch on the system library path breaks TorchSharp in
# every .NET process on the machine (see README/mission notes). Only their dependencies are installed with apt,
# plus libopenblas0-pthread (without it the reference BLAS makes PyTorch ~15x slower).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="$here/.pytorch"
private=(python3-torch libtorch1.13 libtorch-test)   # libtorch-test depends on libtorch1.13, so it is excluded too

if [[ -f "$dest/.complete" ]] && /usr/bin/python3 -c 'import numpy' 2>/dev/null && [[ -e /usr/lib/x86_64-linux-gnu/openblas-pthread ]]; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show python3-torch >/dev/null 2>&1; then apt-get update -qq; fi

# Dependencies: the real package names (not virtual ones) python3-torch and libtorch1.13 need, minus themselves
# and the base system libraries that are already present (libc6, libstdc++6, libgcc-s1, python3).
mapfile -t deps < <(apt-cache depends --no-recommends python3-torch libtorch1.13 \
  | awk '/^ +Depends: [^<]/ {print $2}' | sort -u \
  | grep -vxF -e python3-torch -e libtorch1.13 -e libtorch-test -e libc6 -e libstdc++6 -e libgcc-s1 -e python3)
apt-get install -y -qq --no-install-recommends "${deps[@]}" libopenblas0-pthread >/dev/null

for pkg in "${private[@]}"; do
  if dpkg -s "$pkg" >/dev/null 2>&1; then
    echo "error: $pkg is installed system-wide; this breaks TorchSharp. Remove it (apt-get remove $pkg)." >&2
    exit 1
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -qq -o APT::Sandbox::User=root python3-torch=1.13.1+dfsg-4 libtorch1.13=1.13.1+dfsg-4 >/dev/null)
rm -rf "$dest" && mkdir -p "$dest"
for deb in "$work"/*.deb; do dpkg -x "$deb" "$dest"; done
touch "$dest/.complete"
echo "PyTorch 1.13 unpacked privately into $dest"
