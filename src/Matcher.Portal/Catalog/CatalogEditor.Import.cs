using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Scholarships;
using Matcher.Serialization;
using Microsoft.EntityFrameworkCore;
using CallStatus = Matcher.Portal.Data.Entities.CallStatus;

namespace Matcher.Portal.Catalog;

/// <summary>What an import came to.</summary>
internal enum ImportOutcome
{
    Ok,
    Invalid,
    Forbidden,
    Conflict,
}

/// <summary>
/// The outcome of an import: the new call ids; the errors when invalid (each by line or element and path); the ids that
/// already exist (conflict) or whose provider the caller may not edit (forbidden).
/// </summary>
internal sealed record ImportResult(ImportOutcome Outcome, IReadOnlyList<string> Ids, IReadOnlyList<InputError> Errors, bool ByLine, string? CatalogVersion = null);

/// <summary>
/// Bulk import of catalog entries (docs/catalog.md) as new calls: every entry is validated first and every problem is
/// reported; only then are all of them written in one transaction (drafts, or published with <c>publish</c>), with
/// their revisions and audit rows, so an import is either wholly there or not at all.
/// </summary>
internal sealed partial class CatalogEditor
{
    public async Task<ImportResult> ImportAsync(ClaimsPrincipal user, byte[] body, bool publish, int maxEntries, CancellationToken cancellationToken)
    {
        var (entries, errors, byLine) = ReadEntries(body, maxEntries);
        if (errors.Count > 0)
        {
            return new ImportResult(ImportOutcome.Invalid, [], errors, byLine);
        }

        if (entries.Count == 0)
        {
            return new ImportResult(ImportOutcome.Invalid, [], [new InputError("$", "catalog.empty", new Dictionary<string, object?>())], byLine);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ids = entries.Select(e => e.Scholarship.Id).ToList();
        var existing = (await db.Calls.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        if (existing.Count > 0)
        {
            // Existing calls are changed through their own revisions (PUT with If-Match), never by an import.
            return new ImportResult(ImportOutcome.Conflict, ids.Where(existing.Contains).ToList(), [], byLine);
        }

        var providers = new Dictionary<string, Provider>(StringComparer.Ordinal);
        var programs = new Dictionary<(string, string), ScholarshipProgram>();
        var now = time.GetUtcNow();
        var actor = CurrentActorName(user);
        foreach (var entry in entries)
        {
            var s = entry.Scholarship;
            if (!providers.TryGetValue(s.Provider, out var provider))
            {
                provider = await db.Providers.SingleOrDefaultAsync(p => p.Name == s.Provider, cancellationToken).ConfigureAwait(false)
                    ?? db.Providers.Add(new Provider { Name = s.Provider }).Entity;
                if (!await MayEditAsync(db, user, provider.Id, cancellationToken).ConfigureAwait(false))
                {
                    return new ImportResult(ImportOutcome.Forbidden, [s.Id], [], byLine);
                }

                providers[s.Provider] = provider;
            }

            if (!programs.TryGetValue((s.Provider, s.Program), out var program))
            {
                program = (provider.Id == 0 ? null : await db.Programs.SingleOrDefaultAsync(p => p.ProviderId == provider.Id && p.Code == s.Program, cancellationToken).ConfigureAwait(false))
                    ?? db.Programs.Add(new ScholarshipProgram { Code = s.Program, Provider = provider }).Entity;
                programs[(s.Provider, s.Program)] = program;
            }

            var call = new ScholarshipCall
            {
                Id = s.Id,
                Provider = provider,
                Program = program,
                Status = CallStatus.Draft,
                DraftJson = entry.Json,
                Revision = 1,
                CreatedBy = actor,
                CreatedAt = now,
                UpdatedBy = actor,
                UpdatedAt = now,
            };
            db.Calls.Add(call);
            AddRevision(db, call, "imported", actor, now);
            if (publish)
            {
                call.Revision = 2;
                call.PublishedJson = call.DraftJson;
                call.PublishedRevision = 2;
                call.Status = CallStatus.Published;
                AddRevision(db, call, "published", actor, now);
            }

            AuditLog.Add(db, time, actor, publish ? "call.import-publish" : "call.import", "call", call.Id, $"revision {call.Revision}");
        }

        AuditLog.Add(db, time, actor, "calls.import", "calls", "*", string.Create(CultureInfo.InvariantCulture, $"{entries.Count} calls{(publish ? ", published" : "")}"));
        CatalogState? state = null;
        if (publish)
        {
            state = await db.CatalogStates.SingleAsync(cancellationToken).ConfigureAwait(false);
            state.Revision++;
            state.UpdatedAt = now;
        }

        try
        {
            // One SaveChanges: one transaction for every call, revision, audit row and the catalog counter.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Some id was created (or the catalog published) concurrently: nothing of this import was written.
            return new ImportResult(ImportOutcome.Conflict, [], [], byLine);
        }

        string? version = null;
        if (publish)
        {
            LogCatalogChanged("import", state!.Revision);
            version = (await catalog.ReloadAsync(cancellationToken).ConfigureAwait(false)).Version;
        }

        return new ImportResult(ImportOutcome.Ok, ids, [], byLine, version);
    }

    private static string CurrentActorName(ClaimsPrincipal user) => Security.CurrentActor.Name(user);

    private static InputError Place(ImportEntry entry, InputError error, bool byLine) =>
        byLine ? error with { Line = entry.Line } : error with { Path = $"$[{entry.Index}]" + error.Path.TrimStart('$') };

    /// <summary>The entries of a JSON array or JSON Lines body, or every error, each naming its element or line.</summary>
    private static (IReadOnlyList<ImportEntry> Entries, IReadOnlyList<InputError> Errors, bool ByLine) ReadEntries(byte[] body, int maxEntries)
    {
        var errors = new List<InputError>();
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return ([], [new InputError("$", "input.invalid-text", new Dictionary<string, object?>())], false);
        }

        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var raw = new List<(string Json, int Index, int Line)>();
        var byLine = !text.StartsWith('[');
        if (!byLine)
        {
            try
            {
                using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
                if (doc.RootElement.ValueKind != JsonValueKind.Array)
                {
                    return ([], [new InputError("$", "input.expected-type", new Dictionary<string, object?> { ["expected"] = "array", ["actual"] = "object" })], false);
                }

                var i = 0;
                foreach (var element in doc.RootElement.EnumerateArray())
                {
                    raw.Add((element.GetRawText(), i++, 0));
                }
            }
            catch (JsonException ex)
            {
                return ([], [new InputError("$", "input.invalid-json", new Dictionary<string, object?> { ["line"] = ex.LineNumber + 1, ["column"] = ex.BytePositionInLine + 1 })], false);
            }
        }
        else
        {
            var line = 0;
            foreach (var l in text.Split('\n'))
            {
                line++;
                if (!string.IsNullOrWhiteSpace(l))
                {
                    raw.Add((l.TrimEnd('\r'), raw.Count, line));
                }
            }
        }

        if (raw.Count > maxEntries)
        {
            return ([], [new InputError("$", "input.out-of-range", new Dictionary<string, object?> { ["value"] = raw.Count, ["min"] = 1, ["max"] = maxEntries })], byLine);
        }

        var entries = new List<ImportEntry>();
        var seen = new Dictionary<string, ImportEntry>(StringComparer.Ordinal);
        foreach (var (json, index, line) in raw)
        {
            try
            {
                var entry = new ImportEntry(ScholarshipJson.Parse(json), json, index, line);
                if (seen.TryGetValue(entry.Scholarship.Id, out var first))
                {
                    var other = byLine ? string.Create(CultureInfo.InvariantCulture, $"line {first.Line}") : string.Create(CultureInfo.InvariantCulture, $"$[{first.Index}]");
                    errors.Add(Place(entry, new InputError("$.id", "catalog.duplicate-id", new Dictionary<string, object?> { ["value"] = entry.Scholarship.Id, ["other"] = other }), byLine));
                }
                else
                {
                    seen[entry.Scholarship.Id] = entry;
                    entries.Add(entry);
                }
            }
            catch (MatcherInputException ex)
            {
                var at = new ImportEntry(null!, json, index, line);
                errors.AddRange(ex.Errors.Select(e => Place(at, e, byLine)));
            }
        }

        return (entries, errors, byLine);
    }

    private sealed record ImportEntry(Scholarship Scholarship, string Json, int Index, int Line);
}
