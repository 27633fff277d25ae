using System.CommandLine;
using System.Globalization;
using Matcher.Keras;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher model inspect FILE</c> and <c>matcher model predict FILE --input FILE.csv</c> (CONTRACT §4).</summary>
internal static class ModelCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var culture = context.Culture;
        var inspectFile = new Argument<string>("FILE") { Description = CliText.Get("model.inspect.description", culture) };
        var inspect = new Command("inspect", CliText.Get("model.inspect.description", culture)) { inspectFile, common.Lang };
        inspect.SetAction(parse => Inspect(parse.GetValue(inspectFile)!, context));

        var predictFile = new Argument<string>("FILE") { Description = CliText.Get("model.predict.description", culture) };
        var input = new Option<string>("--input") { Description = CliText.Get("model.input", culture), HelpName = "FILE.csv", Required = true };
        var predict = new Command("predict", CliText.Get("model.predict.description", culture)) { predictFile, input, common.Lang };
        predict.SetAction(parse => Predict(parse.GetValue(predictFile)!, parse.GetValue(input)!, context));
        return new Command("model", CliText.Get("model.description", culture)) { inspect, predict };
    }

    internal static IKerasModel Load(string path, CultureInfo culture)
    {
        try
        {
            return KerasModelLoader.Load(path);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException(CliText.Get("err.file-not-found", culture, ("path", path)));
        }
        catch (KerasModelException ex)
        {
            throw new UsageException(CliText.Get("err.model", culture, ("message", ex.Message)));
        }
    }

    private static int Inspect(string path, CliContext context)
    {
        var culture = context.Culture;
        KerasModelInfo info;
        try
        {
            info = KerasModelLoader.Inspect(path);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException(CliText.Get("err.file-not-found", culture, ("path", path)));
        }
        catch (KerasModelException ex)
        {
            throw new UsageException(CliText.Get("err.model", culture, ("message", ex.Message)));
        }

        var o = context.Output;
        o.WriteLine(CliText.Get("model.format", culture, ("format", info.Format), ("version", info.KerasVersion), ("class", info.ModelClass), ("params", info.ParameterCount.ToString("N0", culture)), ("hash", info.ModelHash[..16])));
        foreach (var t in info.Inputs)
        {
            o.WriteLine(CliText.Get("model.io", culture, ("kind", CliText.Get("model.kind.input", culture)), ("name", t.Name), ("shape", string.Join(",", t.Shape)), ("integer", t.IsInteger ? " int" : string.Empty)));
        }

        foreach (var t in info.Outputs)
        {
            o.WriteLine(CliText.Get("model.io", culture, ("kind", CliText.Get("model.kind.output", culture)), ("name", t.Name), ("shape", string.Join(",", t.Shape)), ("integer", string.Empty)));
        }

        foreach (var l in info.Layers)
        {
            var shape = l.OutputShape is null ? "?" : "[" + string.Join(",", l.OutputShape) + "]";
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(l.IsSupported ? " " : "✗")} {l.Name} ({l.ClassName}) {shape} {l.ParameterCount}{(l.Detail is null ? string.Empty : " — " + l.Detail)}"));
        }

        if (info.TestVectorCount > 0)
        {
            o.WriteLine(CliText.Get("model.tests", culture, ("count", info.TestVectorCount)));
        }

        var bad = info.UnsupportedLayers;
        o.WriteLine(bad.Count == 0 ? CliText.Get("model.supported", culture) : CliText.Get("model.unsupported", culture, ("count", bad.Count)));
        return bad.Count == 0 ? ExitCodes.Success : ExitCodes.InvalidRows;
    }

    private static int Predict(string path, string inputPath, CliContext context)
    {
        var culture = context.Culture;
        var model = Load(path, culture);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(inputPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException(CliText.Get("err.file-not-found", culture, ("path", inputPath)));
        }

        var values = new List<float>();
        var errors = new List<string>();
        var rows = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != model.InputWidth)
            {
                errors.Add(CliText.Get("err.predict-row", culture, ("line", i + 1), ("message", CliText.Get("err.predict-width", culture, ("expected", model.InputWidth), ("actual", cells.Length)))));
                continue;
            }

            foreach (var cell in cells)
            {
                if (float.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    values.Add(v);
                }
                else
                {
                    errors.Add(CliText.Get("err.predict-row", culture, ("line", i + 1), ("message", CliText.Get("err.predict-number", culture, ("value", cell.Trim())))));
                    values.Add(0);
                }
            }

            rows++;
        }

        if (errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, errors));
        }

        var outputs = new float[rows * model.OutputWidth];
        try
        {
            model.Predict(values.ToArray(), outputs, rows);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }

        for (var r = 0; r < rows; r++)
        {
            context.Output.WriteLine(string.Join(',', outputs.AsSpan(r * model.OutputWidth, model.OutputWidth).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }

        return ExitCodes.Success;
    }
}
