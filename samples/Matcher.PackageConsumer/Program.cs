// Uses the Matcher.Core package as any application would: match one student with the built-in catalog, and check the
// answer. Usage: Matcher.PackageConsumer STUDENT.json EXPECTED_VERSION
using System.Reflection;
using Matcher;
using Matcher.Matching;
using Matcher.Serialization;
using Matcher.Students;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Matcher.PackageConsumer STUDENT.json EXPECTED_VERSION");
    return 2;
}

// The assembly must be the one from the package just packed, not a stale or project-built copy.
var version = typeof(IScholarshipMatcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
var packageVersion = version.Split('+')[0];
if (packageVersion != args[1])
{
    Console.Error.WriteLine($"Matcher.Core {packageVersion} was loaded; expected {args[1]}.");
    return 1;
}

using var services = new ServiceCollection()
    .AddScholarshipMatcher()
    .Services
    .BuildServiceProvider();

var matcher = services.GetRequiredService<IScholarshipMatcher>();
StudentProfile student;
try
{
    student = StudentProfileJson.Parse(File.ReadAllText(args[0]), args[0]);
}
catch (MatcherInputException ex)
{
    Console.Error.WriteLine(ex.Describe());
    return 2;
}

var report = matcher.Match(student, new MatchRequest { Top = 5, Language = "en", AsOf = new DateOnly(2025, 9, 20) });
Console.WriteLine($"Matcher.Core {version}, catalog {report.CatalogVersion}: {report.Matches.Count} matches for {report.StudentId}");
foreach (var match in report.Matches)
{
    Console.WriteLine($"  {match.Rank}. {match.ScholarshipId}: {match.Verdict}");
}

return report.Matches.Count > 0 ? 0 : 1;
