using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Matcher.Deployment;

/// <summary>A seeded, varied batch of profiles in JSON Lines (CONTRACT §1), with some rows that must be rejected.</summary>
internal static class StudentBatch
{
    private static readonly string[] Ubigeos = ["090101", "150101", "080101", "050101", "120101", "030101", "160101", "250101", "210101", "130101", "040101"];
    private static readonly string[] Sisfoh = ["extremePoor", "poor", "notPoor"];
    private static readonly string[] Ranks = ["firstPlace", "secondPlace", "topTenth", "topFifth", "topThird", "topHalf", "belowHalf"];
    private static readonly string[] Statuses = ["inLastGrade", "graduated", "notCompleted"];
    private static readonly string[] Genders = ["female", "male", "other", "undisclosed"];
    private static readonly string[] Zones = ["vraem", "huallaga", "none"];
    private static readonly string[] Languages = ["quechua", "aimara", "ashaninka", "awajun"];

    /// <summary>
    /// <paramref name="count"/> rows; every row whose 1-based line is in <paramref name="invalidLines"/> is broken
    /// (a grade out of the 0–20 range, or malformed JSON).
    /// </summary>
    public static string JsonLines(int count, int seed, params int[] invalidLines)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var line = 1; line <= count; line++)
        {
            if (Array.IndexOf(invalidLines, line) >= 0)
            {
                text.Append(line % 2 == 0
                    ? $$$"""{"id":"bad-{{{line}}}","basicEducation":{"gradeAverage":27}}"""
                    : """{"id": "broken", "nationality": """);
                text.Append('\n');
                continue;
            }

            text.Append(JsonSerializer.Serialize(Profile(random, line))).Append('\n');
        }

        return text.ToString();
    }

    private static Dictionary<string, object?> Profile(Random random, int line)
    {
        var ubigeo = Pick(random, Ubigeos);
        var profile = new Dictionary<string, object?>
        {
            ["id"] = string.Create(CultureInfo.InvariantCulture, $"st-{line:D5}"),
            ["nationality"] = random.Next(20) == 0 ? "VE" : "PE",
            ["birthDate"] = new DateOnly(2003, 1, 1).AddDays(random.Next(0, 365 * 6)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["gender"] = Pick(random, Genders),
            ["residenceUbigeo"] = ubigeo,
            ["basicEducation"] = new Dictionary<string, object?>
            {
                ["modality"] = "ebr",
                ["status"] = Pick(random, Statuses),
                ["graduationYear"] = 2021 + random.Next(5),
                ["schoolUbigeo"] = ubigeo,
                ["schoolManagement"] = random.Next(4) == 0 ? "private" : "public",
                ["schoolZone"] = Pick(random, Zones),
                ["coar"] = random.Next(10) == 0,
                ["academicRank"] = Pick(random, Ranks),
                ["gradeAverage"] = Math.Round(11 + (random.NextDouble() * 9), 1),
            },
            ["previousHigherStudies"] = random.Next(8) == 0,
            ["holdsScholarship"] = random.Next(12) == 0,
        };

        // Leave facts out at random: an absent fact is unknown, and the reports list it as missing.
        if (random.Next(4) != 0)
        {
            profile["sisfoh"] = new Dictionary<string, object?> { ["classification"] = Pick(random, Sisfoh), ["validUntil"] = "2027-06-30" };
        }

        if (random.Next(3) != 0)
        {
            profile["monthlyPerCapitaIncome"] = random.Next(150, 2500);
        }

        if (random.Next(3) == 0)
        {
            profile["conditions"] = new Dictionary<string, object?> { ["disability"] = random.Next(6) == 0, ["familyProtection"] = random.Next(8) == 0 };
        }

        profile["nativeLanguages"] = random.Next(3) == 0 ? new[] { Pick(random, Languages) } : Array.Empty<string>();
        return profile;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
