#!/usr/bin/env bash
# The test command: installs what the machine lacks, packs the packages, runs every test project
# (engine unit tests, in-process kernel tests, end-to-end tests against the real notebook host and Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# a hung test fails its run after 20 minutes instead of eating the whole CI budget
dotnet test LrNotebooks.sln -c Release --no-build --blame-hang-timeout 20m --logger "console;verbosity=normal" "$@"
