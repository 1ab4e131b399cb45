#!/usr/bin/env bash
# run-all never loses results: in a throw-away repository (a temporary folder, never this tree) with two tiny fake
# scenarios built against this repository's scenario host, checks that
#   - a rerun on unchanged code leaves `git status` clean (timings are git-ignored, reports and PNGs byte-identical);
#   - a scenario that fails (a corrupted data file) leaves its committed results/<id>/ untouched, the index keeps it,
#     marked failed with its error and the commit of the results shown, and the closing line counts what happened;
#   - a scenario killed mid-run (SIGTERM, SIGKILL) or a Ctrl+C of the whole run (SIGINT to the process group) leaves
#     the committed results untouched, and a SIGKILL's staging folder is ignored, then removed by the next run;
#   - the same failure through run-all.ps1, when PowerShell is installed in .tools/ (as .ci/run does).
# Prints one "ok"/"FAIL" line per check and exits 1 if any check failed. Takes about a minute.
set -uo pipefail
set -m # background jobs get their own process group, so "Ctrl+C" can be sent to one run's group only
repo=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
unset CI # the fake runs print plain lines anyway (output is redirected)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/classicalml-safety.XXXXXX")
[ -n "${KEEP_SAFETY_TMP:-}" ] || trap 'rm -rf "$tmp"' EXIT
mini="$tmp/repo"
failures=0
check() { # check "description" command...
  local what=$1; shift
  if "$@"; then echo "ok   - $what"; else echo "FAIL - $what"; failures=$((failures + 1)); fi
}

echo "Building the results tool and the scenario host (Release)..."
dotnet build "$repo/tools/ClassicalML.Results/ClassicalML.Results.csproj" -c Release --nologo -v quiet || exit 1

# --- the throw-away repository ---------------------------------------------------------------------------------------
mkdir -p "$mini/tools/ClassicalML.Results/bin/Release" "$mini/data"
cp "$repo/run-all.sh" "$repo/run-all.ps1" "$repo/.gitignore" "$mini/"
cp "$repo/data/README.md" "$repo/data/mlbench_sonar.csv" "$mini/data/"
cp -r "$repo/tools/ClassicalML.Results/bin/Release/net10.0" "$mini/tools/ClassicalML.Results/bin/Release/"
for name in FakeData FakeSteady; do
  # fake-data reads data/mlbench_sonar.csv and can be slowed down (FAKE_STEPS); fake-steady reads nothing and is quick.
  if [ "$name" = FakeData ]; then
    id=fake-data question=1
    counts='var sonar = Datasets.Sonar(); int rows = sonar.RowCount, mines = sonar.BinaryLabels().Count(b => b);'
    steps='int steps = int.TryParse(Environment.GetEnvironmentVariable("FAKE_STEPS"), out int n) ? n : 1;'
  else
    id=fake-steady question=2 counts='int rows = 208, mines = 111;' steps='int steps = 1;'
  fi
  mkdir -p "$mini/scenarios/$name"
  cat > "$mini/scenarios/$name/$name.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/ClassicalML.Scenarios/ClassicalML.Scenarios.csproj" />
  </ItemGroup>
</Project>
EOF
  cat > "$mini/scenarios/$name/Program.cs" <<EOF
using System.Diagnostics;
using ClassicalML.Data;
using ClassicalML.Scenarios;

return ScenarioHost.Run(new Fake(), args);

/// <summary>Counts sonar's classes, reports its steps (0.2 s each when there are several), one figure and one timing.</summary>
internal sealed class Fake : Scenario<Fake.Settings>
{
    internal sealed record Settings : ScenarioSettings;

    private static readonly Claim MoreMines = new("more-mines", "Sonar has more mines than rocks.");

    public override string Id => "$id";

    public override string Title => "Fake $id";

    public override Question Question { get; } = new($question, "Is the run safe?");

    public override IReadOnlyList<Claim> Claims { get; } = [MoreMines];

    public override Settings DefaultSettings { get; } = new() { Seed = 1 };

