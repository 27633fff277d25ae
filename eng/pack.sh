#!/usr/bin/env bash
# Packs every NuGet package we publish into one folder, then checks each package's metadata.
#   eng/pack.sh [OUTPUT_DIR]          (default: artifacts/packages)
#   VERSION_SUFFIX=ci.42 eng/pack.sh  (prerelease suffix; the version itself is VersionPrefix in Directory.Build.props)
# Packed: every project under src/ whose IsPackable is true (found by glob, so new libraries are picked up), except
# web applications, which ship as container images; and the matcher .NET tool (samples/Matcher.Cli).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-$root/artifacts/packages}" && cd "${1:-$root/artifacts/packages}" && pwd)"
suffix="${VERSION_SUFFIX:-}"
cd "$root"

rm -f "$out"/*.nupkg "$out"/*.snupkg
projects=()
for project in src/*/*.csproj; do
  [ -e "$project" ] || continue
  packable="$(dotnet msbuild "$project" -nologo -getProperty:IsPackable)"
  web="$(dotnet msbuild "$project" -nologo -getProperty:UsingMicrosoftNETSdkWeb)"
  if [ "$packable" = "true" ] && [ "$web" != "true" ]; then
    projects+=("$project")
  else
    echo "pack: skipping $project (IsPackable=$packable, web=${web:-false})"
  fi
done
projects+=(samples/Matcher.Cli/Matcher.Cli.csproj)

for project in "${projects[@]}"; do
  echo "pack: $project"
  dotnet pack "$project" -c Release -o "$out" -p:VersionSuffix="$suffix" -nologo -v:q -clp:ErrorsOnly
done

# Every package must carry the metadata a consumer and nuget.org expect, and a symbols package next to it.
fail=0
for package in "$out"/*.nupkg; do
  name="$(basename "$package" .nupkg)"
  nuspec="$(unzip -p "$package" '*.nuspec')"
  files="$(unzip -Z1 "$package")"
  for field in '<description>' '<license type="expression">' '<readme>' '<icon>' '<projectUrl>' '<repository type="git" url="https://github.com/'; do
    grep -qF "$field" <<< "$nuspec" || { echo "pack: $name has no $field" >&2; fail=1; }
  done
  grep -qF '<description>Package Description</description>' <<< "$nuspec" \
    && { echo "pack: $name has the SDK's placeholder description; set <Description> in its project" >&2; fail=1; }
  for file in README.md icon.png; do
    grep -qx "$file" <<< "$files" || { echo "pack: $name lacks $file" >&2; fail=1; }
  done
  [ -f "$out/$name.snupkg" ] || { echo "pack: $name has no symbols package ($name.snupkg)" >&2; fail=1; }
  # With a GitHub remote (CI on GitHub, a contributor's clone), the symbols must map sources to raw.githubusercontent.com.
  if [ -f "$out/$name.snupkg" ] && git remote get-url origin 2> /dev/null | grep -q 'github\.com'; then
    unzip -p "$out/$name.snupkg" '*.pdb' | grep -a 'raw.githubusercontent.com' > /dev/null \
      || { echo "pack: $name's symbols have no SourceLink mapping" >&2; fail=1; }
  fi
done
[ "$fail" = 0 ] || exit 1
echo "pack: $(ls "$out"/*.nupkg | wc -l) package(s) in ${out#"$root"/}:"
ls -1 "$out"
