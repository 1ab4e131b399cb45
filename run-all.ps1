#!/usr/bin/env pwsh
# Runs every scenario under scenarios/ and writes results/ (the main job of ClassicalML).
#   ./run-all.ps1                            build once in Release, run every scenario into results/<id>/, write results/README.md
#   ./run-all.ps1 --check [--tolerance X]    rerun into a temporary folder and compare with the committed results/
#                                            (numbers within relative tolerance X, default 1e-6; strings and verdicts exactly)
#   --no-build                               use the existing Release build (after `dotnet build ClassicalML.sln -c Release`)
# A scenario replaces results/<id>/ only when it succeeded; a failed or interrupted one (Ctrl+C, kill) leaves its previous
# results as they were, and results/README.md marks it failed with its error and the commit of the results shown.
# Exit codes: 0 done / no difference, 1 a scenario failed or --check found differences, 2 bad arguments, 130 interrupted.
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Fail([string]$message, [int]$code) { [Console]::Error.WriteLine($message); exit $code }

$mode = 'run'
$tolerance = $null
$build = $true
for ($i = 0; $i -lt $args.Count; $i++) {
    $arg = [string]$args[$i]
    if ($arg -ceq '--check') { $mode = 'check' }
    elseif ($arg -ceq '--no-build') { $build = $false }
    elseif ($arg -ceq '--tolerance') {
        if ($i + 1 -ge $args.Count) { Fail 'run-all.ps1: --tolerance needs a value, e.g. --tolerance 1e-6.' 2 }
        $i++; $tolerance = [string]$args[$i]
    }
    elseif ($arg.StartsWith('--tolerance=', [StringComparison]::Ordinal)) { $tolerance = $arg.Substring('--tolerance='.Length) }
    elseif ($arg -in '-h', '--help') {
        Get-Content $PSCommandPath | Select-Object -Skip 1 -First 8 | ForEach-Object { $_ -replace '^# ?', '' }
        exit 0
    }
    else { Fail "run-all.ps1: unknown argument '$arg'; use --check [--tolerance X], --no-build, or nothing." 2 }
}
if ($null -ne $tolerance -and $mode -ne 'check') {
    Fail 'run-all.ps1: --tolerance only applies with --check; add --check or drop --tolerance.' 2
}
if ($null -eq $tolerance) { $tolerance = '1e-6' }
if ($tolerance -notmatch '^[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$') {
    Fail "run-all.ps1: --tolerance is '$tolerance'; it must be a non-negative number such as 1e-6." 2
}

