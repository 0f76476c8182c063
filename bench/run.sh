#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (markdown), also saved to bench/results/run-<time>.md.
# On a fresh machine it first installs what they need: Debian's PyTorch 1.13 unpacked privately into bench/.pytorch
# (its dependencies and libopenblas0-pthread through apt; never python3-torch/libtorch1.13 themselves, which
# would break TorchSharp system-wide). Needs root for apt, the .NET SDK, and TorchSharp's native prerequisites.
#
#   bench/run.sh                 everything (speed, memory, host, suggestion quality: about 45 min on 2 cores)
#   bench/run.sh --quick         smoke run of everything (a few minutes)
#   bench/run.sh overhead pytorch --repeats 25     chosen benchmarks; see --help
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/setup 1>&2   # TorchSharp's libstdc++, the pinned notebook host (idempotent)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# PyTorch is needed by the "pytorch" benchmark, which runs when named, with "all", or when no benchmark is named.
names=$(printf '%s\n' "$@" | grep -xE 'overhead|pytorch|memory|quality|chart|host|scalar-race|all' || true)
needs_pytorch=0
if [[ -z "$names" ]] || grep -qxE 'pytorch|all' <<<"$names"; then needs_pytorch=1; fi
if [[ $needs_pytorch == 1 ]]; then bash bench/install-pytorch.sh 1>&2; fi

# The host benchmark loads the packages from artifacts/packages, as a notebook does.
if [[ -z "$names" ]] || grep -qxE 'host|all' <<<"$names"; then
  dotnet pack LrNotebooks.sln -c Release -o artifacts/packages -v quiet -nologo 1>&2
fi
dotnet build bench/LrNotebooks.Bench -c Release -v quiet -nologo 1>&2
mkdir -p bench/results
out="bench/results/run-$(date -u +%Y%m%dT%H%M%SZ).md"
dotnet bench/LrNotebooks.Bench/bin/Release/net10.0/LrNotebooks.Bench.dll "$@" | tee "$out"
echo "(saved to $out)" >&2
