#!/usr/bin/env bash
# The main command: sets the machine up, builds and packs LrNotebooks, then executes the first walkthrough notebook
# through the real notebook host and says where the executed notebook and its HTML report are.
# Usage: scripts/demo.sh [notebooks/NN-....ipynb ...]   (default: notebook 1)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=(notebooks/01-learning-rate-range-test.ipynb)
dotnet run --project src/LrNotebooks.NotebookRunner -c Release --no-build -- "${notebooks[@]}" --out artifacts/notebooks
echo
echo "Open the report in a browser (it works offline): $(pwd)/artifacts/notebooks/"
