#!/usr/bin/env bash
# Runs README.md's "Use ClassicalML in your project" section exactly as written, so README and packages cannot drift:
# its fenced blocks, in order, are taken from README.md; the first bash block (the pack) runs in this clone, every
# later one in a new folder outside it, continuing where the previous block left off (e.g. inside `cd MyEvaluation`);
# the csharp block becomes that project's Program.cs. HOME is a temporary folder, so $HOME/classicalml-packages and the
# global tool stay out of the real home; the NuGet cache is the usual one, which is safe because every pack has a
# version of its own. Then checks the program's and the tool's output. Exit 0 when every step worked.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')

tmp=$(mktemp -d "${TMPDIR:-/tmp}/classicalml-readme.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
case "$tmp/" in "$repo"/*) echo "check-readme: the temporary folder $tmp is inside the clone; set TMPDIR elsewhere." >&2; exit 1 ;; esac
mkdir -p "$tmp/home" "$tmp/elsewhere"

# The section's fenced blocks, in order, as files block-N.bash / block-N.csharp.
awk -v out="$tmp" '
  /^## / { inside = ($0 == "## Use ClassicalML in your project") }
  inside && /^```[a-z]+$/ && !fence { fence = 1; n++; lang = substr($0, 4); file = sprintf("%s/block-%d.%s", out, n, lang); printf "" > file; next }
  inside && /^```$/ && fence { fence = 0; close(file); next }
  inside && fence { print >> file }
' "$repo/README.md"
blocks=("$tmp"/block-*)
if [ "${#blocks[@]}" -lt 4 ]; then
  echo "check-readme: found ${#blocks[@]} fenced block(s) under '## Use ClassicalML in your project' in README.md; expected the pack, the project, Program.cs and the run." >&2
  exit 1
fi

# One script of all blocks: the first bash block in the clone, the rest outside it.
script="$tmp/readme-steps.sh"
{
  echo 'set -euo pipefail'
  echo "export HOME='$tmp/home' NUGET_PACKAGES='$cache' PATH=\"$tmp/home/.dotnet/tools:\$PATH\""
  echo "cd '$repo'"
  first=yes
  for ((i = 1; i <= ${#blocks[@]}; i++)); do
    block=$(echo "$tmp"/block-"$i".*)
    case "$block" in
      *.bash)
        echo "echo '+ README block $(basename "$block")'"
        cat "$block"
        if [ "$first" = yes ]; then echo "cd '$tmp/elsewhere'"; first=no; fi ;;
      *.csharp)
        echo "echo '+ README block $(basename "$block") -> Program.cs'"
        echo "cp '$block' Program.cs" ;;
      *) echo "check-readme: README block $block has an unknown language; use bash or csharp." >&2; exit 1 ;;
    esac
  done
} > "$script"

log="$tmp/readme.log"
if ! (bash "$script" 2>&1 | tee "$log"); then
  echo "check-readme: a README step failed (see above)." >&2
  exit 1
fi

project=$(find "$tmp/elsewhere" -maxdepth 2 -name Program.cs -printf '%h\n' | head -n 1)
status=0
expect() { # expect "description" grep-pattern file
  if grep -qE -- "$2" "$3"; then echo "ok   - $1"; else echo "FAIL - $1 (no /$2/ in $(basename "$3"))"; status=1; fi
}
expect "the program prints its evaluation" '^5-fold stratified CV F1: 0\.[0-9]{4}; pooled out-of-fold AUC 0\.9[0-9]{3}$' "$log"
expect "the program prints the bagged ensemble's out-of-bag AUC" '^Bagging, 10 members: out-of-bag AUC 0\.9[0-9]{3}; test AUC 0\.9[0-9]{3}$' "$log"
expect "the program read the bundled data set (143 test rows)" '^Wrote predictions.csv: 143 test rows$' "$log"
expect "classicalml eval evaluates the predictions" 'ROC AUC +│ 0\.9[0-9]{3}' "$log"
expect "the multiclass program prints its one-vs-rest and one-vs-one AUC" '^Satellite, 6 classes: ROC AUC one-vs-rest 0\.9[0-9]{3}, one-vs-one 0\.9[0-9]{3}; top-2 accuracy 0\.9[0-9]{3}; log loss 0\.[0-9]{4}$' "$log"
expect "the multiclass program prints the arg-max classification report" '^ +macro avg +0\.[0-9]{3} ' "$log"
expect "classicalml split wrote row,fold for every row" '^row,fold$' "$project/folds.csv"
if [ "$(wc -l < "$project/folds.csv")" -ne 144 ]; then echo "FAIL - folds.csv has $(wc -l < "$project/folds.csv") lines, expected 144"; status=1; fi
grep -q "$tmp/home/classicalml-packages" "$project/nuget.config" || { echo "FAIL - nuget.config lacks the absolute package folder"; status=1; }
exit $status
