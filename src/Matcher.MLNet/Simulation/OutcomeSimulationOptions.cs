namespace Matcher.MLNet.Simulation;

/// <summary>Settings of the synthetic-outcome simulator (docs/outcomes.md).</summary>
public sealed class OutcomeSimulationOptions
{
    /// <summary>Number of synthetic students.</summary>
    /// <value>The default value is 1,500.</value>
    public int Students { get; set; } = 1500;

    /// <summary>Seed of every random draw: the same seed gives the same file.</summary>
    /// <value>The default value is 2026.</value>
    public int Seed { get; set; } = 2026;

    /// <summary>The day students apply (eligibility and scores are computed then).</summary>
    /// <value>The default value is 2025-09-20, inside the Beca 18 2026 application window (PRONABEC, Bases 2026).</value>
    public DateOnly ApplicationDate { get; set; } = new(2025, 9, 20);

    /// <summary>The day outcomes are recorded (the <c>recordedOn</c> column).</summary>
    /// <value>The default value is 2025-12-15.</value>
    public DateOnly RecordedOn { get; set; } = new(2025, 12, 15);
}
