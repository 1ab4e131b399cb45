#!/usr/bin/env bash
# Runs every scenario under scenarios/ and writes results/ (the main job of ClassicalML).
#   ./run-all.sh                            build once in Release, run every scenario into results/<id>/, write results/README.md
#   ./run-all.sh --check [--tolerance X]    rerun into a temporary folder and compare with the committed results/
#                                           (numbers within relative tolerance X, default 1e-6; strings and verdicts exactly)
#   --no-build                              use the existing Release build (after `dotnet build ClassicalML.sln -c Release`)
# A scenario replaces results/<id>/ only when it succeeded; a failed or interrupted one (Ctrl+C, kill) leaves its previous
# results as they were, and results/README.md marks it failed with its error and the commit of the results shown.
# Exit codes: 0 done / no difference, 1 a scenario failed or --check found differences, 2 bad arguments, 130 interrupted.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mode=run
tolerance=
build=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --check) mode=check ;;
    --no-build) build=no ;;
    --tolerance)
      if [ $# -lt 2 ]; then echo "run-all.sh: --tolerance needs a value, e.g. --tolerance 1e-6." >&2; exit 2; fi
      tolerance=$2; shift ;;
    --tolerance=*) tolerance=${1#--tolerance=} ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-all.sh: unknown argument '$1'; use --check [--tolerance X], --no-build, or nothing." >&2; exit 2 ;;
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

if [ "$build" = yes ]; then
  echo "Building ClassicalML in Release..."
  dotnet build ClassicalML.sln -c Release --nologo -v quiet
fi

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

work=$(mktemp -d "${TMPDIR:-/tmp}/classicalml-run-all.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ "$mode" = check ]; then
  out_root="$work/results"
else
  out_root=results
fi
mkdir -p "$out_root"

# Ctrl+C reaches the running scenario too (it removes its staging folder and exits); then no further scenario starts.
interrupted=
trap 'interrupted=SIGINT' INT
trap 'interrupted=SIGTERM' TERM

# The one-line error of a failed scenario: its "<id>: ..." line on stderr, else its last stderr line.
one_line_error() {
  local id=$1 rc=$2 log=$3 line
  case "$rc" in
    130) echo "$id: interrupted (SIGINT); its results were left as they were"; return ;;
    137) echo "$id: killed (SIGKILL); its results were left as they were"; return ;;
    143) echo "$id: interrupted (SIGTERM); its results were left as they were"; return ;;
  esac
  line=$(grep -a "^$id: " "$log" | tail -n 1 || true)
  [ -n "$line" ] || line=$(grep -av '^[[:space:]]*$' "$log" | tail -n 1 || true)
  echo "${line:-$id: exited with code $rc}" | tr '\t' ' '
}

failures="$work/failures.tsv"
: > "$failures"
failed=()
ids=()
ran=0
unidentified=0
not_run=()
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  if [ -n "$interrupted" ]; then not_run+=("$name"); continue; fi
  dlls=("$(dirname "$project")"/bin/Release/*/"$name".dll)
  if [ "${#dlls[@]}" -ne 1 ]; then
    echo "run-all.sh: $project has no Release build output ($name.dll); add it to ClassicalML.sln." >&2
    failed+=("$name"); unidentified=$((unidentified + 1))
    continue
  fi
  if ! id=$(dotnet "${dlls[0]}" --print-id) || [ -z "$id" ]; then
    echo "run-all.sh: $name did not print its id (--print-id)." >&2
    failed+=("$name"); unidentified=$((unidentified + 1))
    continue
  fi
  ids+=("$id")
  echo
  echo "=== $id ($project) ==="
  log="$work/$id.stderr"
  rc=0
  # stderr is kept to quote the scenario's one-line error in the index, then shown.
  dotnet "${dlls[0]}" --out "$out_root/$id" 2> "$log" || rc=$?
  cat "$log" >&2
  if [ "$rc" -eq 0 ]; then
    ran=$((ran + 1))
  else
    error=$(one_line_error "$id" "$rc" "$log")
    commit=$(git log -1 --format=%h -- "results/$id" 2>/dev/null || true)
    if [ -n "$commit" ] && [ -n "$(git status --porcelain -- "results/$id" 2>/dev/null)" ]; then
      commit="$commit with uncommitted changes"
    fi
    printf '%s\t%s\t%s\n' "$id" "$commit" "$error" >> "$failures"
    echo "run-all.sh: scenario $id failed; results/$id was left as it was." >&2
    failed+=("$id")
  fi
done

if [ "$mode" = run ] && [ -z "$interrupted" ] && [ "$unidentified" -eq 0 ]; then
  # Drop results of scenarios that no longer exist, so the index lists only current ones.
  for dir in results/*/; do
    old=$(basename "$dir")
    if [ -f "$dir/report.json" ] && [[ " ${ids[*]} " != *" $old "* ]] && [[ ! "$old" =~ \.(staging|old)-[0-9]+$ ]]; then
      echo "Removing results/$old: no scenario has that id any more."
      rm -rf "${dir:?}"
    fi
  done
fi

claims=$(dotnet "${results_tool[0]}" index "$out_root" --failures "$failures" --summary)
status=0
echo
if [ "$mode" = check ] && [ -z "$interrupted" ]; then
  echo "Comparing with the committed results/ (relative tolerance $tolerance)..."
  dotnet "${results_tool[0]}" compare results "$out_root" --tolerance "$tolerance" || status=1
fi

summary="${ran} of ${#projects[@]} scenario(s) ran"
if [ "${#failed[@]}" -gt 0 ]; then
  summary+="; ${#failed[@]} failed: ${failed[*]}"
  [ "$mode" = run ] && summary+=" (their earlier results are kept and marked failed in results/README.md)"
  status=1
fi
if [ "${#not_run[@]}" -gt 0 ]; then
  summary+="; not run after $interrupted: ${not_run[*]}"
fi
echo "$summary."
if [ "$mode" = run ]; then
  echo "See results/README.md: $claims."
fi
if [ -n "$interrupted" ]; then exit 130; fi
exit $status
