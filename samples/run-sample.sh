#!/usr/bin/env bash
# Packs ClassicalML.Evaluation and ClassicalML.Data into artifacts/packages, then builds and runs
# samples/EvaluateMyModel against those packages (not the projects), with a private package cache so
# the freshly packed versions are the ones used. Exits non-zero if packing, building or the sample fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf artifacts/packages samples/.packages samples/EvaluateMyModel/bin samples/EvaluateMyModel/obj
dotnet pack ClassicalML.sln -c Release -o artifacts/packages --nologo -v quiet
ls artifacts/packages
dotnet run --project samples/EvaluateMyModel -c Release -p:RestorePackagesPath="$PWD/samples/.packages"
