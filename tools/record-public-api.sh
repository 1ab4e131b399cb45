#!/usr/bin/env bash
# Records new public API of the packaged libraries in PublicAPI.Unshipped.txt (from the RS0016 errors of a
# build), so that an intended API change is one reviewed diff of those files. Run it after such a change.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/ClassicalML.Evaluation src/ClassicalML.Data src/ClassicalML.Models; do
  for round in 1 2 3; do
    log=$(dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 || true)
    own=$(realpath "$project")
    new=$(grep -F "$own/" <<<"$log" | grep -o "RS0016: Symbol '[^']*'" | sed "s/RS0016: Symbol '//; s/'$//" | sort -u || true)
    [ -z "$new" ] && break
    printf '%s\n' "$new" >> "$project/PublicAPI.Unshipped.txt"
    { head -n 1 "$project/PublicAPI.Unshipped.txt"; tail -n +2 "$project/PublicAPI.Unshipped.txt" | sort -u; } > "$project/PublicAPI.tmp"
    mv "$project/PublicAPI.tmp" "$project/PublicAPI.Unshipped.txt"
    echo "$project: recorded $(wc -l <<<"$new") symbol(s)"
  done
done
