using System.Text.Json.Nodes;
using Matcher.MLNet;
using Matcher.MLNet.Outcomes;
using Matcher.Ranking.Features;
using Microsoft.Extensions.DependencyInjection;
using static Matcher.Keras.SyntheticModel;

namespace Matcher.Benchmarks;

/// <summary>
/// <c>keras-export OUTCOMES.csv OUT.keras</c>: fits a 25-32-1 MLP (relu, sigmoid) to the training split of an outcomes
/// file with plain SGD on the logistic loss (relevant = applied to) and writes it in the Keras 3 <c>.keras</c> layout.
/// Keras cannot run here; this gives <c>matcher evaluate --ranker keras:FILE</c> a trained model to measure.
/// tools/train_keras_ranker.py is how a data scientist trains one in Keras.
/// </summary>
internal static class KerasExport
{
    public static int Run(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: keras-export OUTCOMES.csv OUT.keras");
            return 2;
        }

        using var services = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider();
        using var reader = new StreamReader(args[0]);
        var outcomes = OutcomesCsv.Read(reader, args[0], out var errors);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"{errors.Count} invalid rows in {args[0]}");
            return 1;
        }

        var groups = OutcomeGroups.Build(new Candidates(services), outcomes, test: false, seed: 2026, asOf: null);
        var rows = new List<(float[] X, float Y)>();
        foreach (var g in groups)
        {
            var f = new float[g.Candidates.Count * RankingFeatures.Count];
            RankingFeatures.Compute(g.Student, g.Candidates, f);
            for (var i = 0; i < g.Candidates.Count; i++)
            {
                rows.Add((f.AsSpan(i * RankingFeatures.Count, RankingFeatures.Count).ToArray(), g.Labels[i] > 0 ? 1 : 0));
            }
        }

        const int inputs = 25, hidden = 32;
        var random = new Random(2026);
        var w1 = Enumerable.Range(0, inputs * hidden).Select(_ => (float)(Normal(random) * Math.Sqrt(2.0 / inputs))).ToArray();
        var b1 = new float[hidden];
        var w2 = Enumerable.Range(0, hidden).Select(_ => (float)(Normal(random) * Math.Sqrt(1.0 / hidden))).ToArray();
        var b2 = new float[1];
        var h = new float[hidden];
        const double rate = 0.05;
        for (var epoch = 0; epoch < 30; epoch++)
        {
            foreach (var (x, y) in rows.OrderBy(_ => random.Next()))
            {
                for (var j = 0; j < hidden; j++)
                {
                    double s = b1[j];
                    for (var i = 0; i < inputs; i++)
                    {
                        s += x[i] * w1[(i * hidden) + j];
                    }

                    h[j] = (float)Math.Max(0, s);
                }

                double z = b2[0];
                for (var j = 0; j < hidden; j++)
                {
                    z += h[j] * w2[j];
                }

                var g = (1 / (1 + Math.Exp(-z))) - y;
                for (var j = 0; j < hidden; j++)
                {
                    var gh = h[j] > 0 ? g * w2[j] : 0;
                    w2[j] -= (float)(rate * g * h[j]);
                    b1[j] -= (float)(rate * gh);
                    for (var i = 0; i < inputs; i++)
                    {
                        w1[(i * hidden) + j] -= (float)(rate * gh * x[i]);
                    }
                }

                b2[0] -= (float)(rate * g);
            }
        }

        var model = new Keras.SyntheticModel(
            [
                new Keras.TLayer("InputLayer", "features", Cfg(("batch_input_shape", new JsonArray(null, inputs))), []),
                new Keras.TLayer("Dense", "hidden", Cfg(("units", hidden), ("activation", "relu"), ("use_bias", true)), [("kernel", [inputs, hidden], w1), ("bias", [hidden], b1)], "features"),
                new Keras.TLayer("Dense", "score", Cfg(("units", 1), ("activation", "sigmoid"), ("use_bias", true)), [("kernel", [hidden, 1], w2), ("bias", [1], b2)], "hidden"),
            ],
            ["features"],
            ["score"]);
        File.WriteAllBytes(args[1], model.WriteKeras3Zip());
        File.WriteAllText(args[1] + ".features.json", $"{{\"version\":\"{RankingFeatures.Version}\"}}");
        Console.WriteLine($"{rows.Count} rows from {groups.Count} training students; wrote {args[1]}");
        return 0;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(Math.Max(1e-12, random.NextDouble()))) * Math.Cos(2 * Math.PI * random.NextDouble());
}
