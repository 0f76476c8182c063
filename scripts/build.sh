#!/usr/bin/env bash
# Shared first half of the demo and test commands: set the machine up, build in Release, pack into the local feed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build LrNotebooks.sln -c Release
dotnet pack LrNotebooks.sln -c Release --no-build -o artifacts/packages
