using System.Globalization;
using System.Net;
using System.Security.Claims;
using Matcher.Ingestion;
using Matcher.Ingestion.Fetching;
using Matcher.Portal.Catalog;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Sources;

/// <summary>A refused registration: the field and why, in Spanish and English; or no field when the user may not.</summary>
internal sealed record SourceProblem(string? Field, string Spanish, string English);

/// <summary>Registers sources for the API and the portal with the same checks: kind, public http(s) URL, interval, call, ownership.</summary>
internal sealed class SourceRegistry(
    IDbContextFactory<MatcherDbContext> databases,
    IOptions<SourceSchedulerOptions> options,
    IOptions<IngestionOptions> ingestion,
    TimeProvider time)
{
    public static SourceProblem Forbidden { get; } = new(null, "", "");

    public SourceSchedulerOptions Options => options.Value;

    public async Task<(CatalogSource? Source, SourceProblem? Problem)> CreateAsync(ClaimsPrincipal user, string? kind, string? urlText, string? callId, int? providerId, int? intervalMinutes, CancellationToken cancellationToken)
    {
        if (!SourceKinds.IsKnown(kind))
        {
            return (null, new SourceProblem("kind", "Indique web, feed o manual.", "Give web, feed or manual."));
        }

        Uri? url = null;
        if ((kind != "manual" || urlText is not null) && UrlProblem(urlText, out url) is { } urlProblem)
        {
            return (null, urlProblem);
        }

        var interval = intervalMinutes ?? options.Value.DefaultIntervalMinutes;
        if (IntervalProblem(interval) is { } intervalProblem)
        {
            return (null, intervalProblem);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        int provider;
        if (kind != "feed" || !string.IsNullOrEmpty(callId))
        {
            if (string.IsNullOrWhiteSpace(callId))
            {
                return (null, new SourceProblem("callId", "Indique la convocatoria de la que trata la fuente.", "Give the call the source is about."));
            }

            var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, cancellationToken).ConfigureAwait(false);
            if (call is null)
            {
                return (null, new SourceProblem("callId", $"No existe la convocatoria '{callId}'.", $"There is no call '{callId}'."));
            }

            provider = call.ProviderId;
        }
        else
        {
            var own = await OwnProviderAsync(db, user, cancellationToken).ConfigureAwait(false);
            var asked = providerId ?? own;
            if (asked is null || !await db.Providers.AnyAsync(p => p.Id == asked, cancellationToken).ConfigureAwait(false))
            {
                return (null, new SourceProblem("providerId", "Indique el proveedor cuyas convocatorias actualiza el feed.", "Give the provider whose calls the feed updates."));
            }

            provider = asked.Value;
        }

        if (!await CatalogEditor.MayEditAsync(db, user, provider, cancellationToken).ConfigureAwait(false))
        {
            return (null, Forbidden);
        }

        var now = time.GetUtcNow();
        var actor = CurrentActor.Name(user);
        var source = new CatalogSource
        {
            ProviderId = provider,
            CallId = string.IsNullOrEmpty(callId) ? null : callId,
            Kind = kind!,
            Url = url?.ToString(),
            IntervalMinutes = interval,
            Status = "new",
            NextCheckAt = kind == "manual" || url is null ? null : now,
            CreatedBy = actor,
            CreatedAt = now,
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        AuditLog.Add(db, time, actor, "source.create", "source", source.Id.ToString(CultureInfo.InvariantCulture), $"{source.Kind} {source.Url} {source.CallId}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await db.Entry(source).Reference(s => s.Provider).LoadAsync(cancellationToken).ConfigureAwait(false);
        return (source, null);
    }

    public SourceProblem? IntervalProblem(int interval) =>
        interval < options.Value.MinIntervalMinutes || interval > 525_600
            ? new SourceProblem("intervalMinutes", $"Entre {options.Value.MinIntervalMinutes} y 525600 minutos.", $"Between {options.Value.MinIntervalMinutes} and 525600 minutes.")
            : null;

    public SourceProblem? UrlProblem(string? text, out Uri? url)
    {
        url = null;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return new SourceProblem("url", "Indique una URL http(s) absoluta.", "Give an absolute http(s) URL.");
        }

        if (IPAddress.TryParse(parsed.DnsSafeHost, out var address) && !AddressClassifier.IsAllowed(address, ingestion.Value.AllowLoopback))
        {
            return new SourceProblem("url", "La dirección no es pública; solo se consultan sitios públicos.", "The address is not public; only public sites are fetched.");
        }

        url = parsed;
        return null;
    }

    /// <summary>The provider a user is limited to: none for admins and API keys with <c>catalog:write</c>; -1 for a user without one.</summary>
    public static async Task<int?> OwnProviderAsync(MatcherDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (CurrentActor.IsAdmin(user) || user.HasClaim(ApiScopes.ClaimType, ApiScopes.CatalogWrite))
        {
            return null;
        }

        var userId = CurrentActor.Id(user);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.ProviderId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? -1;
    }
}
