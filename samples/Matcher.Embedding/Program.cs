// The README's embedding example: match one student from a JSON file with the built-in catalog.
// Usage: dotnet run --project samples/Matcher.Embedding -- samples/students/huancavelica.json
using Matcher;
using Matcher.Matching;
using Matcher.Serialization;
using Matcher.Students;
using Microsoft.Extensions.DependencyInjection;

var path = args.Length > 0 ? args[0] : "student.json";

using var services = new ServiceCollection()
    .AddScholarshipMatcher(options => options.Weights.Need = 0.4)
    .Services
    .BuildServiceProvider();

var matcher = services.GetRequiredService<IScholarshipMatcher>();
StudentProfile student;
try
{
    student = StudentProfileJson.Parse(File.ReadAllText(path), path);
}
catch (MatcherInputException ex)
{
    Console.Error.WriteLine(ex.Describe());
    return 2;
}

var report = matcher.Match(student, new MatchRequest { Top = 10, Language = "es", AsOf = new DateOnly(2025, 9, 20) });

foreach (var match in report.Matches)
{
    Console.WriteLine($"{match.Rank}. {match.Name}: {match.Verdict} ({string.Join(", ", match.Missing)})");
}

return 0;
