using System.Text;
using Matcher.Cli.Input;
using Matcher.Serialization;
using SharpFuzz;

// One target per run (afl++ runs the process once and feeds it inputs): each reader must either accept the input or
// reject it with errors; any other exception is a finding, and afl++ records the input that caused it.
var target = args.Length == 1 ? args[0] : "";
Action<Stream>? run = target switch
{
    "profile-json" => ProfileJson,
    "csv" => Csv,
    "json-lines" => JsonLines,
    "catalog-entry" => CatalogEntry,
    _ => null,
};
if (run is null)
{
    Console.Error.WriteLine("usage: Matcher.Fuzz profile-json|csv|json-lines|catalog-entry   (input on stdin, driven by afl-fuzz)");
    return 2;
}

Fuzzer.OutOfProcess.Run(run);
return 0;

static void ProfileJson(Stream input)
{
    if (!StudentProfileJson.TryParse(ReadAll(input), out var profile, out var errors))
    {
        Check(errors);
    }
    else
    {
        _ = StudentProfileJson.Serialize(profile);
    }
}

static void CatalogEntry(Stream input)
{
    try
    {
        _ = ScholarshipJson.Parse(Encoding.UTF8.GetString(ReadAll(input)), "entry.json");
    }
    catch (MatcherInputException ex)
    {
        Check(ex.Errors);
    }
}

static void JsonLines(Stream input)
{
    foreach (var row in StudentBatchReader.ReadJsonLinesAsync(input, "batch.jsonl").ToBlockingEnumerable())
    {
        Check(row.Errors);
    }
}

static void Csv(Stream input)
{
    var (reader, header, headerErrors, malformed) = StudentBatchReader.OpenCsv(input, "batch.csv");
    using (reader)
    {
        Check(headerErrors);
        if (headerErrors.Count == 0)
        {
            foreach (var row in StudentBatchReader.ReadCsvRows(reader, header, malformed, "batch.csv"))
            {
                Check(row.Errors);
            }
        }
    }
}

static byte[] ReadAll(Stream input)
{
    using var buffer = new MemoryStream();
    input.CopyTo(buffer);
    return buffer.ToArray();
}

// A rejection must name a place and render: a message that throws, or an error without a path, is a finding too.
static void Check(IReadOnlyList<InputError> errors)
{
    foreach (var error in errors)
    {
        if (error.Path.Length == 0 || error.Describe().Length == 0 || error.Describe(Matcher.Explanations.MatcherCultures.English).Length == 0)
        {
            throw new InvalidOperationException("An error without a place: " + error.Code);
        }
    }
}