if ($build) {
    Write-Host 'Building ClassicalML in Release...'
    dotnet build ClassicalML.sln -c Release --nologo -v quiet
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

$projects = @(Get-ChildItem -Path scenarios -Filter *.csproj -Recurse -Depth 1 -ErrorAction SilentlyContinue | Sort-Object FullName)
if ($projects.Count -eq 0) {
    Write-Host 'No scenario exists yet under scenarios/: nothing to run or check.'
    exit 0
}

$resultsTool = @(Get-ChildItem -Path tools/ClassicalML.Results/bin/Release/*/ClassicalML.Results.dll -ErrorAction SilentlyContinue)
if ($resultsTool.Count -ne 1) { Fail 'run-all.ps1: the results tool was not built (tools/ClassicalML.Results); is it in ClassicalML.sln?' 1 }
$tool = $resultsTool[0].FullName

$work = Join-Path ([IO.Path]::GetTempPath()) ('classicalml-run-all.' + [IO.Path]::GetRandomFileName())
New-Item -ItemType Directory -Path $work | Out-Null
$outRoot = if ($mode -eq 'check') { Join-Path $work 'results' } else { 'results' }
New-Item -ItemType Directory -Path $outRoot -Force | Out-Null
$failures = Join-Path $work 'failures.tsv'
New-Item -ItemType File -Path $failures | Out-Null

# The one-line error of a failed scenario: its "<id>: ..." line on stderr, else its last stderr line.
function OneLineError([string]$id, [int]$code, [string]$log) {
    switch ($code) {
        130 { return "${id}: interrupted (SIGINT); its results were left as they were" }
        137 { return "${id}: killed (SIGKILL); its results were left as they were" }
        143 { return "${id}: interrupted (SIGTERM); its results were left as they were" }
    }
    $lines = @(Get-Content $log -ErrorAction SilentlyContinue | Where-Object { $_.Trim() })
    $own = @($lines | Where-Object { $_.StartsWith("${id}: ", [StringComparison]::Ordinal) })
    $line = if ($own.Count -gt 0) { $own[-1] } elseif ($lines.Count -gt 0) { $lines[-1] } else { "${id}: exited with code $code" }
    return $line.Replace("`t", ' ')
}

function AddFailure([string]$id, [string]$message) {
    $commit = (& git log -1 --format=%h -- "results/$id" 2>$null | Out-String).Trim()
    if ($commit -and (& git status --porcelain -- "results/$id" 2>$null | Out-String).Trim()) { $commit += ' with uncommitted changes' }
    Add-Content -Path $failures -Value "$id`t$commit`t$message"
}

$failed = @()
$ids = @()
$ran = 0
$unidentified = 0
$status = 0
$completed = $false
$current = $null
try {
    foreach ($project in $projects) {
        $name = $project.BaseName
        $dlls = @(Get-ChildItem -Path (Join-Path $project.DirectoryName "bin/Release/*/$name.dll") -ErrorAction SilentlyContinue)
        if ($dlls.Count -ne 1) {
            [Console]::Error.WriteLine("run-all.ps1: $($project.Name) has no Release build output ($name.dll); add it to ClassicalML.sln.")
            $failed += $name; $unidentified++; continue
        }
        $dll = $dlls[0].FullName
        $id = (& dotnet $dll --print-id | Out-String).Trim()
        if ($LASTEXITCODE -ne 0 -or -not $id) {
            [Console]::Error.WriteLine("run-all.ps1: $name did not print its id (--print-id).")
            $failed += $name; $unidentified++; continue
        }
        $ids += $id
        Write-Host ''
        Write-Host "=== $id ($($project.Name)) ==="
        $log = Join-Path $work "$id.stderr"
        $current = $id
        & dotnet $dll --out (Join-Path $outRoot $id) 2> $log
        $code = $LASTEXITCODE
        $current = $null
        Get-Content $log -ErrorAction SilentlyContinue | ForEach-Object { [Console]::Error.WriteLine($_) }
        if ($code -eq 0) { $ran++ }
        else {
            AddFailure $id (OneLineError $id $code $log)
            [Console]::Error.WriteLine("run-all.ps1: scenario $id failed; results/$id was left as it was.")
            $failed += $id
        }
    }
    $completed = $true
}
finally {
    if (-not $completed) {
        # Ctrl+C: the running scenario removed its staging folder; record it and write the index of what is there.
        if ($current) { AddFailure $current "${current}: interrupted (Ctrl+C); its results were left as they were"; $failed += $current }
        & dotnet $tool index $outRoot --failures $failures | Out-Null
        [Console]::Error.WriteLine("run-all.ps1: interrupted after $ran of $($projects.Count) scenario(s) ran.")
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    }
}

if ($mode -eq 'run' -and $unidentified -eq 0) {
    # Drop results of scenarios that no longer exist, so the index lists only current ones.
    foreach ($dir in @(Get-ChildItem -Path results -Directory)) {
        if ((Test-Path (Join-Path $dir.FullName 'report.json')) -and ($ids -notcontains $dir.Name) -and ($dir.Name -notmatch '\.(staging|old)-[0-9]+$')) {
            Write-Host "Removing results/$($dir.Name): no scenario has that id any more."
            Remove-Item -Recurse -Force $dir.FullName
        }
    }
}

try {
    $claims = (& dotnet $tool index $outRoot --failures $failures --summary | Out-String).Trim()
    if ($LASTEXITCODE -ne 0) { $status = 1 }
    Write-Host ''
    if ($mode -eq 'check') {
        Write-Host "Comparing with the committed results/ (relative tolerance $tolerance)..."
        & dotnet $tool compare results $outRoot --tolerance $tolerance
        if ($LASTEXITCODE -ne 0) { $status = 1 }
    }
}
finally {
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

$summary = "$ran of $($projects.Count) scenario(s) ran"
if ($failed.Count -gt 0) {
    $summary += "; $($failed.Count) failed: $($failed -join ' ')"
    if ($mode -eq 'run') { $summary += ' (their earlier results are kept and marked failed in results/README.md)' }
    $status = 1
}
Write-Host "$summary."
if ($mode -eq 'run') { Write-Host "See results/README.md: $claims." }
exit $status
