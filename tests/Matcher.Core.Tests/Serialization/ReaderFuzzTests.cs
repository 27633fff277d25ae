using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Matcher.Explanations;
using Matcher.Testing.Fuzz;

namespace Matcher.Serialization;

/// <summary>
/// The core readers on generated and mutated input (<see cref="BadInput.CasesPerTarget"/> cases each): they never
/// throw anything but <see cref="MatcherInputException"/>, and every rejection is a well-formed error naming a place
/// that renders in Spanish and English.
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly string[] Profiles = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "*.json")
        .Order(StringComparer.Ordinal)
        .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("profile").GetRawText())
        .ToArray();

    private static readonly string[] Entries = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "catalog-entries"), "*.json")
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllText)
        .ToArray();

    [Fact]
    public void Seeds_AreRealAndValid()
    {
        Assert.True(Profiles.Length >= 10);
        Assert.True(Entries.Length >= 10);
        Assert.All(Profiles, p => StudentProfileJson.Parse(p));
        Assert.All(Entries, e => ScholarshipJson.Parse(e));
    }

    [Fact]
    public void InvalidUtf8InAString_IsAnErrorAtItsPath()
    {
        byte[] body = [.. "{\"id\":\"a\",\"gender\":\""u8, 0xF1, .. "\"}"u8];
        Assert.False(StudentProfileJson.TryParse(body, out _, out var errors, "x.json"));
        var error = Assert.Single(errors);
        Assert.Equal(("$.gender", "input.invalid-text", "x.json"), (error.Path, error.Code, error.Source));
    }

    [Fact]
    public void EscapedLoneSurrogate_IsAnErrorAtItsPath()
    {
        var entry = Entries[0].Replace("\"id\": \"", "\"id\": \"\\ud800", StringComparison.Ordinal);
        var ex = Assert.Throws<MatcherInputException>(() => ScholarshipJson.Parse(entry, "e.json"));
        Assert.Equal(("$.id", "input.invalid-text"), (ex.Errors[0].Path, ex.Errors[0].Code));
        Assert.Contains("\\ud800", ex.Errors[0].Describe(MatcherCultures.English), StringComparison.Ordinal);
    }

    [Fact]
    public void CsvHeader_BlankColumnName_IsPlacedByItsPosition()
    {
        var errors = StudentProfileCsv.ValidateHeader(["id", "birthDate", " "], "clase.csv");
        Assert.Equal(("[3]", "input.csv-unknown-column", 1), (errors[0].Path, errors[0].Code, errors[0].Line));
    }

    [Fact]
    public void StudentProfileJson_GeneratedAndMutated_ValidOrWellFormedErrors() =>
        Run(BadInput.Cases(Profiles), c =>
        {
            var ok = StudentProfileJson.TryParse(c.Bytes, out var profile, out var errors, "fuzz.json");
            return ok ? profile is not null && errors.Count == 0 : WellFormed(errors, "fuzz.json", line: null);
        });

    [Fact]
    public void ScholarshipJson_GeneratedAndMutated_EntryOrWellFormedErrors() =>
        Run(BadInput.Cases(Entries), c =>
        {
            try
            {
                return ScholarshipJson.Parse(Encoding.UTF8.GetString(c.Bytes), "entry.json").Id.Length > 0;
            }
            catch (MatcherInputException ex)
            {
                return WellFormed(ex.Errors, "entry.json", line: null);
            }
        });

    [Fact]
    public void StudentProfileCsv_MutatedHeadersAndCells_ProfileOrErrorsOnTheirLineAndColumn()
    {
        var rows = Profiles.Select(p => StudentProfileCsv.ToCells(StudentProfileJson.Parse(p))).ToArray();
        var header = StudentProfileCsv.KnownColumns.ToArray();
        var arbitrary = (from cells in Gen.Elements(rows) from seed in Gen.Choose(0, int.MaxValue) from times in Gen.Choose(1, 6) select MutateRow(header, cells, seed, times))
            .ToArbitrary();
        Run(arbitrary, row =>
        {
            var headerErrors = StudentProfileCsv.ValidateHeader(row.Header, "clase.csv");
            if (headerErrors.Count > 0)
            {
                return WellFormed(headerErrors, "clase.csv", line: 1);
            }

            var ok = StudentProfileCsv.TryRead(row.Header, row.Cells, 7, out var profile, out var errors, "clase.csv");
            return ok
                ? profile is not null && errors.Count == 0
                : WellFormed(errors, "clase.csv", line: 7);
        });
    }

    /// <summary>Every error has a path, a known code, the given source and line, and renders in both languages.</summary>
    internal static bool WellFormed(IReadOnlyList<InputError> errors, string source, int? line) =>
        errors.Count > 0 && errors.All(e =>
            e.Path.Length > 0
            && e.Code.Length > 0
            && e.Source == source
            && (line is null || e.Line == line)
            && MessageTemplates.Template(e.Code, MatcherCultures.Spanish) is not null
            && MessageTemplates.Template(e.Code, MatcherCultures.English) is not null
            && e.Describe(MatcherCultures.Spanish).Contains(e.Path, StringComparison.Ordinal)
            && e.Describe(MatcherCultures.English).Length > e.Path.Length);

    private static void Run<T>(Arbitrary<T> cases, Func<T, bool> holds) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(BadInput.CasesPerTarget), Prop.ForAll(cases, c => holds(c).Label(c?.ToString() ?? "null")));

    private static CsvRow MutateRow(string[] header, string?[] cells, int seed, int times)
    {
        var random = new Random(seed);
        var h = header.ToList();
        var row = cells.ToList();
        string[] odd = ["", " ", "no sé", "-1", "1e309", "99999999999999999999", "15,4", "NaN", "true", "TRUE", "[]", "|", "||", "a|b|", "2025-02-30", "0000-00-00", "\u0000", "\uD800", "ñ", "{\"a\":1}", new string('9', 5000)];
        for (var i = 0; i < times; i++)
        {
            var at = random.Next(row.Count);
            switch (random.Next(8))
            {
                case 0:
                    h[at] = random.Next(2) == 0 ? h[at].ToUpperInvariant() : "extensions." + h[at];
                    break;
                case 1:
                    h.Add(h[at]);
                    row.Add(row[at]);
                    break;
                case 2:
                    row.RemoveAt(at);
                    break;
                case 3 when row[at] is { Length: > 0 } text:
                    row[at] = text[..random.Next(text.Length)];
                    break;
                case 4 when row[at] is { Length: > 0 } text:
                    var chars = text.ToCharArray();
                    chars[random.Next(chars.Length)] ^= (char)(1 << random.Next(16));
                    row[at] = new string(chars);
                    break;
                default:
                    row[at] = odd[random.Next(odd.Length)];
                    break;
            }
        }

        return new CsvRow(h, row);
    }

    private sealed record CsvRow(IReadOnlyList<string> Header, IReadOnlyList<string?> Cells)
    {
        public override string ToString() => string.Join(',', Header) + "\n" + string.Join(',', Cells.Select(c => c is { Length: > 200 } ? c[..200] + "…" : c));
    }
}
