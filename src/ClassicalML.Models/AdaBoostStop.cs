namespace ClassicalML.Models;

/// <summary>Why an <see cref="AdaBoostEstimator"/> stopped, as scikit-learn's <c>AdaBoostClassifier</c> does.</summary>
public enum AdaBoostStop
{
    /// <summary>All <see cref="AdaBoostOptions.NumberOfMembers"/> rounds ran.</summary>
    AllRounds = 0,

    /// <summary>A member's weighted training error was 0: it was kept with weight α = 1 (scikit-learn's value) and boosting stopped.</summary>
    PerfectMember = 1,

    /// <summary>A member's weighted training error was at least 1 − 1/K = 0.5 (no better than chance): it was discarded and boosting stopped.</summary>
    NoBetterThanChance = 2,

    /// <summary>The row weights overflowed (their sum was not finite): boosting stopped after the member that caused it.</summary>
    WeightsNotFinite = 3,
}
