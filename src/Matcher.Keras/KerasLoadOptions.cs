namespace Matcher.Keras;

/// <summary>Limits and checks applied when a Keras file is loaded.</summary>
public sealed class KerasLoadOptions
{
    /// <summary>Largest model file accepted, in bytes.</summary>
    /// <value>The default value is 256 MiB.</value>
    public long MaxFileBytes { get; set; } = 256L << 20;

    /// <summary>Largest total uncompressed size of a <c>.keras</c> zip's entries, in bytes.</summary>
    /// <value>The default value is 512 MiB.</value>
    public long MaxUncompressedBytes { get; set; } = 512L << 20;

    /// <summary>Largest ratio of uncompressed to compressed size of one zip entry (zip-bomb guard).</summary>
    /// <value>The default value is 100.</value>
    public double MaxCompressionRatio { get; set; } = 100;

    /// <summary>Whether test vectors carried by the file (or a <c>FILE.tests.json</c> sidecar) are run at load.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool VerifyTestVectors { get; set; } = true;

    /// <summary>Absolute tolerance of the test-vector check: |actual − expected| ≤ atol + rtol·|expected|.</summary>
    /// <value>The default value is 1e-5 (the file may override it).</value>
    public double AbsoluteTolerance { get; set; } = 1e-5;

    /// <summary>Relative tolerance of the test-vector check.</summary>
    /// <value>The default value is 0 (the file may override it).</value>
    public double RelativeTolerance { get; set; }

    /// <summary>Rows run at a time by the executor; bounds its scratch memory so a chunk's tensors stay in cache.</summary>
    /// <value>The default value is 64.</value>
    public int ChunkRows { get; set; } = 64;
}
