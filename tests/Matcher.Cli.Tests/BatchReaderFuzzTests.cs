using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Matcher.Cli.Input;
using Matcher.Explanations;
using Matcher.Serialization;
using Matcher.Testing.Fuzz;

namespace Matcher.Cli;

/// <summary>
/// The command line's batch readers (JSON Lines and CSV files, as <c>matcher match --batch</c> reads them) on
/// <see cref="BadInput.CasesPerTarget"/> generated and mutated files each: they never throw, every row is a profile or
/// errors on its own line, and every error names the file, the line and a field, in Spanish and English.
/// </summary>
public sealed class BatchReaderFuzzTests
{
    private static readonly string[] Profiles = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "*.json")
        .Order(StringComparer.Ordinal)
        .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("profile").GetRawText())
        .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "students"), "*.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetRawText()))
        .ToArray();

    [Fact]
    public void JsonLines_GeneratedAndMutatedFiles_RowsAreProfilesOrErrorsOnTheirLine()
    {
        var files = Enumerable.Range(0, 8).Select(i => string.Join('\n', Profiles.Skip(i * 3).Take(4))).ToArray();
        Run(BadInput.Cases(files), c =>
        {
            var rows = StudentBatchReader.ReadJsonLinesAsync(new MemoryStream(c.Bytes), "clase.jsonl").ToBlockingEnumerable().ToList();
            return Ordered(rows) && rows.All(r => r.Profile is not null ? r.Errors.Count == 0 : WellFormed(r.Errors, "clase.jsonl", r.Line));
        });
    }

    [Fact]
    public void Csv_GeneratedAndMutatedFiles_HeaderOrRowsAreProfilesOrErrorsOnTheirLine()
    {
        var header = string.Join(',', StudentProfileCsv.KnownColumns);
        var files = Enumerable.Range(0, 8)
            .Select(i => header + "\n" + string.Join('\n', Profiles.Skip(i * 3).Take(4).Select(p => string.Join(',', StudentProfileCsv.ToCells(StudentProfileJson.Parse(p)).Select(Cell)))))
            .ToArray();
        Run(BadInput.Cases(files), c =>
        {
            var (reader, columns, headerErrors, malformed) = StudentBatchReader.OpenCsv(new MemoryStream(c.Bytes), "clase.csv");
            using (reader)
            {
                if (headerErrors.Count > 0)
                {
                    return WellFormed(headerErrors, "clase.csv", 1) || Fail(headerErrors);
                }

                var rows = StudentBatchReader.ReadCsvRows(reader, columns, malformed, "clase.csv").ToList();
                return (Ordered(rows) && rows.All(r => r.Profile is not null ? r.Errors.Count == 0 : WellFormed(r.Errors, "clase.csv", r.Line)))
                    || Fail(rows.SelectMany(r => r.Errors.Select(e => e with { Source = e.Source + " row " + r.Line.ToString(CultureInfo.InvariantCulture) })).ToList());
            }
        });
    }

    /// <summary>Puts the errors in the failure message.</summary>
    private static bool Fail(IReadOnlyList<InputError> errors) =>
        throw new InvalidOperationException(string.Join(" | ", errors.Select(e => $"{e.Source}@{e.Line} {e.Path} {e.Code}: {e.Describe(MatcherCultures.English)}")));

    private static bool Ordered(List<BatchItem> rows) =>
        rows.Select((r, i) => r.Index == i && r.Line >= 1 && (i == 0 || r.Line > rows[i - 1].Line)).All(ok => ok);

    private static bool WellFormed(IReadOnlyList<InputError> errors, string source, int line) =>
        errors.Count > 0 && errors.All(e =>
            e.Path.Length > 0
            && e.Code.Length > 0
            && (e.Source is null || e.Source == source)
            && e.Line == line
            && e.Describe(MatcherCultures.Spanish).Contains(e.Path, StringComparison.Ordinal)
            && e.Message(MatcherCultures.English).Length > 0);

    private static string Cell(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void Run(Arbitrary<Case> cases, Func<Case, bool> holds) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(BadInput.CasesPerTarget), Prop.ForAll(cases, c => holds(c).Label(c.ToString())));
}
