using System.Text.Json;
using Matcher.Eligibility;
using Matcher.Matching;
using Matcher.Serialization;

namespace Matcher.Golden;

/// <summary>
/// Golden cases written as data (cases/*.json): a profile, a date, and the expected verdict and missing facts for
/// some scholarships. See cases/README.md for the format.
/// </summary>
public class GoldenCaseTests
{
    private static readonly string CasesDirectory = Path.Combine(AppContext.BaseDirectory, "cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CasesDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_GivesExpectedVerdictsAndMissingFacts(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(CasesDirectory, file)));
        var root = doc.RootElement;
        var asOf = DateOnly.Parse(root.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(StudentProfileJson.TryRead(root.GetProperty("profile"), out var profile, out var errors, file), string.Join("\n", errors));

        var report = TestCatalog.Matcher.Match(profile, new MatchRequest { AsOf = asOf, IncludeIneligible = true });
        var problems = new List<string>();
        foreach (var expected in root.GetProperty("expected").EnumerateObject())
        {
            var match = report.Matches.SingleOrDefault(m => m.ScholarshipId == expected.Name);
            if (match is null)
            {
                problems.Add($"{expected.Name}: not in the catalog");
                continue;
            }

            var verdict = expected.Value.GetProperty("verdict").GetString();
            if (EnumText.Of(match.Verdict) != verdict)
            {
                var reasons = string.Join("; ", match.Reasons.Where(r => r.Verdict != Verdict.Pass).Select(r => $"{r.Criterion}={EnumText.Of(r.Verdict)} ({r.Code})"));
                problems.Add($"{expected.Name}: expected {verdict}, got {EnumText.Of(match.Verdict)} [{reasons}]");
                continue;
            }

            var expectedMissing = expected.Value.TryGetProperty("missing", out var m)
                ? m.EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal).ToArray()
                : [];
            var actualMissing = match.Missing.Order(StringComparer.Ordinal).ToArray();
            if (!expectedMissing.SequenceEqual(actualMissing))
            {
                problems.Add($"{expected.Name}: expected missing [{string.Join(", ", expectedMissing)}], got [{string.Join(", ", actualMissing)}]");
            }
        }

        Assert.True(problems.Count == 0, file + ":\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Cases_CoverEveryContractIdBothWays()
    {
        string[] contractIds =
        [
            "beca18-2026-ordinaria", "beca18-2026-vraem", "beca18-2026-huallaga", "beca18-2026-proteccion", "beca18-2026-ffaa",
            "beca18-2026-repared", "beca18-2026-cna", "beca18-2026-pa", "beca18-2026-eib", "beca18-2026-hijos-docentes",
            "beca-permanencia-2025", "beca-generacion-bicentenario-2025", "beca-tec-2025",
        ];
        var seen = new HashSet<(string, string)>();
        var files = Directory.EnumerateFiles(CasesDirectory, "*.json").ToArray();
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var e in doc.RootElement.GetProperty("expected").EnumerateObject())
            {
                seen.Add((e.Name, e.Value.GetProperty("verdict").GetString()!));
            }
        }

        Assert.True(files.Length >= 40, $"{files.Length} golden cases; at least 40 are required.");
        var gaps = contractIds.SelectMany(id => new[] { "eligible", "ineligible" }.Where(v => !seen.Contains((id, v))).Select(v => $"{id}:{v}")).ToArray();
        Assert.True(gaps.Length == 0, "No golden case for: " + string.Join(", ", gaps));
    }
}
