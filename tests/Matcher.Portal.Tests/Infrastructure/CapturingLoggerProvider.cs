using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Matcher.Portal.Infrastructure;

/// <summary>
/// Keeps every log entry the host writes, at every level: the formatted message, each structured value, the scopes
/// around it and the exception, so that a test can search all of it.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>Every entry so far, one string each.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new System.Text.StringBuilder();
            line.Append(logLevel).Append(' ').Append(category).Append('[').Append(eventId.Id).Append("] ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    line.Append(" | ").Append(key).Append('=').Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            owner._scopes.ForEachScope((scope, sb) => sb.Append(" | scope: ").Append(scope), line);
            if (exception is not null)
            {
                line.Append(" | ").Append(exception);
            }

            owner._lines.Enqueue(line.ToString());
        }
    }
}

/// <summary>A host whose every log entry, down to Trace, is captured.</summary>
public class LogCaptureHost : PortalHost
{
    public CapturingLoggerProvider Logs { get; } = new();

    public override bool IsPostgres => false;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Logging:LogLevel:Default", "Trace"), new("Logging:LogLevel:Microsoft", "Trace"), new("Logging:LogLevel:Microsoft.AspNetCore", "Trace"), new("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace")];

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(Logs);
            logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        });

    protected override string CreateDatabase() =>
        $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("matcher-logs-").FullName, "matcher.db")}";
}

/// <summary>The same on PostgreSQL, with a password in the connection string (the test server trusts loopback and ignores it).</summary>
public sealed class PostgresLogCaptureHost : LogCaptureHost
{
    public const string DatabasePassword = "Db-Secret-Qxz-8472";

    public override bool IsPostgres => true;

    protected override string CreateDatabase() => PostgresServer.NewDatabase() + ";Password=" + DatabasePassword;
}
