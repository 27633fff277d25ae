using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Matcher.OpenAI.Internal;

/// <summary>Token usage, cost, outcomes and latency of the model calls (meter <c>Matcher.OpenAI</c>).</summary>
internal sealed class OpenAIMetrics : IDisposable
{
    public const string MeterName = "Matcher.OpenAI";

    private readonly Meter _meter;
    private readonly Counter<long> _tokens;
    private readonly Counter<double> _cost;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _cacheHits;
    private readonly Histogram<double> _duration;

    public OpenAIMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _tokens = _meter.CreateCounter<long>("matcher.openai.tokens", "{token}", "Tokens used, by model, operation and direction (input/output).");
        _cost = _meter.CreateCounter<double>("matcher.openai.cost", "USD", "Cost of the tokens used, from the configured price table.");
        _requests = _meter.CreateCounter<long>("matcher.openai.requests", "{request}", "Model calls by outcome.");
        _cacheHits = _meter.CreateCounter<long>("matcher.openai.cache.hits", "{hit}", "Parses served from the cache.");
        _duration = _meter.CreateHistogram<double>("matcher.openai.duration", "s", "Duration of a model call, retries included.");
    }

    public void Usage(string model, string operation, long input, long output, Matcher.OpenAI.ModelPrice? price)
    {
        var tags = new TagList { { "model", model }, { "operation", operation } };
        _tokens.Add(input, new TagList { { "model", model }, { "operation", operation }, { "direction", "input" } });
        _tokens.Add(output, new TagList { { "model", model }, { "operation", operation }, { "direction", "output" } });
        if (price is not null)
        {
            _cost.Add((double)((input * price.InputPerMillionTokens) + (output * price.OutputPerMillionTokens)) / 1_000_000, tags);
        }
    }

    public void Request(string model, string operation, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "model", model }, { "operation", operation }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    public void CacheHit(string operation) => _cacheHits.Add(1, new TagList { { "operation", operation } });

    public void Dispose() => _meter.Dispose();
}
