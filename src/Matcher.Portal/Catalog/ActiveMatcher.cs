using Matcher.Catalog;
using Matcher.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Catalog;

/// <summary>
/// The matcher requests use: the weighted one (the compiled fast path) unless a ranker model is active, in which case a
/// second pipeline over the same catalog snapshot ranks with that model. Swapped atomically when the active model
/// changes in the database; a model that fails to load leaves the weighted ranker in use.
/// </summary>
internal sealed partial class ActiveMatcher(
    IScholarshipMatcher weighted,
    ICatalogProvider catalog,
    IOptions<MatcherOptions> matcherOptions,
    TimeProvider time,
    ILogger<ActiveMatcher> logger) : IDisposable
{
    private volatile Learned? _learned;

    /// <summary>The matcher for the next request.</summary>
    public IScholarshipMatcher Current => _learned?.Matcher ?? weighted;

    /// <summary>Version of the model in use; <see langword="null"/> for the weighted ranker.</summary>
    public int? ModelVersion => _learned?.Version;

    /// <summary>Kind of the model in use.</summary>
    public string? ModelKind => _learned?.Kind;

    /// <summary>Loads a model file and checks that it ranks; throws when it cannot be used.</summary>
    public void Validate(string kind, byte[] content)
    {
        var learned = Build(0, kind, content);
        learned.Dispose();
    }

    /// <summary>Makes a stored model the ranker; the weighted one stays when the file cannot be used.</summary>
    public void Use(int version, string kind, byte[] content)
    {
        if (_learned?.Version == version)
        {
            return;
        }

        Learned fresh;
        try
        {
            fresh = Build(version, kind, content);
        }
#pragma warning disable CA1031 // A broken model file must never take matching down: the weighted ranker keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogModelRejected(version, kind, ex.GetType().Name);
            UseWeighted();
            return;
        }

        _learned = fresh;
        LogModelActive(version, kind);
    }

    public void UseWeighted()
    {
        if (_learned is not null)
        {
            _learned = null;
            LogWeighted();
        }
    }

    // A replaced pipeline is not disposed: requests that already hold it finish with it, and the collector takes it.
    public void Dispose() => _learned?.Dispose();

    private Learned Build(int version, string kind, byte[] content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "matcher-models")).FullName;
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.{(kind == "keras" ? "keras" : "zip")}");
        File.WriteAllBytes(path, content);
        var configured = matcherOptions.Value;
        var services = new ServiceCollection();
        services.AddSingleton(catalog);
        services.AddSingleton(time);
        services.AddLogging();
        var builder = services.AddScholarshipMatcher(o =>
        {
            o.Weights = configured.Weights;
            o.UrgencyHorizonDays = configured.UrgencyHorizonDays;
            o.TimeZone = configured.TimeZone;
        });
        _ = kind switch
        {
            "keras" => builder.AddKerasRanker(path),
            "lightgbm" => builder.AddLightGbmRanker(path),
            _ => throw new ArgumentException($"Unknown model kind '{kind}'.", nameof(kind)),
        };
        services.Replace(ServiceDescriptor.Singleton(catalog));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            var matcher = provider.GetRequiredService<IScholarshipMatcher>();

            // Rank one empty profile so that a file that loads but cannot score fails here, not on a student's request.
            _ = matcher.Match(new global::Matcher.Students.StudentProfile { Id = "model-check" }, new MatchRequest { Top = 5 });
            return new Learned(version, kind, matcher, provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
        finally
        {
            TryDelete(path);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Ranker model {Version} ({Kind}) is in use.")]
    private partial void LogModelActive(int version, string kind);

    [LoggerMessage(2, LogLevel.Error, "Ranker model {Version} ({Kind}) could not be used ({Error}); the weighted ranker stays.")]
    private partial void LogModelRejected(int version, string kind, string error);

    [LoggerMessage(3, LogLevel.Information, "The weighted ranker is in use.")]
    private partial void LogWeighted();

    private sealed record Learned(int Version, string Kind, IScholarshipMatcher Matcher, ServiceProvider Provider) : IDisposable
    {
        public void Dispose() => Provider.Dispose();
    }
}
