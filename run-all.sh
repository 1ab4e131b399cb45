#!/usr/bin/env bash
# Runs every scenario under scenarios/ and writes results/ (the main job of ClassicalML).
#   ./run-all.sh                            build once in Release, run every scenario into results/<id>/, write results/README.md
#   ./run-all.sh --check [--tolerance X]    rerun into a temporary folder and compare with the committed results/
#                                           (numbers within relative tolerance X, default 1e-6; strings and verdicts exactly)
# Exit codes: 0 done / no difference, 1 a scenario failed or --check found differences, 2 bad arguments.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mode=run
tolerance=
while [ $# -gt 0 ]; do
  case "$1" in
    --check) mode=check ;;
    --tolerance)
      if [ $# -lt 2 ]; then echo "run-all.sh: --tolerance needs a value, e.g. --tolerance 1e-6." >&2; exit 2; fi
      tolerance=$2; shift ;;
    --tolerance=*) tolerance=${1#--tolerance=} ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-all.sh: unknown argument '$1'; use --check [--tolerance X] or nothing." >&2; exit 2 ;;
  esac
  shift
done
if [ -n "$tolerance" ] && [ "$mode" != check ]; then
  echo "run-all.sh: --tolerance only applies with --check; add --check or drop --tolerance." >&2
  exit 2
fi
tolerance=${tolerance:-1e-6}
if ! [[ "$tolerance" =~ ^[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$ ]]; then
  echo "run-all.sh: --tolerance is '$tolerance'; it must be a non-negative number such as 1e-6." >&2
  exit 2
fi

echo "Building ClassicalML in Release..."
dotnet build ClassicalML.sln -c Release --nologo -v quiet

shopt -s nullglob
projects=(scenarios/*/*.csproj)
if [ "${#projects[@]}" -eq 0 ]; then
  echo "No scenario exists yet under scenarios/: nothing to run or check."
  exit 0
fi

results_tool=(tools/ClassicalML.Results/bin/Release/*/ClassicalML.Results.dll)
if [ "${#results_tool[@]}" -ne 1 ]; then
  echo "run-all.sh: the results tool was not built (tools/ClassicalML.Results); is it in ClassicalML.sln?" >&2
  exit 1
fi

if [ "$mode" = check ]; then
  out_root=$(mktemp -d "${TMPDIR:-/tmp}/classicalml-check.XXXXXX")
  trap 'rm -rf "$out_root"' EXIT
else
  out_root=results
  mkdir -p "$out_root"
fi

failed=()
ids=()
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  dlls=("$(dirname "$project")"/bin/Release/*/"$name".dll)
  if [ "${#dlls[@]}" -ne 1 ]; then
    echo "run-all.sh: $project has no Release build output ($name.dll); add it to ClassicalML.sln." >&2
    failed+=("$name")
    continue
  fi
  if ! id=$(dotnet "${dlls[0]}" --print-id) || [ -z "$id" ]; then
    echo "run-all.sh: $name did not print its id (--print-id)." >&2
    failed+=("$name")
    continue
  fi
  ids+=("$id")
  echo
  echo "=== $id ($project) ==="
  rm -rf "${out_root:?}/$id"
  if ! dotnet "${dlls[0]}" --out "$out_root/$id"; then
    echo "run-all.sh: scenario $id failed." >&2
    failed+=("$id")
  fi
done

if [ "$mode" = run ]; then
  # Drop results of scenarios that no longer exist, so the index lists only current ones.
  for dir in results/*/; do
    old=$(basename "$dir")
    if [ -f "$dir/report.json" ] && [[ " ${ids[*]} " != *" $old "* ]]; then
      echo "Removing results/$old: no scenario has that id any more."
      rm -rf "${dir:?}"
    fi
  done
fi

dotnet "${results_tool[0]}" index "$out_root"
status=0
if [ "$mode" = check ]; then
  echo
  echo "Comparing with the committed results/ (relative tolerance $tolerance)..."
  dotnet "${results_tool[0]}" compare results "$out_root" --tolerance "$tolerance" || status=1
else
  echo
  echo "Wrote results/ and results/README.md for ${#ids[@]} scenario(s)."
fi

if [ "${#failed[@]}" -gt 0 ]; then
  echo "run-all.sh: ${#failed[@]} scenario(s) failed: ${failed[*]}" >&2
  status=1
fi
exit $status
