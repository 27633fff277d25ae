using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Matcher.Catalog;
using Matcher.Ingestion;
using Matcher.Ingestion.Changes;
using Matcher.Ingestion.Feeds;
using Matcher.Ingestion.Fetching;
using Matcher.Ingestion.Text;
using Matcher.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Matcher.Cli.Commands;

/// <summary>
/// <c>matcher sources check --url URL [--parser offline|openai] [--call ID] [--format json]</c>: fetches a page the way
/// the host does (robots.txt, limits, public addresses only), and prints the text it reads, the draft it would make
/// and, with <c>--call</c>, the field-by-field diff against that call in the built-in catalog. Nothing is stored.
/// </summary>
internal static class SourcesCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly JsonSerializerOptions WebIndented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliContext context, CommonOptions common, Func<string, string?>? environment = null)
    {
        var culture = context.Culture;
        var url = new Option<string>("--url") { Description = CliText.Get("opt.url", culture), HelpName = "URL", Required = true };
        var parser = new Option<string?>("--parser") { Description = CliText.Get("opt.parser", culture), HelpName = "offline|openai" };
        var call = new Option<string?>("--call") { Description = CliText.Get("opt.call", culture), HelpName = "ID" };
        var loopback = new Option<bool>("--allow-loopback") { Description = CliText.Get("opt.allow-loopback", culture) };
        var check = new Command("check", CliText.Get("sources.check.description", culture)) { url, parser, call, loopback, common.Format, common.Lang };
        check.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException(CliText.Get("err.url", culture, ("value", parse.GetValue(url))));
            }

            var which = parse.GetValue(parser) ?? "offline";
            if (which is not ("offline" or "openai"))
            {
                throw new UsageException(CliText.Get("err.parser", culture, ("value", which)));
            }

            var json = CommandSupport.UseJson(parse, common, context);
            JsonObject? published = null;
            if (parse.GetValue(call) is { } callId)
            {
                var file = CatalogFiles.Embedded().FirstOrDefault(f => f.Name.EndsWith($"/{callId}.json", StringComparison.Ordinal))
                    ?? throw new UsageException(CliText.Get("err.call-not-found", culture, ("value", callId)));
                published = JsonNode.Parse(file.Content.Span)!.AsObject();
            }

            var builder = new ServiceCollection().AddLogging().AddScholarshipMatcher();
            var variables = environment ?? Environment.GetEnvironmentVariable;
            if (which == "openai")
            {
                if (string.IsNullOrWhiteSpace(variables("OPENAI_API_KEY")))
                {
                    context.Fail(CliText.Get("parse.no-key", culture));
                }
                else
                {
                    builder.AddOpenAIParsers(o => o.ApplyEnvironment(variables));
                }
            }

            var allowLoopback = parse.GetValue(loopback);
            builder.Services.AddCatalogIngestion(o =>
            {
                o.AllowLoopback = allowLoopback;
                o.PolitenessDelay = TimeSpan.Zero;
            });
            await using var services = builder.Services.BuildServiceProvider();
            var fetch = await services.GetRequiredService<IPageFetcher>().FetchAsync(new FetchRequest(address), cancellationToken).ConfigureAwait(false);
            if (fetch.Outcome != FetchOutcome.Content)
            {
                throw new UsageException(CliText.Get("sources.fetch-" + Key(fetch.Outcome), culture, ("url", fetch.FinalUrl), ("detail", fetch.Error)));
            }

            if (CatalogFeed.LooksLikeFeed(fetch.Body!) && fetch.MediaType is not "text/html")
            {
                return WriteFeed(context, json, fetch);
            }

            var page = fetch.MediaType is "text/html" or "application/xhtml+xml"
                ? HtmlText.Extract(fetch.Body!, fetch.FinalUrl)
                : new ExtractedPage(null, TextNormalizer.Normalize(fetch.Body!), [], []);
            ParseResult<ScholarshipDraft> parsed;
            try
            {
                parsed = await services.GetRequiredService<IScholarshipCallParser>().ParseAsync(page.Text, cancellationToken).ConfigureAwait(false);
            }
            catch (TextParseException ex)
            {
                throw new UsageException(ex.Describe(culture));
            }

            var result = JsonNode.Parse(ParseResultJson.Serialize(parsed, culture, indented: false))!.AsObject();
            var draft = result["draft"] as JsonObject ?? [];
            IReadOnlyList<FieldChange>? changes = published is null ? null : CallDiff.Compare(published, CallMerge.Merge(published, draft));
            if (json)
            {
                var output = new JsonObject
                {
                    ["url"] = address.ToString(),
                    ["finalUrl"] = fetch.FinalUrl.ToString(),
                    ["title"] = page.Title,
                    ["contentHash"] = ContentHash.OfNormalized(page.Text),
                    ["text"] = page.Text,
                    ["documents"] = new JsonArray(page.Documents.Select(d => (JsonNode)d.ToString()).ToArray()),
                    ["draft"] = draft.DeepClone(),
                    ["issues"] = result["issues"]?.DeepClone(),
                    ["provenance"] = result["provenance"]?.DeepClone(),
                };
                if (changes is not null)
                {
                    output["changes"] = JsonSerializer.SerializeToNode(changes.Select(c => new { path = c.Path, kind = c.Kind.ToString().ToLowerInvariant(), before = c.Before, after = c.After }));
                }

                context.Output.WriteLine(output.ToJsonString(Indented));
                return ExitCodes.Success;
            }

            Render(context, page, draft, result["issues"] as JsonArray, changes);
            return ExitCodes.Success;
        });
        return new Command("sources", CliText.Get("sources.description", culture)) { check };
    }

    private static string Key(FetchOutcome outcome) => outcome switch
    {
        FetchOutcome.NeedsManualUpload => "document",
        FetchOutcome.DisallowedByRobots => "robots",
        FetchOutcome.Blocked => "blocked",
        FetchOutcome.TooLarge => "too-large",
        FetchOutcome.UnsupportedContentType => "type",
        _ => "failed",
    };

    private static int WriteFeed(CliContext context, bool json, FetchResult fetch)
    {
        var culture = context.Culture;
        IReadOnlyList<FeedEntry> entries;
        try
        {
            entries = CatalogFeed.Read(fetch.Body!, fetch.MediaType);
        }
        catch (FeedFormatException ex)
        {
            foreach (var error in ex.Errors)
            {
                context.Fail(error.Message(culture));
            }

            return ExitCodes.InvalidRows;
        }

        if (json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(entries.Select(e => new { e.Id, e.Name, url = e.Url?.ToString(), deadline = e.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Vacancies, e.RequirementsText, e.Line }), WebIndented));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumn("id").AddColumn("deadline").AddColumn("vacancies").AddColumn("name");
        foreach (var e in entries)
        {
            table.AddRow(Markup.Escape(e.Id), e.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", e.Vacancies?.ToString(CultureInfo.InvariantCulture) ?? "", Markup.Escape(e.Name ?? ""));
        }

        context.OutConsole.Write(table);
        return ExitCodes.Success;
    }

    private static void Render(CliContext context, ExtractedPage page, JsonObject draft, JsonArray? issues, IReadOnlyList<FieldChange>? changes)
    {
        var culture = context.Culture;
        var lines = page.Text.Split('\n');
        context.Output.WriteLine(CliText.Get("sources.text", culture, ("lines", lines.Length), ("chars", page.Text.Length)));
        foreach (var line in lines.Take(15))
        {
            context.Output.WriteLine("  " + line);
        }

        if (lines.Length > 15)
        {
            context.Output.WriteLine("  …");
        }

        foreach (var document in page.Documents)
        {
            context.Output.WriteLine(CliText.Get("sources.document", culture, ("url", document)));
        }

        context.Output.WriteLine();
        context.Output.WriteLine(CliText.Get("sources.draft", culture));
        context.Output.WriteLine(draft.ToJsonString(Indented));
        foreach (var issue in issues?.OfType<JsonObject>() ?? [])
        {
            context.Output.WriteLine(issue["path"] + ": " + issue["message"]);
        }

        if (changes is null)
        {
            return;
        }

        context.Output.WriteLine();
        if (changes.Count == 0)
        {
            context.Output.WriteLine(CliText.Get("sources.no-changes", culture));
            return;
        }

        var table = new Table().AddColumn(CliText.Get("parse.col.field", culture)).AddColumn(CliText.Get("sources.col.change", culture))
            .AddColumn(CliText.Get("sources.col.before", culture)).AddColumn(CliText.Get("sources.col.after", culture));
        foreach (var c in changes)
        {
            table.AddRow(Markup.Escape(c.Path), CliText.Get("sources.kind." + c.Kind.ToString().ToLowerInvariant(), culture), Markup.Escape(c.Before ?? ""), Markup.Escape(c.After ?? ""));
        }

        context.OutConsole.Write(table);
    }
}
