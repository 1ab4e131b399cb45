#!/usr/bin/env pwsh
# Runs every scenario under scenarios/ and writes results/ (the main job of ClassicalML).
#   ./run-all.ps1                            build once in Release, run every scenario into results/<id>/, write results/README.md
#   ./run-all.ps1 --check [--tolerance X]    rerun into a temporary folder and compare with the committed results/
#                                            (numbers within relative tolerance X, default 1e-6; strings and verdicts exactly)
# Exit codes: 0 done / no difference, 1 a scenario failed or --check found differences, 2 bad arguments.
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Fail([string]$message, [int]$code) { [Console]::Error.WriteLine($message); exit $code }

$mode = 'run'
$tolerance = $null
for ($i = 0; $i -lt $args.Count; $i++) {
    $arg = [string]$args[$i]
    if ($arg -ceq '--check') { $mode = 'check' }
    elseif ($arg -ceq '--tolerance') {
        if ($i + 1 -ge $args.Count) { Fail 'run-all.ps1: --tolerance needs a value, e.g. --tolerance 1e-6.' 2 }
        $i++; $tolerance = [string]$args[$i]
    }
    elseif ($arg.StartsWith('--tolerance=', [StringComparison]::Ordinal)) { $tolerance = $arg.Substring('--tolerance='.Length) }
    elseif ($arg -in '-h', '--help') {
        Get-Content $PSCommandPath | Select-Object -Skip 1 -First 5 | ForEach-Object { $_ -replace '^# ?', '' }
        exit 0
    }
    else { Fail "run-all.ps1: unknown argument '$arg'; use --check [--tolerance X] or nothing." 2 }
}
if ($null -ne $tolerance -and $mode -ne 'check') {
    Fail 'run-all.ps1: --tolerance only applies with --check; add --check or drop --tolerance.' 2
}
if ($null -eq $tolerance) { $tolerance = '1e-6' }
if ($tolerance -notmatch '^[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$') {
    Fail "run-all.ps1: --tolerance is '$tolerance'; it must be a non-negative number such as 1e-6." 2
}

Write-Host 'Building ClassicalML in Release...'
dotnet build ClassicalML.sln -c Release --nologo -v quiet
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

$projects = @(Get-ChildItem -Path scenarios -Filter *.csproj -Recurse -Depth 1 -ErrorAction SilentlyContinue | Sort-Object FullName)
if ($projects.Count -eq 0) {
    Write-Host 'No scenario exists yet under scenarios/: nothing to run or check.'
    exit 0
}

$resultsTool = @(Get-ChildItem -Path tools/ClassicalML.Results/bin/Release/*/ClassicalML.Results.dll -ErrorAction SilentlyContinue)
if ($resultsTool.Count -ne 1) { Fail 'run-all.ps1: the results tool was not built (tools/ClassicalML.Results); is it in ClassicalML.sln?' 1 }
$tool = $resultsTool[0].FullName

if ($mode -eq 'check') {
    $outRoot = Join-Path ([IO.Path]::GetTempPath()) ('classicalml-check.' + [IO.Path]::GetRandomFileName())
    New-Item -ItemType Directory -Path $outRoot | Out-Null
}
else {
    $outRoot = 'results'
    New-Item -ItemType Directory -Path $outRoot -Force | Out-Null
}

$failed = @()
$ids = @()
$status = 0
try {
    foreach ($project in $projects) {
        $name = $project.BaseName
        $dlls = @(Get-ChildItem -Path (Join-Path $project.DirectoryName "bin/Release/*/$name.dll") -ErrorAction SilentlyContinue)
        if ($dlls.Count -ne 1) {
            [Console]::Error.WriteLine("run-all.ps1: $($project.Name) has no Release build output ($name.dll); add it to ClassicalML.sln.")
            $failed += $name; continue
        }
        $dll = $dlls[0].FullName
        $id = (& dotnet $dll --print-id | Out-String).Trim()
        if ($LASTEXITCODE -ne 0 -or -not $id) {
            [Console]::Error.WriteLine("run-all.ps1: $name did not print its id (--print-id).")
            $failed += $name; continue
        }
        $ids += $id
        Write-Host ''
        Write-Host "=== $id ($($project.Name)) ==="
        $out = Join-Path $outRoot $id
        if (Test-Path $out) { Remove-Item -Recurse -Force $out }
        & dotnet $dll --out $out
        if ($LASTEXITCODE -ne 0) {
            [Console]::Error.WriteLine("run-all.ps1: scenario $id failed.")
            $failed += $id
        }
    }

    if ($mode -eq 'run') {
        # Drop results of scenarios that no longer exist, so the index lists only current ones.
        foreach ($dir in @(Get-ChildItem -Path results -Directory)) {
            if ((Test-Path (Join-Path $dir.FullName 'report.json')) -and ($ids -notcontains $dir.Name)) {
                Write-Host "Removing results/$($dir.Name): no scenario has that id any more."
                Remove-Item -Recurse -Force $dir.FullName
            }
        }
    }

    & dotnet $tool index $outRoot
    if ($LASTEXITCODE -ne 0) { $status = 1 }
    if ($mode -eq 'check') {
        Write-Host ''
        Write-Host "Comparing with the committed results/ (relative tolerance $tolerance)..."
        & dotnet $tool compare results $outRoot --tolerance $tolerance
        if ($LASTEXITCODE -ne 0) { $status = 1 }
    }
    else {
        Write-Host ''
        Write-Host "Wrote results/ and results/README.md for $($ids.Count) scenario(s)."
    }
}
finally {
    if ($mode -eq 'check' -and (Test-Path $outRoot)) { Remove-Item -Recurse -Force $outRoot }
}

if ($failed.Count -gt 0) {
    [Console]::Error.WriteLine("run-all.ps1: $($failed.Count) scenario(s) failed: $($failed -join ' ')")
    $status = 1
}
exit $status