    public override ScenarioResult Run(Settings settings, IProgressReporter progress)
    {
        var clock = Stopwatch.StartNew();
        $counts
        $steps
        for (int i = 1; i <= steps; i++)
        {
            if (steps > 1) { Thread.Sleep(200); }
            progress.Report("waiting", i, steps);
        }

        var share = new ClassicalML.Evaluation.Interval((double)mines / rows, 0.45, 0.6, 0.95, "fixed");
        return new ScenarioResult
        {
            Tables = [new ReportTable("classes", ["class", "rows"]).AddRow("M", mines).AddRow("R", rows - mines)],
            Claims = [MoreMines.Judge(new ThresholdCriterion("mine share", Direction.Greater, 0.5, 0.45).Evaluate(share.Estimate))],
            Timings = [new ReportTable("seconds", ["stage", "seconds"]).AddRow("all", clock.Elapsed.TotalSeconds)],
            Figures = [Figures.Bars("share.png", "Mine share", "share", [new BarValue("sonar", share)])],
        };
    }
}
EOF
done
echo "Building the fake scenarios..."
for name in FakeData FakeSteady; do
  dotnet build "$mini/scenarios/$name/$name.csproj" -c Release --nologo -v quiet || exit 1
done

cd "$mini"
git init -q . && git config user.email safety@test && git config user.name safety
run_all() { ./run-all.sh --no-build "$@" > "$tmp/out.txt" 2> "$tmp/err.txt"; }
fingerprint() { (cd results/fake-data && find . -type f ! -name 'timings.*' -print0 | sort -z | xargs -0 sha256sum); } # the scenario made to fail
no_transient() { [ -z "$(find results -maxdepth 1 -name '*.staging-*' -o -maxdepth 1 -name '*.old-*')" ]; }
says() { grep -qF -- "$2" "$1" || { echo "     expected in $1: $2"; sed 's/^/     | /' "$1" | tail -n 8; return 1; }; }
wait_for_staging() { # prints the pid of the scenario writing results/$1 once its staging folder exists
  for _ in $(seq 1 100); do
    local dir; dir=$(find results -maxdepth 1 -name "$1.staging-*" | head -n 1)
    if [ -n "$dir" ]; then echo "${dir##*-}"; return 0; fi
    sleep 0.1
  done
  return 1
}
# Starts a slow run-all, waits until fake-data is staging, sends the signal to that scenario (or, for "group", to the
# whole run's process group, as Ctrl+C does), and waits; sets rc to run-all's exit code.
interrupt_run() {
  local signal=$1 whom=$2 pid runner
  FAKE_STEPS=50 ./run-all.sh --no-build > "$tmp/out.txt" 2> "$tmp/err.txt" &
  runner=$!
  if pid=$(wait_for_staging fake-data); then
    if [ "$whom" = group ]; then kill "-$signal" -- "-$runner"; else kill "-$signal" "$pid"; fi
  fi
  wait "$runner"; rc=$?
}
results_kept() { # the failed scenario's committed results are byte-identical and nothing transient is left
  check "$1: committed results byte-identical" [ "$before" = "$(fingerprint)" ]
  check "$1: no staging folder left" no_transient
}

# --- a first run, committed; a rerun leaves the tree clean ------------------------------------------------------------
run_all; rc=$?
check "first run exits 0" [ "$rc" -eq 0 ]
check "first run's closing line counts 2 of 2" says "$tmp/out.txt" "2 of 2 scenario(s) ran."
check "first run says where to look, with verdict counts" says "$tmp/out.txt" "See results/README.md: 2 claims — 2 hold, 0 partly hold, 0 do not hold, 0 inconclusive."
check "timings.json is written beside the report" [ -f results/fake-data/timings.json ]
git add -A && git commit -qm "results"
committed=$(git log -1 --format=%h)
before=$(fingerprint)
run_all; rc=$?
check "rerun on unchanged code exits 0" [ "$rc" -eq 0 ]
check "rerun leaves git status clean (timings ignored, reports and PNGs byte-identical)" [ -z "$(git status --porcelain)" ]

# --- a failing scenario: corrupted data file --------------------------------------------------------------------------
cp data/mlbench_sonar.csv "$tmp/sonar.csv"
echo "0,0,0" >> data/mlbench_sonar.csv
run_all; rc=$?
check "failed scenario: run-all exits 1" [ "$rc" -eq 1 ]
check "failed scenario: committed results byte-identical" [ "$before" = "$(fingerprint)" ]
check "failed scenario: no results file changed" git diff --quiet -- results/fake-data
check "failed scenario: closing line counts what happened" says "$tmp/out.txt" "1 of 2 scenario(s) ran; 1 failed: fake-data"
check "failed scenario: index keeps it, marked failed with the commit shown" \
  says results/README.md "[Fake fake-data](fake-data/report.md) (**failed on the last run**; results shown are from commit $committed)"
