using System.Text;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Portal.Data;

/// <summary>The synthetic demo cohort shipped with the host (Data/Seed/README.md).</summary>
internal static class DemoCohort
{
    public static IReadOnlyList<StudentProfile> Load()
    {
        using var stream = typeof(DemoCohort).Assembly.GetManifestResourceStream("Matcher.Portal.demo-students.jsonl")
            ?? throw new InvalidOperationException("The demo cohort is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var profiles = new List<StudentProfile>();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length > 0)
            {
                profiles.Add(StudentProfileJson.TryParse(Encoding.UTF8.GetBytes(text), out var profile, out var errors, "demo-students.jsonl", line)
                    ? profile
                    : throw new MatcherInputException(errors));
            }
        }

        return profiles;
    }
}
