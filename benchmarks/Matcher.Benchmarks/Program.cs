using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using Matcher.Benchmarks;

// `latency` and `cohort` measure what BenchmarkDotNet does not (per-call percentiles, peak memory of a whole run),
// and `generate` writes a cohort file for the command-line measurement; anything else goes to BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "latency" => Latency.Run(args.Skip(1).ToArray()),
    "cohort" => Cohort.Run(args.Skip(1).ToArray()),
    "generate" => Generate.Run(args.Skip(1).ToArray()),
    "stats" => Stats.Run(args.Skip(1).ToArray()),
    "keras-export" => KerasExport.Run(args.Skip(1).ToArray()),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var config = DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, new P99Column())
        .WithOptions(ConfigOptions.JoinSummary);
    BenchmarkSwitcher.FromAssembly(typeof(EligibilityBenchmark).Assembly).Run(args, config);
    return 0;
}
