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

    public ReportTable Noise { get; } = new("label-noise", ["data set", "training labels flipped", "bagged deep trees test error (95% Wilson)", "boosted stumps test error (95% Wilson)", "boosted 8-leaf trees test error (95% Wilson)"]);

    public ReportTable Changes { get; } = new("relative-changes", ["data set", "variance: bagged vs one deep tree", "bias²: bagged vs one deep tree", "bias²: boosted stumps vs one stump", "extra noise damage of boosting (error)"]);

    public List<Figure> SizeFigures { get; } = [];

    public List<Figure> BiasFigures { get; } = [];

    public List<Figure> NoiseFigures { get; } = [];

    public List<Effect> Effects { get; } = [];

    public List<string> Summaries { get; } = [];

    public IReadOnlyList<ReportTable> Tables => [Data, Checks, Staging, Finals, Sizes, Diversity, OutOfBag, Bias, Changes, Noise];

    public IReadOnlyList<Figure> Figures => [.. SizeFigures, .. BiasFigures, .. NoiseFigures];
}
