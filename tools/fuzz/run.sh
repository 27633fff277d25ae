#!/usr/bin/env bash
# Fuzzes the readers of user files with afl++ through the SharpFuzz harness (docs/fuzzing.md), for a bounded time per
# target, from a seed corpus built from the repository's real files:
#
#   tools/fuzz/run.sh [SECONDS] [TARGET...]      # default 120 s for each of profile-json csv json-lines catalog-entry
#
# Findings (inputs that crashed a reader, or hung it past 5 s) land in artifacts/fuzz/TARGET/default/{crashes,hangs}.
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_PER_TARGET="${1:-120}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(profile-json csv json-lines catalog-entry)

export DEBIAN_FRONTEND=noninteractive
for tool in afl-fuzz jq; do
  command -v "$tool" > /dev/null || { apt-get update -qq; apt-get install -y -qq afl++ jq > /dev/null; }
done

OUT=artifacts/fuzz
BIN="$OUT/bin"
rm -rf "$BIN"
mkdir -p "$OUT"
dotnet tool restore > /dev/null
dotnet build tools/fuzz -c Release -o "$BIN" --nologo -v quiet
# Instrument the libraries under test (not the harness): the core readers and the command line's batch reader.
dotnet sharpfuzz "$BIN/Matcher.Core.dll"
dotnet sharpfuzz "$BIN/matcher.dll" 2> /dev/null || dotnet sharpfuzz "$BIN/Matcher.Cli.dll"

# Seeds: the sample students and the golden cases' profiles, JSON Lines made of them, a CSV class, the catalog entries.
SEEDS="$OUT/seeds"
rm -rf "$SEEDS"
mkdir -p "$SEEDS"/{profile-json,json-lines,csv,catalog-entry}
cp samples/students/*.json "$SEEDS/profile-json/"
i=0
for f in tests/Matcher.Core.Tests/cases/*.json; do
  jq -c .profile "$f" > "$SEEDS/profile-json/case-$i.json"
  i=$((i + 1))
  [ $i -lt 12 ] || break
done
for n in 0 1 2; do
  ls "$SEEDS"/profile-json/case-*.json | sed -n "$((n * 3 + 1)),$((n * 3 + 3))p" | xargs cat > "$SEEDS/json-lines/batch-$n.jsonl"
done
cp tools/fuzz/corpus/csv/*.csv "$SEEDS/csv/"
for f in data/catalog/scholarships/beca-tec-2025.json data/catalog/scholarships/beca18-2026-ordinaria.json data/catalog/scholarships/chevening-2025.json; do
  cp "$f" "$SEEDS/catalog-entry/"
done

for target in "${TARGETS[@]}"; do
  echo "== $target for ${SECONDS_PER_TARGET}s"
  rm -rf "${OUT:?}/$target"
  AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
    timeout $((SECONDS_PER_TARGET + 60)) afl-fuzz -V "$SECONDS_PER_TARGET" -i "$SEEDS/$target" -o "$OUT/$target" -t 5000 -m none \
    -- dotnet "$BIN/Matcher.Fuzz.dll" "$target" > "$OUT/$target.log" 2>&1 || true
  stats="$OUT/$target/default/fuzzer_stats"
  if [ -f "$stats" ]; then
    awk -F' *: *' '$1 ~ /^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time)$/ { printf "%s=%s ", $1, $2 } END { print "" }' "$stats"
  else
    echo "afl-fuzz did not start; see $OUT/$target.log"; tail -20 "$OUT/$target.log"; exit 1
  fi
done

found=$(find "$OUT" -path '*/crashes/id:*' | wc -l)
echo "crashes found: $found"
[ "$found" -eq 0 ]
