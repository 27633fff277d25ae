using System.Text.Json;

namespace Matcher.Keras.Loading;

/// <summary>
/// Test vectors carried with a model: <c>{"inputs": [[...]] | {"name": [[...]]}, "outputs": ..., "atol"?, "rtol"?}</c>,
/// the format of the project's <c>*.expected.json</c> fixtures (tools/train_keras_ranker.py writes it).
/// </summary>
internal sealed record TestVectors(int Rows, float[] Inputs, float[] Outputs, double? AbsoluteTolerance, double? RelativeTolerance)
{
    public static TestVectors Parse(string json, IReadOnlyList<KerasTensorInfo> inputs, IReadOnlyList<KerasTensorInfo> outputs)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var (rows, x) = ReadRows(root.GetProperty("inputs"), inputs);
        var (outRows, y) = ReadRows(root.GetProperty("outputs"), outputs);
        if (rows != outRows)
        {
            throw new FormatException($"{rows} input rows but {outRows} output rows");
        }

        double? Number(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        return new TestVectors(rows, x, y, Number("atol"), Number("rtol"));
    }

    /// <summary>Reads a matrix (one tensor) or an object of matrices keyed by tensor name, into joined rows.</summary>
    public static (int Rows, float[] Values) ReadRows(JsonElement element, IReadOnlyList<KerasTensorInfo> tensors)
    {
        var perTensor = new List<float[][]>();
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var t in tensors)
            {
                perTensor.Add(Matrix(element.GetProperty(t.Name), t));
            }
        }
        else
        {
            if (tensors.Count != 1)
            {
                throw new FormatException($"the model has {tensors.Count} inputs or outputs; give them as an object keyed by name");
            }

            perTensor.Add(Matrix(element, tensors[0]));
        }

        var rows = perTensor[0].Length;
        if (perTensor.Any(p => p.Length != rows))
        {
            throw new FormatException("tensors have different numbers of rows");
        }

        var values = new List<float>();
        for (var r = 0; r < rows; r++)
        {
            foreach (var p in perTensor)
            {
                values.AddRange(p[r]);
            }
        }

        return (rows, [.. values]);
    }

    private static float[][] Matrix(JsonElement element, KerasTensorInfo tensor)
    {
        var rows = element.EnumerateArray().Select(r =>
        {
            var flat = new List<float>();
            Flatten(r, flat);
            return flat.ToArray();
        }).ToArray();
        if (rows.Any(r => r.Length != tensor.Width))
        {
            throw new FormatException($"rows of '{tensor.Name}' must hold {tensor.Width} values");
        }

        return rows;
    }

    private static void Flatten(JsonElement e, List<float> into)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Flatten(item, into);
            }
        }
        else
        {
            into.Add((float)e.GetDouble());
        }
    }
}
