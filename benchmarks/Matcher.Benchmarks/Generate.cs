using System.Globalization;
using Matcher.Properties;
using Matcher.Serialization;

namespace Matcher.Benchmarks;

/// <summary>Writes a cohort as JSON Lines for the command-line measurement. Usage: generate COUNT FILE.jsonl [seed].</summary>
internal static class Generate
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: generate COUNT FILE.jsonl [seed]");
            return 2;
        }

        var count = int.Parse(args[0], CultureInfo.InvariantCulture);
        var random = new Random(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 9);
        using var writer = new StreamWriter(args[1]);
        for (var i = 0; i < count; i++)
        {
            writer.WriteLine(StudentProfileJson.Serialize(Completion.Partial(random, 0.2, "st-" + i.ToString("D7", CultureInfo.InvariantCulture))));
        }

        return 0;
    }
}
