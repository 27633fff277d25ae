namespace Matcher.MLNet.Ranking;

/// <summary>How <see cref="LightGbmRankerTrainer"/> trains.</summary>
public sealed class LightGbmTrainingOptions
{
    /// <summary>Seed of ML.NET and of the held-out split; the same seed and data give the same model.</summary>
    /// <value>The default value is 2026.</value>
    public int Seed { get; set; } = 2026;

    /// <summary>Boosting rounds.</summary>
    /// <value>The default value is 150.</value>
    public int Iterations { get; set; } = 150;

    /// <summary>Leaves per tree.</summary>
    /// <value>The default value is 16.</value>
    public int Leaves { get; set; } = 16;

    /// <summary>Learning rate.</summary>
    /// <value>The default value is 0.1.</value>
    public double LearningRate { get; set; } = 0.1;

    /// <summary>Whether to train only on the training split (students and calls not held out), so that evaluation on the same file is fair.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool HoldOut { get; set; } = true;

    /// <summary>The date candidates are computed at; each student's earliest <c>recordedOn</c> when <see langword="null"/>.</summary>
    public DateOnly? AsOf { get; set; }
}
