using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;
using Matcher.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Matcher.OpenAI.Internal;

/// <summary>
/// One chat-completions call with the single retry layer (Polly: total timeout → retry → attempt timeout; the SDK's
/// own retries are off), mapped to <see cref="TextParseException"/> kinds. Thread-safe.
/// </summary>
internal sealed class ChatTransport
{
    private readonly OpenAIParserOptions _options;
    private readonly OpenAIMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly Lazy<ChatClient?> _client;
    private readonly ResiliencePipeline _pipeline;

    private readonly ILogger _logger;

    public ChatTransport(OpenAIParserOptions options, TimeProvider time, OpenAIMetrics metrics, ILogger<ChatTransport>? logger = null)
    {
        _logger = logger ?? NullLogger<ChatTransport>.Instance;
        _options = options;
        _metrics = metrics;
        _time = time;
        _client = new Lazy<ChatClient?>(CreateClient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = new PredicateBuilder()
                    .Handle<ClientResultException>(e => IsTransient(e.Status))
                    .Handle<TimeoutRejectedException>()
                    .Handle<HttpRequestException>(),
                DelayGenerator = args => new ValueTask<TimeSpan?>(DelayFor(args.Outcome.Exception, args.AttemptNumber)),
                OnRetry = args =>
                {
                    Log.Retrying(_logger, args.Context.OperationKey ?? "model", args.RetryDelay, args.AttemptNumber + 1);
                    return default;
                },
            });
        }

        _pipeline = builder.AddTimeout(options.AttemptTimeout).Build();
    }

    public string Model => _options.Model;

    public OpenAIParserOptions Options => _options;

    public async Task<ChatCompletion> CompleteAsync(string operation, IReadOnlyList<ChatMessage> messages, ChatCompletionOptions request, CancellationToken cancellationToken)
    {
        var client = _client.Value ?? throw new TextParseException(ParseFailureKind.Unavailable, "OPENAI_API_KEY is not set");
        var started = _time.GetTimestamp();
        try
        {
            var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
            ChatCompletion result;
            try
            {
                result = await _pipeline.ExecuteAsync(
                    async ctx => (await client.CompleteChatAsync(messages, request, ctx.CancellationToken).ConfigureAwait(false)).Value,
                    context).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            _metrics.Request(Model, operation, "success", _time.GetElapsedTime(started));
            if (result.Usage is { } usage)
            {
                _metrics.Usage(Model, operation, usage.InputTokenCount, usage.OutputTokenCount, _options.Prices.TryGetValue(Model, out var price) ? price : null);
            }

            return result;
        }
        catch (Exception ex) when (Map(ex, cancellationToken) is { } failure)
        {
            _metrics.Request(Model, operation, EnumTextOf(failure.Kind), _time.GetElapsedTime(started));
            Log.Failed(_logger, operation, Model, failure.Kind, failure.Detail);
            throw failure;
        }
    }

    internal TimeSpan DelayFor(Exception? exception, int attempt)
    {
        if (exception is ClientResultException { } e && e.GetRawResponse() is { } response && RetryAfter(response.Headers) is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > _options.MaxRetryDelay ? _options.MaxRetryDelay : asked;
        }

        var backoff = TimeSpan.FromTicks(_options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt, 16)));
        return backoff > _options.MaxRetryDelay ? _options.MaxRetryDelay : backoff;
    }

    private TimeSpan? RetryAfter(PipelineResponseHeaders headers)
    {
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at - _time.GetUtcNow();
            }
        }

        return null;
    }

    private static bool IsTransient(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    private static TextParseException? Map(Exception ex, CancellationToken callerToken) => ex switch
    {
        TextParseException => null,
        OperationCanceledException when callerToken.IsCancellationRequested => null,
        TimeoutRejectedException t => new TextParseException(ParseFailureKind.Timeout, t.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s", t),
        ClientResultException { Status: 429 } c => new TextParseException(ParseFailureKind.RateLimited, "HTTP 429", c),
        ClientResultException { Status: 400 } c when c.Message.Contains("context_length", StringComparison.OrdinalIgnoreCase) => new TextParseException(ParseFailureKind.TooLong, "HTTP 400", c),
        ClientResultException c => new TextParseException(ParseFailureKind.Unavailable, c.Status == 0 ? "no response" : "HTTP " + c.Status.ToString(CultureInfo.InvariantCulture), c),
        HttpRequestException h => new TextParseException(ParseFailureKind.Unavailable, "connection failed", h),
        OperationCanceledException o => new TextParseException(ParseFailureKind.Timeout, "cancelled by the transport", o),
        _ => null,
    };

    private static string EnumTextOf(ParseFailureKind kind) => Serialization.EnumText.Of(kind);

    private ChatClient? CreateClient()
    {
        if (string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            return null;
        }

        var clientOptions = new OpenAIClientOptions
        {
            // The parsers' pipeline is the only retry layer; the SDK must not retry underneath it.
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = _options.AttemptTimeout + TimeSpan.FromSeconds(5),
        };
        if (_options.Endpoint is { } endpoint)
        {
            clientOptions.Endpoint = endpoint;
        }

        return new ChatClient(_options.Model, new ApiKeyCredential(_options.ApiKey), clientOptions);
    }
}
