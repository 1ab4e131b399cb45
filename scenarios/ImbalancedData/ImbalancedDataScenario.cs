using ClassicalML.Data;

namespace ClassicalML.Scenarios.ImbalancedData;

/// <summary>Settings of the imbalanced-data scenario.</summary>
public sealed record ImbalancedDataSettings : ScenarioSettings
{
    /// <summary>Rows of Satellite used (stratified subsample when below 6435).</summary>
    public int SatelliteRows { get; init; }

    /// <summary>Rows of Letter Recognition used (stratified subsample when below 20000).</summary>
    public int LetterRows { get; init; }

    /// <summary>Share of rows held out as the test set (stratified).</summary>
    public double TestFraction { get; init; }

    /// <summary>Leak check: share of the training rows held out as the validation rows each protocol reports on.</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Folds of the stratified cross-validation on the training rows whose out-of-fold scores tune the plain models' thresholds.</summary>
    public int ThresholdFolds { get; init; }

    /// <summary>L2 penalty of logistic regression (L1 is 0); ML.NET's L2 is scikit-learn's 1 / C.</summary>
    public double L2 { get; init; }

    /// <summary>FastTree: number of trees.</summary>
    public int Trees { get; init; }

    /// <summary>FastTree: leaves per tree.</summary>
    public int Leaves { get; init; }

    /// <summary>Shrinkage of the noise added to over-sampled minority rows (imbalanced-learn's smoothed bootstrap).</summary>
    public double Shrinkage { get; init; }

    /// <summary>Bootstrap resamples per interval of split 1's displays.</summary>
    public int Resamples { get; init; }

    /// <summary>Stratified train/test splits R, each with fresh remedy draws and model seeds; the claims are judged on the
    /// mean over them with the corrected resampled t interval.</summary>
    public int Splits { get; init; }

    /// <summary>Threads the splits run on (the output does not depend on it).</summary>
    public int Threads { get; init; }
}

/// <summary>
/// Question 32: what an imbalanced data set is and how to deal with it. Two real imbalanced tasks, a held-out stratified
/// test set, the always-negative baseline, logistic regression and FastTree plain, with a threshold tuned on out-of-fold
/// training scores (the fair baseline) and with five remedies, over R stratified splits; every claim judged on the mean over them.
/// </summary>
public sealed class ImbalancedDataScenario : Scenario<ImbalancedDataSettings>
{
    public override string Id => "imbalanced-data";

    public override string Title => "Imbalanced data";

    public override Question Question { get; } = new(32, "What is an imbalanced dataset? Can you list some ways to deal with it?");

    public override IReadOnlyList<Claim> Claims => Judging.All;

    public override ImbalancedDataSettings DefaultSettings { get; } = new()
    {
        Seed = 32,
        SatelliteRows = 6435,
        LetterRows = 20000,
        TestFraction = 0.5,
        ValidationFraction = 0.25,
        ThresholdFolds = 5,
        L2 = 1.0,
        Trees = 50,
        Leaves = 16,
        Shrinkage = 0.5,
        Resamples = 400,
        Splits = 15,
        Threads = 2,
    };

    public override ImbalancedDataSettings QuickSettings => DefaultSettings with { SatelliteRows = 1200, LetterRows = 2000, ThresholdFolds = 3, Trees = 5, Resamples = 20, Splits = 3 };

    public override IReadOnlyList<ScenarioOption<ImbalancedDataSettings>> Options { get; } =
    [
        Option("--satellite-rows", "Rows of Satellite used (stratified subsample; 6435 = all).", s => s.SatelliteRows, (s, v) => s with { SatelliteRows = v }, OptionRange.Integers(200, 6435)),
        Option("--letter-rows", "Rows of Letter Recognition used (stratified subsample; 20000 = all).", s => s.LetterRows, (s, v) => s with { LetterRows = v }, OptionRange.Integers(500, 20_000)),
        Option("--test-fraction", "Share of rows in the stratified test set.", s => s.TestFraction, (s, v) => s with { TestFraction = v }, OptionRange.Between(0.1, 0.5)),
        Option("--validation-fraction", "Leak check: share of training rows each protocol reports on.", s => s.ValidationFraction, (s, v) => s with { ValidationFraction = v }, OptionRange.Between(0.1, 0.5)),
        Option("--threshold-folds", "Folds whose out-of-fold scores tune the plain models' thresholds.", s => s.ThresholdFolds, (s, v) => s with { ThresholdFolds = v }, OptionRange.Integers(2, 20)),
        Option("--l2", "L2 penalty of logistic regression (L1 is 0).", s => s.L2, (s, v) => s with { L2 = v }, OptionRange.AtLeast(0)),
        Option("--trees", "FastTree: number of trees.", s => s.Trees, (s, v) => s with { Trees = v }, OptionRange.Integers(1, 1000)),
        Option("--leaves", "FastTree: leaves per tree.", s => s.Leaves, (s, v) => s with { Leaves = v }, OptionRange.Integers(2, 1024)),
        Option("--shrinkage", "Noise shrinkage of the perturbed minority copies (imbalanced-learn's smoothed bootstrap).", s => s.Shrinkage, (s, v) => s with { Shrinkage = v }, OptionRange.AtLeast(0)),
        Option("--resamples", "Bootstrap resamples per interval of split 1's displays.", s => s.Resamples, (s, v) => s with { Resamples = v }, OptionRange.Integers(10, 100_000)),
        Option("--splits", "Stratified train/test splits the claims are judged over (corrected resampled t).", s => s.Splits, (s, v) => s with { Splits = v }, OptionRange.Integers(2, 1000)),
        Option("--threads", "Threads the splits run on (the output does not depend on it).", s => s.Threads, (s, v) => s with { Threads = v }, OptionRange.Integers(1, 64)),
    ];

    public override ScenarioResult Run(ImbalancedDataSettings settings, IProgressReporter progress)
    {
        // Data: two real imbalanced tasks, loaded once; every split draws its own stratified train/test split from them.
        SourceData[] data =
        [
            Experiment.Load("satellite", "damp grey soil vs rest", Datasets.Satellite(), settings.SatelliteRows, Seeds.Derive(settings.Seed, "data set satellite")),
            Experiment.Load("letter", "letter Z vs rest", Datasets.LetterRecognition(), settings.LetterRows, Seeds.Derive(settings.Seed, "data set letter")),
        ];

        // Baseline, methods, fair baselines and the leak check on each of R splits, with fresh remedy draws and model seeds:
        // the always-negative model; LR and FastTree plain, with their threshold tuned on out-of-fold training scores, and
        // with each remedy; over-sampling before the split against after it; every L-BFGS fit checked for convergence.
        var splits = Experiment.RunSplits(data, settings, settings.Threads, progress);

        // Comparison: each claim's per-split statistic averaged over the splits (corrected resampled t interval);
        // split 1's metrics with stratified bootstrap intervals over its test rows, for the displays.
        var measured = splits.Select(s => Comparison.Measure(s, settings, progress)).ToList();

        // Judge every claim from the measured cases.
        var claims = Judging.Judge(Comparison.Cases(measured));
        return Report.Build(settings, measured, claims);
    }
}
