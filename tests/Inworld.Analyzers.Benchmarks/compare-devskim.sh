#!/usr/bin/env bash
# inworld-scan and the DevSkim CLI side by side on one folder, one after the other, N runs each
# (docs/performance.md, "inworld-scan"). Wall clock with .NET start-up, as a user or a CI step pays it.
#
#   tests/Inworld.Analyzers.Benchmarks/compare-devskim.sh DIR [RUNS]
#
# DevSkim is installed into .tools/devskim (once) from the NuGet feed; inworld-scan is built from this checkout.
set -euo pipefail

dir=${1:?usage: compare-devskim.sh DIR [RUNS]}
runs=${2:-3}
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
tools=${DEVSKIM_TOOL_PATH:-$root/.tools/devskim}
devskim_version=1.0.103

if [ ! -x "$tools/devskim" ]; then
  dotnet tool install --tool-path "$tools" Microsoft.CST.DevSkim.CLI --version "$devskim_version" >/dev/null
fi

dotnet build -c Release "$root/src/Inworld.Scan" -nologo -v q >/dev/null
scan="$root/src/Inworld.Scan/bin/Release/net10.0/inworld-scan.dll"
files=$(find "$dir" -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/.git/*' | wc -l)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Milliseconds of one run of "$@" (its exit code is the tool's verdict, not a failure here).
milliseconds() {
  local start end
  start=$(date +%s%N)
  "$@" >"$out/stdout" 2>"$out/stderr" || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

scan_times=()
full_times=()
devskim_times=()
for _ in $(seq "$runs"); do
  scan_times+=("$(milliseconds dotnet "$scan" --quiet --severity-threshold none "$dir")")
  full_times+=("$(milliseconds dotnet "$scan" --quiet --severity-threshold none --full-analysis "$dir")")
  devskim_times+=("$(milliseconds "$tools/devskim" analyze -I "$dir" -O "$out/devskim.sarif")")
done

scan_ms=$(printf '%s\n' "${scan_times[@]}" | median)
full_ms=$(printf '%s\n' "${full_times[@]}" | median)
devskim_ms=$(printf '%s\n' "${devskim_times[@]}" | median)

echo "folder: $dir ($files C# files), $runs runs each, medians"
printf '| Tool | Runs (ms) | Median | C# files/s | DevSkim time / this |\n|---|---|---:|---:|---:|\n'
row() { # name, median, runs...
  local name=$1 ms=$2; shift 2
  awk -v n="$name" -v ms="$ms" -v f="$files" -v d="$devskim_ms" -v r="$*" \
    'BEGIN { printf "| %s | %s | %.1f s | %d | %.1fx |\n", n, r, ms / 1000, (ms > 0 ? f * 1000 / ms : 0), (ms > 0 ? d / ms : 0) }'
}
row "inworld-scan (pre-filter)" "$scan_ms" "${scan_times[*]}"
row "inworld-scan --full-analysis" "$full_ms" "${full_times[*]}"
row "DevSkim CLI $devskim_version" "$devskim_ms" "${devskim_times[*]}"
