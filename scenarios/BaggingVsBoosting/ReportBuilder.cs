namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>The tables and figures of a run, filled data set by data set by <see cref="Steps"/>.</summary>
internal sealed class ReportBuilder
{
    public ReportTable Data { get; } = new("data", ["data set", "training rows", "test rows", "features", "positive share (test)"]);

    public ReportTable Checks { get; } = new("learner-checks", ["data set", "learner", "trees", "leaves (largest tree)", "training error"]);

    public ReportTable Staging { get; } = new("staging-check", ["data set", "model", "trees", "max |staged score at T - model score|"]);

    public ReportTable Sizes { get; } = new("ensemble-size", ["data set", "learner", "members", "test error", "test AUC", "out-of-bag error", "rows without out-of-bag member"]);

    public ReportTable Finals { get; } = new("final-models", ["data set", "learner", "members", "test error (95% Wilson)", "test AUC"]);

    public ReportTable Bias { get; } = new("bias-variance", ["data set", "learner", "squared loss (95% bootstrap)", "bias² incl. noise (95% bootstrap)", "variance (95% bootstrap)"]);

    public ReportTable Diversity { get; } = new("diversity", ["data set", "ensemble", "members", "mean member error", "ensemble error", "gain = member - ensemble (95% bootstrap)", "mean pairwise error correlation"]);

    public ReportTable OutOfBag { get; } = new("oob-vs-test", ["data set", "training rows", "test rows", "members", "out-of-bag error (95% Wilson)", "rows covered", "test error (95% Wilson)", "OOB - test (95% Newcombe)"]);

    public ReportBuilder(IReadOnlyList<int> matchedLeaves)
    {
        Noise = Repetitions.NewNoiseTable(matchedLeaves);
        RepetitionRows = Repetitions.NewTable(matchedLeaves);
    }

    /// <summary>One row per repetition of the weak-learner and label-noise measurements.</summary>
    public ReportTable RepetitionRows { get; }

    public ReportTable Noise { get; }

    public ReportTable WeakLearners { get; } = new("weak-learners", ["data set", "one stump − bagged stumps, test error (95% over repetitions)", "one stump − boosted stumps (95% over repetitions)", "one deep tree − bagged deep trees (main split)"]);

    public ReportTable Changes { get; } = new("relative-changes", ["data set", "variance: bagged vs one deep tree", "bias²: bagged vs one deep tree", "bias²: boosted stumps vs one stump"]);

    public List<Figure> SizeFigures { get; } = [];

    public List<Figure> BiasFigures { get; } = [];

    public List<Figure> NoiseFigures { get; } = [];

    public List<Effect> Effects { get; } = [];

    public List<string> Summaries { get; } = [];

    public ReportTable NoiseDamage { get; } = new("noise-damage-matched", ["data set", "tree size (leaves)", "boosting's extra test-error increase over bagging, clean to noisiest (95% over repetitions)"]);

    public ReportTable AdaBoost { get; } = AdaBoostNoise.NewTable();

    public ReportTable DiversityTrend { get; } = new("diversity-trend", ["data set", "diversity level", "members", "mean member error", "ensemble error", "gain = member - ensemble (95% bootstrap)", "mean pairwise error correlation"]);

    public ReportTable DiversitySummary { get; } = new("diversity-trend-summary", ["data set", "levels", "Spearman's ρ of gain vs error correlation (95% bootstrap)", "slope of gain on error correlation (95% bootstrap)"]);

    public ReportTable Voting { get; } = new("voting", ["data set", "test rows", "model", "test error (95% Wilson)", "model error − vote error (95% paired bootstrap)"]);

    public ReportTable VotingCorrelations { get; } = new("voting-error-correlations", ["data set", "members", "count", "mean pairwise error correlation"]);

    public ReportTable Convergence { get; } = new("convergence", ["data set", "trainer", "cap", "tolerance", "check", "converged"]);

    /// <summary>Wall-clock training and prediction time per member (machine-dependent: written to timings.json, never judged).</summary>
    public ReportTable MemberTimes { get; } = new("member-times", ["data set", "ensemble or member", "members", "training ms per member", "prediction ms per member (all test rows)"]);

    public List<Figure> DiversityFigures { get; } = [];

    public IReadOnlyList<ReportTable> Tables => [Data, Checks, Staging, Finals, Sizes, WeakLearners, Diversity, DiversityTrend, DiversitySummary, Voting, VotingCorrelations, Convergence, OutOfBag, Bias, Changes, Noise, RepetitionRows, NoiseDamage, AdaBoost];

    public IReadOnlyList<Figure> Figures => [.. SizeFigures, .. DiversityFigures, .. BiasFigures, .. NoiseFigures];
}