check "failed scenario: index gives the one-line error" says results/README.md "- \`fake-data\`: fake-data: failed: InvalidDataException: The data file"
cp "$tmp/sonar.csv" data/mlbench_sonar.csv
git checkout -q -- results/README.md

# --- SIGTERM to the scenario mid-run ----------------------------------------------------------------------------------
interrupt_run TERM scenario
check "SIGTERM: run-all goes on with the next scenario and exits 1" [ "$rc" -eq 1 ]
check "SIGTERM: the scenario said it left the results" says "$tmp/err.txt" "fake-data: interrupted (SIGTERM); results/fake-data was left as it was."
results_kept SIGTERM
check "SIGTERM: closing line" says "$tmp/out.txt" "1 of 2 scenario(s) ran; 1 failed: fake-data"
git checkout -q -- results/README.md

# --- Ctrl+C: SIGINT to the whole run's process group ------------------------------------------------------------------
interrupt_run INT group
check "Ctrl+C: run-all stops with exit code 130" [ "$rc" -eq 130 ]
results_kept Ctrl+C
check "Ctrl+C: closing line names what did not run" says "$tmp/out.txt" "0 of 2 scenario(s) ran; 1 failed: fake-data (their earlier results are kept and marked failed in results/README.md); not run after SIGINT: FakeSteady."
git checkout -q -- results/README.md

# --- SIGKILL: the staging folder stays behind, is ignored, and the next run removes it ---------------------------------
interrupt_run KILL scenario
check "SIGKILL: run-all exits 1 and says so" says "$tmp/out.txt" "1 failed: fake-data"
check "SIGKILL: committed results byte-identical" [ "$before" = "$(fingerprint)" ]
check "SIGKILL: the index does not list the staging folder" says results/README.md "2 scenario(s), 2 claim(s)"
git checkout -q -- results/README.md
check "SIGKILL: the leftover staging folder is git-ignored" [ -z "$(git status --porcelain)" ]
run_all; rc=$?
check "after SIGKILL: the next run succeeds and removes the leftover" no_transient
check "after SIGKILL: tree clean again" [ -z "$(git status --porcelain)" ]

# --- one scenario alone with --out: a failure leaves the folder untouched ----------------------------------------------
echo "0,0,0" >> data/mlbench_sonar.csv
dotnet scenarios/FakeData/bin/Release/net10.0/FakeData.dll --out results/fake-data > /dev/null 2> "$tmp/err.txt"; rc=$?
check "--out alone: failure exits 1 and leaves the folder byte-identical" [ "$rc" -eq 1 ] && [ "$before" = "$(fingerprint)" ]
cp "$tmp/sonar.csv" data/mlbench_sonar.csv

# --- the same failure through run-all.ps1 ----------------------------------------------------------------------------
if [ -x "$repo/.tools/pwsh" ]; then
  echo "0,0,0" >> data/mlbench_sonar.csv
  "$repo/.tools/pwsh" -NoProfile -File ./run-all.ps1 --no-build > "$tmp/out.txt" 2> "$tmp/err.txt"; rc=$?
  check "run-all.ps1, failed scenario: exits 1, results byte-identical" [ "$rc" -eq 1 ] && [ "$before" = "$(fingerprint)" ]
  check "run-all.ps1, failed scenario: index marks it" says results/README.md "(**failed on the last run**; results shown are from commit $committed)"
  check "run-all.ps1, failed scenario: closing line" says "$tmp/out.txt" "1 of 2 scenario(s) ran; 1 failed: fake-data"
  cp "$tmp/sonar.csv" data/mlbench_sonar.csv
  git checkout -q -- results/README.md
  "$repo/.tools/pwsh" -NoProfile -File ./run-all.ps1 --no-build > "$tmp/out.txt" 2> "$tmp/err.txt"; rc=$?
  check "run-all.ps1, rerun: exits 0 and leaves git status clean" [ "$rc" -eq 0 ] && [ -z "$(git status --porcelain)" ]
else
  echo "skip - run-all.ps1 checks ($repo/.tools/pwsh is not installed; .ci/run installs it)"
fi

echo "run-all safety: $failures check(s) failed"
[ "$failures" -eq 0 ]
