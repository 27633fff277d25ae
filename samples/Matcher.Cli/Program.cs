using Matcher.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await MatcherCli.RunAsync(args, CliContext.FromConsole(), cancellation.Token).ConfigureAwait(false);
