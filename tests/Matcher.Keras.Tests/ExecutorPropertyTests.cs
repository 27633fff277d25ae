using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Matcher.Keras;

/// <summary>Invariants of the executor over random batches.</summary>
public class ExecutorPropertyTests
{
    private static readonly IKerasModel Zoo = KerasModelLoader.Load(new MemoryStream(SyntheticFileTests.Zoo(new Random(99)).WriteKeras3Zip()), "zoo.keras", new KerasLoadOptions { ChunkRows = 3 });

    [Property(MaxTest = 60)]
    public Property BatchedPrediction_EqualsRowByRow(PositiveInt rowsSeed, int seed)
    {
        var rows = (rowsSeed.Get % 17) + 1;
        var random = new Random(seed);
        var x = new float[rows * Zoo.InputWidth];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < 6; i++)
            {
                x[(r * Zoo.InputWidth) + i] = (float)((random.NextDouble() * 8) - 4);
            }

            x[(r * Zoo.InputWidth) + 6] = random.Next(7);
            x[(r * Zoo.InputWidth) + 7] = random.Next(7);
        }

        var batched = FixtureParityTests.Predict(Zoo, x);
        var single = Enumerable.Range(0, rows).SelectMany(r => FixtureParityTests.Predict(Zoo, x.AsSpan(r * Zoo.InputWidth, Zoo.InputWidth).ToArray())).ToArray();

        // The zoo ends in softmax then sigmoid: every output lies in (0.5, 0.74).
        return (batched.SequenceEqual(single) && batched.All(v => v > 0.5f && v < 0.74f)).ToProperty();
    }

    [Fact]
    public void Predict_IsAllocationFreeOnceWarm()
    {
        var model = KerasModelLoader.Load(new MemoryStream(KerasRankerTests.RankerModel(new Random(4), 32).WriteKeras3Zip()), "mlp.keras");
        var x = new float[500 * model.InputWidth];
        var y = new float[500 * model.OutputWidth];
        model.Predict(x, y, 500);
        var before = GC.GetAllocatedBytesForCurrentThread();
        model.Predict(x, y, 500);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
