using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using Matcher.Serialization;

namespace Matcher.Cli.Input;

/// <summary>
/// Streams the rows of a batch file (JSON Lines or CSV) as profiles or per-row errors, one row at a time, so that a
/// file of any size is read in constant memory. A bad row never stops the rows after it.
/// </summary>
internal static class StudentBatchReader
{
    public static BatchFormat? DetectFormat(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => BatchFormat.JsonLines,
        ".csv" => BatchFormat.Csv,
        _ => null,
    };

    /// <summary>Reads JSON Lines; blank lines carry no profile and are passed over.</summary>
    public static async IAsyncEnumerable<BatchItem> ReadJsonLinesAsync(Stream stream, string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var line = 0;
        long index = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            _ = StudentProfileJson.TryParse(Encoding.UTF8.GetBytes(text), out var profile, out var errors, source, line);
            yield return new BatchItem(index++, line, profile, errors);
        }
    }

    /// <summary>Opens a CSV batch and checks its header; the rows are read by <see cref="ReadCsvRows"/>.</summary>
    public static (CsvReader Reader, IReadOnlyList<string> Header, IReadOnlyList<InputError> Errors, HashSet<long> MalformedLines) OpenCsv(Stream stream, string source)
    {
        var malformed = new HashSet<long>();
        var reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed.Add(record.LineNumber),
        }, leaveOpen: true);
        reader.ReadHeader();
        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        return (reader, header, StudentProfileCsv.ValidateHeader(header, source), malformed);
    }

    public static IEnumerable<BatchItem> ReadCsvRows(CsvReader reader, IReadOnlyList<string> header, HashSet<long> malformedLines, string source)
    {
        long index = 0;
        while (reader.Read())
        {
            var line = checked((int)reader.LineNumber);
            if (malformedLines.Contains(reader.LineNumber))
            {
                var error = new InputError("$", "input.csv-malformed", new Dictionary<string, object?>()) { Line = line, Source = source };
                yield return new BatchItem(index++, line, null, [error]);
                continue;
            }

            var cells = new string?[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            _ = StudentProfileCsv.TryRead(header, cells, line, out var profile, out var errors, source);
            yield return new BatchItem(index++, line, profile, errors);
        }
    }
}
