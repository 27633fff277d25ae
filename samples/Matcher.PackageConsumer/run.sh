#!/usr/bin/env bash
# The NuGet story end to end: pack every package into artifacts/packages (eng/pack.sh), restore this consumer from
# that local folder feed (nuget.config), build it, run a match with the library, then install the matcher tool from
# the same feed and run it.
#   samples/Matcher.PackageConsumer/run.sh           (VERSION_SUFFIX=... to choose the prerelease suffix; default "local")
#   SKIP_PACK=1 samples/Matcher.PackageConsumer/run.sh   (reuse the packages already in artifacts/packages)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

suffix="${VERSION_SUFFIX-local}"
prefix="$(dotnet msbuild src/Matcher.Core/Matcher.Core.csproj -nologo -getProperty:VersionPrefix)"
version="$prefix${suffix:+-$suffix}"
feed="$root/artifacts/packages"
work="$root/artifacts/consumer"

if [ "${SKIP_PACK:-}" != 1 ]; then
  VERSION_SUFFIX="$suffix" eng/pack.sh "$feed"
fi

# Packages of this repository must come fresh from the feed: drop them from the consumer's private cache, keep the rest.
mkdir -p "$work/packages"
rm -rf "$work"/packages/matcher.* "$work/bin" "$work/obj" "$work/tools"

# Every library package just packed is referenced, so each one is proven to restore and resolve its dependencies.
props="$work/Matcher.Packages.props"
{
  echo '<Project>'
  echo '  <ItemGroup>'
  for package in "$feed"/*.nupkg; do
    nuspec="$(unzip -p "$package" '*.nuspec')"
    [[ $nuspec =~ \<id\>([^<]+)\</id\> ]] || { echo "consumer: no <id> in $package" >&2; exit 1; }
    id="${BASH_REMATCH[1]}"
    grep -q 'packageType name="DotnetTool"' <<< "$nuspec" && continue
    [ "$id" = Matcher.Core ] && continue
    echo "    <PackageVersion Include=\"$id\" Version=\"$version\" />"
    echo "    <PackageReference Include=\"$id\" />"
  done
  echo '  </ItemGroup>'
  echo '</Project>'
} > "$props"

echo "consumer: restoring Matcher packages $version from ${feed#"$root"/}"
dotnet restore "$here" -p:MatcherVersion="$version" -p:MatcherPackagesProps="$props" -nologo -v:q
dotnet build "$here" --no-restore -c Release -p:MatcherVersion="$version" -p:MatcherPackagesProps="$props" -nologo -v:q -clp:ErrorsOnly
dotnet "$work/bin/Release/net10.0/Matcher.PackageConsumer.dll" samples/students/huancavelica.json "$version"

echo "consumer: installing the matcher tool $version from ${feed#"$root"/}"
dotnet tool install Matcher.Cli --version "$version" --tool-path "$work/tools" --configfile "$here/nuget.config" > /dev/null
report="$("$work/tools/matcher" match --student samples/students/huancavelica.json --date 2025-09-20 --format json)"
grep -q '"scholarshipId": *"beca18-2026-ordinaria"' <<< "$report" \
  || { echo "consumer: the installed tool's report does not list beca18-2026-ordinaria" >&2; exit 1; }
echo "consumer: the installed matcher tool answered a match report"
