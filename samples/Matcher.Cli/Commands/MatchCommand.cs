using System.CommandLine;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Matcher.Cli.Input;
using Matcher.Cli.Output;
using Matcher.Matching;
using Matcher.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher match --student FILE.json | --students FILE --out FILE.jsonl [--shard I/N]</c>.</summary>
internal static class MatchCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var culture = context.Culture;
        var student = new Option<string?>("--student") { Description = CliText.Get("opt.student", culture), HelpName = "FILE.json" };
        var students = new Option<string?>("--students") { Description = CliText.Get("opt.students", culture), HelpName = "FILE.jsonl|FILE.csv" };
        var output = new Option<string?>("--out") { Description = CliText.Get("opt.out", culture), HelpName = "FILE.jsonl" };
        var shard = new Option<string?>("--shard") { Description = CliText.Get("opt.shard", culture), HelpName = "I/N" };
        var top = new Option<int?>("--top") { Description = CliText.Get("opt.top", culture), HelpName = "N" };
        var all = new Option<bool>("--all") { Description = CliText.Get("opt.all", culture) };
        var brief = new Option<bool>("--brief") { Description = CliText.Get("opt.brief", culture) };
        var command = new Command("match", CliText.Get("match.description", culture))
        {
            student, students, output, shard, common.Catalog, common.Date, top, all, brief, common.Lang, common.Format,
        };
        command.SetAction((parse, ct) =>
        {
            var date = CommandSupport.ParseDate(parse.GetValue(common.Date), culture);
            var n = parse.GetValue(top);
            if (n is <= 0)
            {
                throw new UsageException(CliText.Get("err.top", culture));
            }

            var single = parse.GetValue(student);
            var batch = parse.GetValue(students);
            if ((single is null) == (batch is null))
            {
                throw new UsageException(CliText.Get("err.student-xor-students", culture));
            }

            var request = CommandSupport.Request(date, n, parse.GetValue(all), culture) with { Explain = !parse.GetValue(brief) };
            if (single is not null)
            {
                if (parse.GetValue(output) is not null || parse.GetValue(shard) is not null)
                {
                    throw new UsageException(CliText.Get("err.out-only-batch", culture));
                }

                return Task.FromResult(MatchOne(single, request, CommandSupport.UseJson(parse, common, context), parse.GetValue(common.Catalog), context));
            }

            var outPath = parse.GetValue(output) ?? throw new UsageException(CliText.Get("err.out-required", culture));
            var (shardIndex, shardCount) = ParseShard(parse.GetValue(shard), culture);
            return MatchBatchAsync(batch!, outPath, shardIndex, shardCount, request, parse.GetValue(common.Catalog), context, ct);
        });
        return command;
    }

    internal static (int Index, int Count) ParseShard(string? text, CultureInfo culture)
    {
        if (text is null)
        {
            return (0, 1);
        }

        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n > 0 && i < n)
        {
            return (i, n);
        }

        throw new UsageException(CliText.Get("err.shard", culture, ("value", text)));
    }

    private static int MatchOne(string path, MatchRequest request, bool json, string? catalog, CliContext context)
    {
        var culture = context.Culture;
        var profile = CommandSupport.ReadProfile(path, culture);

        using var services = CommandSupport.BuildServices(catalog, context);
        var report = services.GetRequiredService<IScholarshipMatcher>().Match(profile, request);
        if (json)
        {
            context.Output.WriteLine(MatchReportJson.Serialize(report, indented: true));
        }
        else
        {
            ReportRenderer.RenderReport(context.OutConsole, report, culture);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> MatchBatchAsync(
        string path, string outPath, int shardIndex, int shardCount, MatchRequest request, string? catalog, CliContext context, CancellationToken cancellationToken)
    {
        var culture = context.Culture;
        var format = StudentBatchReader.DetectFormat(path) ?? throw new UsageException(CliText.Get("err.batch-extension", culture, ("path", path)));
        using var services = CommandSupport.BuildServices(catalog, context);
        var matcher = services.GetRequiredService<IScholarshipMatcher>();
        await using var input = CommandSupport.OpenInput(path, culture);

        IAsyncEnumerable<BatchItem> rows;
        CsvHelper.CsvReader? csv = null;
        if (format == BatchFormat.Csv)
        {
            var (reader, header, headerErrors, malformed) = StudentBatchReader.OpenCsv(input, path);
            if (headerErrors.Count > 0)
            {
                reader.Dispose();
                throw new UsageException(CliText.Get("err.invalid-header", culture, ("path", path)) + Environment.NewLine
                    + string.Join(Environment.NewLine, headerErrors.Select(e => "  " + e.Describe(culture))));
            }

            csv = reader;
            rows = StudentBatchReader.ReadCsvRows(reader, header, malformed, path).ToAsyncEnumerable();
        }
        else
        {
            rows = StudentBatchReader.ReadJsonLinesAsync(input, path, cancellationToken);
        }

        // Reports go to a temporary file that replaces the output only when the whole batch is done, so a failed run
        // never leaves a half-written file behind.
        var temp = outPath + ".partial";
        var counts = new BatchCounts { Source = path };
        try
        {
            await using (var output = OpenOutput(temp, culture))
            {
                var fixedRequest = request with { AsOf = request.AsOf ?? services.GetRequiredService<IMatcherClock>().Today() };
                var run = RunAsync(rows, matcher, fixedRequest, shardIndex, shardCount, output, counts, context, () => input.Position, cancellationToken);
                if (context.ErrorIsTerminal)
                {
                    await context.ErrorConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                        .StartAsync(async progress =>
                        {
                            var task = progress.AddTask(CliText.Get("batch.progress", culture), maxValue: Math.Max(1, input.Length));
                            using var timer = new Timer(_ => task.Value = counts.Position, null, 0, 200);
                            await run.ConfigureAwait(false);
                            task.Value = task.MaxValue;
                        }).ConfigureAwait(false);
                }
                else
                {
                    await run.ConfigureAwait(false);
                }
            }

            File.Move(temp, outPath, overwrite: true);
        }
        finally
        {
            csv?.Dispose();
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        context.Error.WriteLine(CliText.Get(
            "batch.summary",
            culture,
            ("valid", counts.Valid.ToString(CultureInfo.InvariantCulture)),
            ("invalid", counts.Invalid.ToString(CultureInfo.InvariantCulture)),
            ("skipped", counts.Skipped.ToString(CultureInfo.InvariantCulture)),
            ("out", outPath)));
        return counts.Invalid > 0 ? ExitCodes.InvalidRows : ExitCodes.Success;
    }

    /// <summary>Reads, matches (on all cores) and writes, keeping the input order; memory does not grow with the file.</summary>
    private static async Task RunAsync(
        IAsyncEnumerable<BatchItem> rows,
        IScholarshipMatcher matcher,
        MatchRequest request,
        int shardIndex,
        int shardCount,
        Stream output,
        BatchCounts counts,
        CliContext context,
        Func<long> position,
        CancellationToken cancellationToken)
    {
        var profiles = ValidProfilesAsync(rows, shardIndex, shardCount, counts, context, position, cancellationToken);
        await foreach (var line in matcher.MatchManyAsync(profiles, MatchReportJson.SerializeLine, request, cancellationToken).ConfigureAwait(false))
        {
            await output.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            counts.Valid++;
        }
    }

    /// <summary>The rows of this shard that are valid profiles with a new id; the others are reported on the error output.</summary>
    private static async IAsyncEnumerable<Students.StudentProfile> ValidProfilesAsync(
        IAsyncEnumerable<BatchItem> rows,
        int shardIndex,
        int shardCount,
        BatchCounts counts,
        CliContext context,
        Func<long> position,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Ids must be unique within a batch; 64-bit hashes keep the check's memory small for very large files.
        var seenIds = new Dictionary<ulong, int>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            counts.Position = position();
            if (row.Index % shardCount != shardIndex)
            {
                counts.Skipped++;
                continue;
            }

            var errors = row.Errors;
            if (row.Profile is { } profile)
            {
                var key = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(profile.Id));
                if (!seenIds.TryGetValue(key, out var firstLine))
                {
                    seenIds[key] = row.Line;
                    yield return profile;
                    continue;
                }

                errors = [new InputError("$.id", "input.duplicate-student-id", new Dictionary<string, object?> { ["value"] = profile.Id, ["other"] = firstLine }) { Line = row.Line, Source = counts.Source }];
            }

            counts.Invalid++;
            foreach (var error in errors)
            {
                context.Error.WriteLine(error.Describe(context.Culture));
            }
        }
    }

    private static FileStream OpenOutput(string path, CultureInfo culture)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(CliText.Get("err.file-unwritable", culture, ("path", path), ("detail", ex.Message)));
        }
    }

    private sealed class BatchCounts
    {
        private long _position;

        public string? Source { get; init; }

        /// <summary>Bytes of the input read so far, for the progress bar (written by the reader, read by the timer).</summary>
        public long Position
        {
            get => Interlocked.Read(ref _position);
            set => Interlocked.Exchange(ref _position, value);
        }

        public long Valid { get; set; }

        public long Invalid { get; set; }

        public long Skipped { get; set; }
    }
}
