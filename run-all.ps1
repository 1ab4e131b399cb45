#!/usr/bin/env pwsh
# Runs every scenario under scenarios/ and writes results/ (the main job of ClassicalML).
#   ./run-all.ps1            build once in Release, run every scenario, write results/
#   ./run-all.ps1 --check    rerun into a temporary folder and compare with the committed results/
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'

$mode = 'run'
foreach ($arg in $args) {
    switch ($arg) {
        '--check' { $mode = 'check' }
        { $_ -in '-h', '--help' } { Get-Content $PSCommandPath | Select-Object -Skip 1 -First 3 | ForEach-Object { $_ -replace '^# ?', '' }; exit 0 }
        default { [Console]::Error.WriteLine("run-all.ps1: unknown argument '$arg'; use --check or nothing."); exit 2 }
    }
}

Write-Host 'Building ClassicalML in Release...'
dotnet build ClassicalML.sln -c Release --nologo -v quiet
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

$projects = @(Get-ChildItem -Path scenarios -Filter *.csproj -Recurse -Depth 1 -ErrorAction SilentlyContinue)
if ($projects.Count -eq 0) {
    Write-Host 'No scenario exists yet under scenarios/: nothing to run or check.'
    exit 0
}
[Console]::Error.WriteLine('run-all.ps1: scenarios exist but the scenario runner is not wired yet.')
exit 1
