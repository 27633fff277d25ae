namespace Matcher.Cli.Commands;

/// <summary>The command line or an input file cannot be used; reported as exit code 2 with nothing written.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
