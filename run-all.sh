#!/usr/bin/env bash
# Runs every scenario under scenarios/ and writes results/ (the main job of ClassicalML).
#   ./run-all.sh            build once in Release, run every scenario, write results/
#   ./run-all.sh --check    rerun into a temporary folder and compare with the committed results/
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mode=run
for arg in "$@"; do
  case "$arg" in
    --check) mode=check ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-all.sh: unknown argument '$arg'; use --check or nothing." >&2; exit 2 ;;
  esac
done

echo "Building ClassicalML in Release..."
dotnet build ClassicalML.sln -c Release --nologo -v quiet

shopt -s nullglob
projects=(scenarios/*/*.csproj)
if [ "${#projects[@]}" -eq 0 ]; then
  echo "No scenario exists yet under scenarios/: nothing to run or check."
  exit 0
fi
echo "run-all.sh: scenarios exist but the scenario runner is not wired yet." >&2
exit 1
