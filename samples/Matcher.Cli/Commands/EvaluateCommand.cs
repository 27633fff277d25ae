using System.CommandLine;
using System.Globalization;
using Matcher.Keras;
using Matcher.MLNet.Evaluation;
using Matcher.MLNet.Outcomes;
using Matcher.MLNet.Ranking;
using Matcher.MLNet.Simulation;
using Matcher.Ranking;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Cli.Commands;

/// <summary>
/// <c>matcher evaluate --outcomes FILE.csv --ranker weighted|lightgbm:FILE|keras:FILE</c> (CONTRACT §4), and
/// <c>matcher outcomes simulate|train</c> to make the synthetic data and a LightGBM model.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var culture = context.Culture;
        var outcomes = new Option<string>("--outcomes") { Description = CliText.Get("evaluate.outcomes", culture), HelpName = "FILE.csv", Required = true };
        var ranker = new Option<string>("--ranker") { Description = CliText.Get("evaluate.ranker", culture), HelpName = "weighted|lightgbm:FILE|keras:FILE", DefaultValueFactory = _ => "weighted" };
        var seed = new Option<int>("--seed") { Description = CliText.Get("evaluate.seed", culture), DefaultValueFactory = _ => 2026 };
        var command = new Command("evaluate", CliText.Get("evaluate.description", culture)) { outcomes, ranker, seed, common.Catalog, common.Lang };
        command.SetAction(parse => Evaluate(parse.GetValue(outcomes)!, parse.GetValue(ranker)!, parse.GetValue(seed), parse.GetValue(common.Catalog), context));
        return command;
    }

    public static Command CreateOutcomes(CliContext context, CommonOptions common)
    {
        var culture = context.Culture;
        var outFile = new Option<string>("--out") { Description = CliText.Get("outcomes.out", culture), HelpName = "FILE", Required = true };
        var students = new Option<int>("--students") { Description = CliText.Get("outcomes.students", culture), DefaultValueFactory = _ => 1500 };
        var seed = new Option<int>("--seed") { Description = CliText.Get("outcomes.seed", culture), DefaultValueFactory = _ => 2026 };
        var simulate = new Command("simulate", CliText.Get("outcomes.simulate.description", culture)) { outFile, students, seed, common.Catalog, common.Lang };
        simulate.SetAction(parse =>
        {
            using var services = CommandSupport.BuildServices(parse.GetValue(common.Catalog), context);
            var n = parse.GetValue(students);
            var rows = OutcomeSimulator.Simulate(services, new OutcomeSimulationOptions { Students = n, Seed = parse.GetValue(seed) });
            var path = parse.GetValue(outFile)!;
            using (var writer = new StreamWriter(path))
            {
                OutcomesCsv.Write(writer, rows);
            }

            context.Output.WriteLine(CliText.Get("outcomes.simulated", culture, ("rows", rows.Count), ("students", n), ("path", path)));
            return ExitCodes.Success;
        });

        var input = new Option<string>("--outcomes") { Description = CliText.Get("evaluate.outcomes", culture), HelpName = "FILE.csv", Required = true };
        var model = new Option<string>("--out") { Description = CliText.Get("outcomes.out", culture), HelpName = "MODEL.zip", Required = true };
        var trainSeed = new Option<int>("--seed") { Description = CliText.Get("evaluate.seed", culture), DefaultValueFactory = _ => 2026 };
        var train = new Command("train", CliText.Get("outcomes.train.description", culture)) { input, model, trainSeed, common.Catalog, common.Lang };
        train.SetAction(parse =>
        {
            using var services = CommandSupport.BuildServices(parse.GetValue(common.Catalog), context);
            var rows = ReadOutcomes(parse.GetValue(input)!, culture);
            var path = parse.GetValue(model)!;
            var queries = LightGbmRankerTrainer.Train(services, rows, path, new LightGbmTrainingOptions { Seed = parse.GetValue(trainSeed) });
            context.Output.WriteLine(CliText.Get("outcomes.trained", culture, ("queries", queries), ("path", path)));
            return ExitCodes.Success;
        });
        var featuresInput = new Option<string>("--outcomes") { Description = CliText.Get("evaluate.outcomes", culture), HelpName = "FILE.csv", Required = true };
        var featuresOut = new Option<string>("--out") { Description = CliText.Get("outcomes.out", culture), HelpName = "FEATURES.csv", Required = true };
        var featuresSeed = new Option<int>("--seed") { Description = CliText.Get("evaluate.seed", culture), DefaultValueFactory = _ => 2026 };
        var features = new Command("features", CliText.Get("outcomes.features.description", culture)) { featuresInput, featuresOut, featuresSeed, common.Catalog, common.Lang };
        features.SetAction(parse =>
        {
            using var services = CommandSupport.BuildServices(parse.GetValue(common.Catalog), context);
            var rows = ReadOutcomes(parse.GetValue(featuresInput)!, culture);
            var path = parse.GetValue(featuresOut)!;
            int written;
            using (var writer = new StreamWriter(path))
            {
                written = OutcomeFeaturesCsv.Write(services, rows, writer, parse.GetValue(featuresSeed));
            }

            context.Output.WriteLine(CliText.Get("outcomes.features-written", culture, ("rows", written), ("path", path)));
            return ExitCodes.Success;
        });
        return new Command("outcomes", CliText.Get("outcomes.description", culture)) { simulate, train, features };
    }

    private static int Evaluate(string outcomesPath, string rankerSpec, int seed, string? catalog, CliContext context)
    {
        var culture = context.Culture;
        using var services = CommandSupport.BuildServices(catalog, context);
        var rows = ReadOutcomes(outcomesPath, culture);
        var ranker = Ranker(rankerSpec, services, culture);
        EvaluationReport report;
        try
        {
            report = RankingEvaluator.Evaluate(services, rows, ranker, seed);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }

        var o = context.Output;
        string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
        o.WriteLine(CliText.Get("evaluate.summary", culture, ("ranker", rankerSpec), ("queries", report.Queries)));
        o.WriteLine($"  NDCG@5     {F(report.Ndcg5)}");
        o.WriteLine($"  NDCG@10    {F(report.Ndcg10)}");
        o.WriteLine($"  MAP        {F(report.MeanAveragePrecision)}");
        o.WriteLine($"  recall@10  {F(report.Recall10)}");
        o.WriteLine($"  coverage   {F(report.CatalogCoverage)}");
        o.WriteLine(CliText.Get("evaluate.fairness", culture));
        o.WriteLine("  attribute         group                       n   exposureShare  populationShare  exposureRatio  eligibleRate  eligibleRatio");
        foreach (var f in report.Fairness)
        {
            var mark = ReferenceEquals(f, report.Worst) ? "  ◀" : string.Empty;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Attribute,-17} {f.Group,-25} {f.Students,4}   {f.ExposureShare,13:F4}  {f.PopulationShare,15:F4}  {f.ExposureRatio,13:F3}  {f.EligibleRate,12:F3}  {f.EligibleRateRatio,13:F3}{mark}"));
        }

        if (report.Worst is { } w)
        {
            o.WriteLine(CliText.Get("evaluate.worst", culture, ("attribute", w.Attribute), ("group", w.Group), ("students", w.Students), ("ratio", w.WorstRatio.ToString("F3", CultureInfo.InvariantCulture))));
        }

        return ExitCodes.Success;
    }

    private static IScholarshipRanker Ranker(string spec, IServiceProvider services, CultureInfo culture)
    {
        if (spec == "weighted")
        {
            return services.GetRequiredService<IScholarshipRanker>();
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var (kind, file) = colon > 0 ? (spec[..colon], spec[(colon + 1)..]) : (spec, string.Empty);
        if (file.Length > 0 && !File.Exists(file))
        {
            throw new UsageException(CliText.Get("err.file-not-found", culture, ("path", file)));
        }

        var collection = new ServiceCollection().AddScholarshipMatcher();
        try
        {
            return kind switch
            {
                "lightgbm" when file.Length > 0 => collection.AddLightGbmRanker(file).Services.BuildServiceProvider().GetRequiredService<IScholarshipRanker>(),
                "keras" when file.Length > 0 => collection.AddKerasRanker(file).Services.BuildServiceProvider().GetRequiredService<IScholarshipRanker>(),
                _ => throw new UsageException(CliText.Get("err.ranker", culture, ("value", spec))),
            };
        }
        catch (Exception ex) when (ex is KerasModelException or InvalidDataException or InvalidOperationException or FormatException)
        {
            throw new UsageException(CliText.Get("err.model", culture, ("message", ex.Message)));
        }
    }

    private static IReadOnlyList<OutcomeRecord> ReadOutcomes(string path, CultureInfo culture)
    {
        if (!File.Exists(path))
        {
            throw new UsageException(CliText.Get("err.file-not-found", culture, ("path", path)));
        }

        using var reader = new StreamReader(path);
        var rows = OutcomesCsv.Read(reader, path, out var errors);
        if (errors.Count > 0)
        {
            throw new UsageException(CliText.Get("err.outcomes", culture) + Environment.NewLine + string.Join(Environment.NewLine, errors.Take(50).Select(e => "  " + e.Describe(culture))));
        }

        return rows;
    }
}
