using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Models.Convergence;
using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.L1VsL2;

/// <summary>Everything one run measured, for the tables, figures, effects and summary.</summary>
internal sealed record RunResult(
    L1VsL2Settings Settings,
    RunData Data,
    PathSet Paths,
    double[] DropLambdas,
    DrawSet Draws,
    ReportTable GradedDropOrder,
    ReportTable Overfitting,
    TunedComparison Tuned,
    GroupResult Groups,
    (double SameLambda, double DoubleLambda, string Conclusion, ReportTable Table) Scaling,
    IReadOnlyList<(string DataSet, Penalty Penalty, string Which, double Lambda, ConvergenceCheck Check)> Convergence,
    Measurements Measurements);

/// <summary>Tables, figures, replication effects and the closing summary of a run.</summary>
internal static class Report
{
    /// <summary>Colours of the informative features in the coefficient-path figures; the noise features are grey.</summary>
    private static readonly string[] Palette = ["#1F77B4", "#D62728", "#2CA02C", "#9467BD", "#FF7F0E", "#8C564B", "#E377C2", "#17BECF"];

    private const string Grey = "#A0A0A0";

    public static List<ReportTable> Tables(RunResult run)
    {
        var sets = run.Data.Sets;
        var tables = new List<ReportTable> { SetupTable(run.Settings, run.Paths.Grid), DataTable(sets), run.Overfitting };
        tables.AddRange(sets.Select((s, d) => PathTable(s, d, run.Paths)));
        tables.Add(RecoveryTable(run.Data.Synthetic, run.Paths));
        tables.Add(DropOrderTable(sets[RunData.SyntheticIndex], run.Data.Synthetic, run.DropLambdas, run.Paths.Paths[(RunData.SyntheticIndex, Penalty.L1)][0].Weights));
        tables.Add(run.GradedDropOrder);
        tables.Add(DrawsSummaryTable(run.Draws));
        tables.Add(PerDrawTable(run.Draws));
        tables.Add(ShrinkageTable(sets, run.Paths));
        tables.AddRange([run.Tuned.Scores, run.Tuned.Differences, run.Groups.Weights, run.Groups.Shares, run.Scaling.Table, ConvergenceTable(run.Convergence)]);
        return tables;
    }

    public static List<Figure> Figures(RunResult run)
    {
        var sets = run.Data.Sets;
        var paths = run.Paths.Paths;
        double[] logGrid = [.. run.Paths.Grid.Select(Math.Log10)];
        const string x = "log10 λ (ML.NET units)";
        return
        [
            CoefficientFigure("coefficient-path-l1.png", "L1 (lasso) coefficient path, synthetic data", logGrid, paths[(RunData.SyntheticIndex, Penalty.L1)], run.Data.Synthetic),
            CoefficientFigure("coefficient-path-l2.png", "L2 (ridge) coefficient path, synthetic data", logGrid, paths[(RunData.SyntheticIndex, Penalty.L2)], run.Data.Synthetic),
            ClassicalML.Scenarios.Figures.Line("sparsity.png", "Share of weights exactly zero", x, "share of weights exactly 0",
                [
                    .. sets.Select((s, d) => new Series($"L1, {s.Name}", logGrid, [.. paths[(d, Penalty.L1)].Select(p => (double)p.Zeros / s.FeatureCount)])),
                    .. sets.Select((s, d) => new Series($"elastic net, {s.Name}", logGrid, [.. paths[(d, Penalty.ElasticNet)].Select(p => (double)p.Zeros / s.FeatureCount)])),
                    new Series("L2, largest share over the 4 data sets", logGrid,
                        [.. run.Paths.Grid.Select((_, k) => sets.Select((s, d) => (double)paths[(d, Penalty.L2)][k].Zeros / s.FeatureCount).Max())]),
                ]),
            ClassicalML.Scenarios.Figures.Line("test-auc.png", "Test ROC AUC along the path", x, "test ROC AUC",
                [.. sets.SelectMany((s, d) => new[] { Penalty.L1, Penalty.L2 }.Select(p =>
                    new Series($"{L1VsL2Scenario.PenaltyName(p)}, {s.Name}", logGrid, [.. paths[(d, p)].Select(q => q.TestAuc)])))]),
            ClassicalML.Scenarios.Figures.Bars("group-share.png", "Breast cancer: largest member's share of a correlated group",
                $"share of the group's Σ|w| (whiskers: {run.Settings.StabilityRefits} refits)", run.Groups.Bars),
            ClassicalML.Scenarios.Figures.Box("selection-over-draws.png", $"Synthetic selection and drop order over {run.Draws.Draws.Count} independent draws", "value per draw",
                [
                    new BoxGroup("recall at tuned λ", [.. run.Draws.Draws.Select(d => d.Recall)]),
                    new BoxGroup("precision at tuned λ", [.. run.Draws.Draws.Select(d => d.Precision).Where(p => !double.IsNaN(p))]),
                    new BoxGroup("synthetic: pairs in order", [.. run.Draws.Draws.Select(d => d.InformativeLast)]),
                    new BoxGroup("graded: pairs in order", [.. run.Draws.Draws.Select(d => d.GradedShare)]),
                ]),
        ];
    }

    /// <summary>The main effects, signed so that the claimed direction is positive, for the scikit-learn replication.</summary>
    public static List<Effect> Effects(RunResult run)
    {
        var sets = run.Data.Sets;
        double ZeroShare(Penalty p) => sets.Select((s, d) => (double)run.Paths.Tuned(d, p).Zeros).Sum() / sets.Sum(s => s.FeatureCount);
        var l2 = run.Paths.Paths[(RunData.BreastCancerIndex, Penalty.L2)];
        var m = run.Measurements;
        var size = m.Groups[0];
        int draws = m.Recovery.Draws;
        return
        [
            new("sonar-overfitting-test-loss-gain-l2", "sonar: test log loss of the unregularized fit minus that of L2 at its tuned λ (positive: regularization generalizes better)", m.Overfitting[0].TestLossGain.Estimate),
            new("l1-minus-l2-zero-share", "share of exactly-zero weights at the validation-tuned λ, L1 minus L2, pooled over the 4 data sets", ZeroShare(Penalty.L1) - ZeroShare(Penalty.L2)),
            new("elastic-net-zero-share", "share of exactly-zero weights of the elastic net at its validation-tuned λ, pooled over the 4 data sets", ZeroShare(Penalty.ElasticNet)),
            new("l2-norm-log-ratio", "breast cancer, L2: log10(‖w‖₂ at the largest λ / ‖w‖₂ at the smallest λ) (negative: shrinks)", Math.Log10(l2[^1].L2Norm / l2[0].L2Norm)),
            new("informative-outlive-noise", $"synthetic, L1 path: share of (informative, noise) pairs in which the informative feature is dropped at the larger λ, mean over {draws} independent draws, minus 0.5", m.DropOrder[0].Share.Estimate - 0.5),
            new("graded-drop-order", $"graded set (coefficients 1, 0.3, 0), L1 path: share of (more useful, less useful) pairs in which the more useful feature is dropped at the larger λ, mean over {draws} independent draws, minus 0.5", m.DropOrder[1].Share.Estimate - 0.5),
            new("tuned-l1-recall-minus-holds", $"synthetic, L1 at the validation-tuned λ: mean recall of the 5 informative features over {draws} independent draws, minus {Numbers.Format(Judging.RecallHoldsAt)} (the claim's holds boundary)", m.Recovery.Recall.Estimate - Judging.RecallHoldsAt),
            new("tuned-l1-precision-minus-holds", $"synthetic, L1 at the validation-tuned λ: mean precision of the kept features over {draws} independent draws, minus {Numbers.Format(Judging.PrecisionHoldsAt)} (the claim's holds boundary; negative: keeps noise)", m.Recovery.Precision.Estimate - Judging.PrecisionHoldsAt),
            new("size-group-confirming-share", $"breast cancer {size.Group}: share of bootstrap refits in which L1 keeps one member or a minority while L2 keeps all, minus 0.5",
                (size.Used == 0 ? double.NaN : (double)size.KeepsOne / size.Used) - 0.5),
            new("sonar-tuned-auc-l1-minus-l2", "sonar: test AUC(L1) − AUC(L2), each at its validation-tuned λ", m.Tuned[RunData.SonarIndex].AucDifference.Estimate),
        ];
    }

    public static string Summary(RunResult run)
    {
        var c = CultureInfo.InvariantCulture;
        var m = run.Measurements;
        var sets = run.Data.Sets;
        var (same, dbl, conclusion, _) = run.Scaling;
        bool sumScaled = conclusion.StartsWith("the SUM", StringComparison.Ordinal);
        string zeroText = string.Join(", ", m.Zeros.Select(z => string.Create(c, $"{z.DataSet} {z.ZerosAtTuned}/{z.Features}")));
        string diffText = string.Join(", ", m.Tuned.Select(d => $"{d.DataSet} {Numbers.Format(d.AucDifference)}"));
        string groupText = string.Join(", ", m.Groups.Select(g => string.Create(c, $"{g.Group} {g.KeepsOne} of the {g.Used} refits that used it (of {g.Refits})")));
        var best = BestSelection(run);
        var first = run.Draws.Draws[0];
        int noise = run.Data.Synthetic.NoiseFeatures.Count;
        string recoveryComment = first.Precision < 1 && first.Recall >= 1
            ? string.Create(c, $"draw 1 kept {noise - first.NoiseDropped} of its {noise} noise features as well, although λ = {Numbers.Format(best.Lambda)} on the same path selects with precision {Numbers.Format(best.Precision)} and recall {Numbers.Format(best.Recall)}")
            : first.Recall < 1 ? "draw 1 missed informative features" : "draw 1 selected cleanly";
        var copy = run.Groups.Copy;
        bool split = Math.Abs(Math.Abs(copy.L1Original) - Math.Abs(copy.L1Copy)) < 0.01 * Math.Max(Math.Abs(copy.L1Original), Math.Abs(copy.L1Copy));
        string copyComment = split
            ? "so with identical features 'L1 keeps one' fails: the lasso optimum is not unique and this optimizer, starting from zero with equal gradients, splits the weight"
            : "so L1 kept mostly one of the identical pair";
        int converged = run.Convergence.Count(t => t.Check.Converged);
        string overfit = string.Join("; ", m.Overfitting.Select(f => $"{f.Penalty}: test log loss lower by {Numbers.Format(f.TestLossGain)}, train–test gap smaller by {Numbers.Format(f.GapReduction)}"));
        string[] parts =
        [
            $"On sonar, against the unregularized fit (whose training loss goes to 0 on these separable rows): {overfit}. ",
            string.Create(c, $"ML.NET's L1Regularization and L2Regularization weigh the penalty against {conclusion}: refitting on every breast-cancer training row twice moved the weights by up to {Numbers.Format(same)} at the same λ but only {Numbers.Format(dbl)} at 2λ"),
            sumScaled ? string.Create(c, $", so the same λ is weaker on spambase ({sets[3].TrainRows} training rows) than on sonar ({sets[2].TrainRows}); the tables give λ / n_train, the mean-loss equivalent. ") : ". ",
            string.Create(c, $"At the validation-tuned λ, L1 (OWL-QN inside ML.NET's L-BFGS) had zeroed {zeroText} weights; L2 left {m.L2.ZeroWeights} of {m.L2.Weights} weights exactly zero over all its fits. "),
            string.Create(c, $"Over {m.Recovery.Draws} independent synthetic draws the L1 model at each draw's validation-tuned λ kept {Numbers.Format(run.Draws.Draws.Average(d => d.Kept))} features on average, with mean recall {Numbers.Format(m.Recovery.Recall)} and mean precision {Numbers.Format(m.Recovery.Precision)} for the {run.Data.Synthetic.InformativeFeatures.Count} informative ones ({recoveryComment}); "),
            $"along the path the informative features outlived the noise in a mean {Numbers.Format(m.DropOrder[0].Share)} of (informative, noise) pairs, and on the graded set L1 dropped the more useful feature later in a mean {Numbers.Format(m.DropOrder[1].Share)} of the pairs of different usefulness (95% bootstrap intervals over the draws). ",
            $"Tuned on validation, test AUC(L1) − AUC(L2) was {diffText}. ",
            $"L1 kept one member or a minority while L2 kept all in: {groupText}. {run.Groups.Stability}. ",
            string.Create(c, $"With an exact copy of {copy.Feature} added, L1 gave the two copies weights {Numbers.Format(copy.L1Original)} and {Numbers.Format(copy.L1Copy)}, {copyComment}. "),
            string.Create(c, $"{converged} of {run.Convergence.Count} convergence checks (tuned and smallest λ of every data set and penalty, and the L1 fits of a representative synthetic and graded draw, refitted with 1/100 of the tolerance) moved the weights and the objective by less than {Numbers.Format(LbfgsConvergence.DefaultThreshold)} (relative)."),
        ];
        return string.Concat(parts);
    }

    private static (double Lambda, double Precision, double Recall) BestSelection(RunResult run)
    {
        // For the summary only (it uses the truth): the path's best selection by F1.
        int[] informative = [.. run.Data.Synthetic.InformativeFeatures];
        var best = run.Paths.Paths[(RunData.SyntheticIndex, Penalty.L1)].Select((p, k) => (k, r: PathAnalysis.Recovery(p.Weights, informative)))
            .Select(t => (t.k, t.r, f1: t.r.Kept == 0 ? 0 : 2 * t.r.Precision * t.r.Recall / (t.r.Precision + t.r.Recall)))
            .OrderByDescending(t => t.f1).ThenBy(t => t.k).First();
        return (run.Paths.Grid[best.k], best.r.Precision, best.r.Recall);
    }

    private static ReportTable SetupTable(L1VsL2Settings settings, double[] grid)
    {
        var c = CultureInfo.InvariantCulture;
        return new ReportTable("setup", ["item", "value"])
            .AddRow("model", "ML.NET LbfgsLogisticRegression (L-BFGS; OWL-QN when L1Regularization > 0), NumberOfThreads = 1, OptimizationTolerance 1e-12 (ML.NET's default 1e-7 stopped half of the checked fits before the weights settled, and 1e-10 spambase's L1 fits at weak penalties) and MaximumNumberOfIterations int.MaxValue (the default); see the convergence table")
            .AddRow("objective", "Σᵢ logloss(yᵢ, σ(w·xᵢ + b)) + L1Regularization·‖w‖₁ + (L2Regularization/2)·‖w‖₂², bias not penalized (ML.NET divides it all by n, which moves no minimum; see ml-net-penalty-scaling)")
            .AddRow("penalties", "L1 only: L1Regularization = λ, L2Regularization = 0; L2 only: L1 = 0, L2 = λ (both options default to 1, so each is set explicitly); elastic net: L1 = L2 = λ/2 (scikit-learn's l1_ratio = 0.5 with C = 1/λ)")
            .AddRow("features", "z-scored with NormalizeMeanVariance(fixZero: false), mean and variance from the training rows only")
            .AddRow("split", string.Create(c, $"stratified train / validation / test = {Numbers.Percent(1 - settings.TestFraction - settings.ValidationFraction)} / {Numbers.Percent(settings.ValidationFraction)} / {Numbers.Percent(settings.TestFraction)} (TrainTestSplit.Stratified)"))
            .AddRow("λ grid", string.Create(c, $"{grid.Length} points, {Numbers.Format(grid[0])} … {Numbers.Format(grid[^1])}, {settings.PointsPerDecade} per decade (log-spaced)"))
            .AddRow("tuning", "per data set and penalty, the λ with the smallest validation log loss (the weaker λ on ties); the test rows never choose anything")
            .AddRow("exact zero", "a weight equal to 0 in LinearBinaryModelParameters.Weights (single precision)")
            .AddRow("intervals", string.Create(c, $"stratified percentile bootstrap of the test rows, {settings.BootstrapResamples} resamples (paired for differences); accuracy: Wilson score interval; group shares: 2.5–97.5% range over {settings.StabilityRefits} bootstrap refits of the training rows; share of confirming refits: Wilson score interval"));
    }

    private static ReportTable DataTable(PreparedData[] sets)
    {
        var table = new ReportTable("data-sets", ["data set", "features", "train rows", "validation rows", "test rows"]);
        foreach (var s in sets)
        {
            table.AddRow(s.Name, s.FeatureCount, s.TrainRows, s.ValidationLabels.Length, s.TestLabels.Length);
        }

        return table;
    }

    private static ReportTable PathTable(PreparedData set, int d, PathSet paths)
    {
        var table = new ReportTable("path-" + set.Name.Replace(' ', '-'),
            ["λ", "λ / n_train", "L1 zeros", "L1 ‖w‖₂", "L1 val log loss", "L1 test AUC", "L2 zeros", "L2 ‖w‖₂", "L2 val log loss", "L2 test AUC", "EN zeros", "EN val log loss", "EN test AUC"]);
        for (int k = 0; k < paths.Grid.Length; k++)
        {
            var a = paths.Paths[(d, Penalty.L1)][k];
            var b = paths.Paths[(d, Penalty.L2)][k];
            var e = paths.Paths[(d, Penalty.ElasticNet)][k];
            table.AddRow(paths.Grid[k], paths.Grid[k] / set.TrainRows, a.Zeros, a.L2Norm, a.ValidationLogLoss, a.TestAuc, b.Zeros, b.L2Norm, b.ValidationLogLoss, b.TestAuc, e.Zeros, e.ValidationLogLoss, e.TestAuc);
        }

        return table;
    }

    private static ReportTable RecoveryTable(SyntheticClassification synthetic, PathSet paths)
    {
        int[] informative = [.. synthetic.InformativeFeatures];
        var table = new ReportTable("synthetic-recovery",
            ["λ", "L1 kept", "L1 precision", "L1 recall", "EN kept", "EN precision", "EN recall", "tuned on validation"]);
        for (int k = 0; k < paths.Grid.Length; k++)
        {
            var a = PathAnalysis.Recovery(paths.Paths[(RunData.SyntheticIndex, Penalty.L1)][k].Weights, informative);
            var e = PathAnalysis.Recovery(paths.Paths[(RunData.SyntheticIndex, Penalty.ElasticNet)][k].Weights, informative);
            string mark = string.Join(", ", Experiment.Penalties.Where(p => paths.TunedIndex[(RunData.SyntheticIndex, p)] == k).Select(L1VsL2Scenario.PenaltyName));
            table.AddRow(paths.Grid[k], a.Kept, a.Precision, a.Recall, e.Kept, e.Precision, e.Recall, mark);
        }

        return table;
    }

    private static ReportTable DrawsSummaryTable(DrawSet draws)
    {
        var table = new ReportTable("selection-over-draws",
            ["quantity", "mean over the draws (95% percentile bootstrap over draws)", "draws", "SD per draw", "min", "median", "max"]);
        void Row(string name, Interval mean, IEnumerable<double> values)
        {
            var v = values.ToList();
            var (sd, min, median, max) = Draws.Spread(v);
            table.AddRow(name, mean, v.Count(x => !double.IsNaN(x)), sd, min, median, max);
        }

        Row("recall at the tuned λ (synthetic)", draws.Recovery.Recall, draws.Draws.Select(d => d.Recall));
        Row("precision at the tuned λ (synthetic; draws keeping a feature)", draws.Recovery.Precision, draws.Draws.Select(d => d.Precision));
        Row("share of (informative, noise) pairs dropped in order (synthetic)", draws.DropOrder[0].Share, draws.Draws.Select(d => d.InformativeLast));
        Row("share of (more, less useful) pairs dropped in order (graded)", draws.DropOrder[1].Share, draws.Draws.Select(d => d.GradedShare));
        return table;
    }

    private static ReportTable PerDrawTable(DrawSet draws)
    {
        var table = new ReportTable("selection-per-draw",
            ["draw", "tuned λ (synthetic L1)", "kept", "precision", "recall", "noise dropped (of 15)", "synthetic: pairs in order", "graded: pairs in order"]);
        foreach (var d in draws.Draws)
        {
            table.AddRow(d.Draw, d.TunedLambda, d.Kept, d.Precision, d.Recall, d.NoiseDropped, d.InformativeLast, d.GradedShare);
        }

        return table;
    }

    private static ReportTable DropOrderTable(PreparedData set, SyntheticClassification synthetic, double[] drop, double[] weakest)
    {
        var table = new ReportTable("synthetic-l1-drop-order",
            ["feature", "role", "L1 drops it at λ (weight 0 from here on)", "λ / n_train", "weight at the smallest λ"]);
        foreach (int j in Enumerable.Range(0, drop.Length).OrderByDescending(j => drop[j]).ThenBy(j => j))
        {
            table.AddRow(set.FeatureNames[j], synthetic.FeatureRoles[j].ToString().ToLowerInvariant(), drop[j], drop[j] / set.TrainRows, weakest[j]);
        }

        return table;
    }

    private static ReportTable ShrinkageTable(PreparedData[] sets, PathSet paths)
    {
        var table = new ReportTable("shrinkage",
            ["data set", "penalty", "‖w‖₂ at the smallest λ", "‖w‖₂ at the largest λ", "zeros at the largest λ", "smallest |w| at the largest λ"]);
        for (int d = 0; d < sets.Length; d++)
        {
            foreach (var penalty in Experiment.Penalties)
            {
                var path = paths.Paths[(d, penalty)];
                table.AddRow(sets[d].Name, L1VsL2Scenario.PenaltyName(penalty), path[0].L2Norm, path[^1].L2Norm, path[^1].Zeros, path[^1].Weights.Min(Math.Abs));
            }
        }

        return table;
    }

    private static ReportTable ConvergenceTable(IReadOnlyList<(string DataSet, Penalty Penalty, string Which, double Lambda, ConvergenceCheck Check)> checks)
    {
        var table = new ReportTable("convergence",
            ["data set", "trainer", "penalty", "fit", "λ", "cap", "tolerance", "check (cap, tolerance)", "relative weight change", "relative objective change", "converged (both < threshold)"]);
        foreach (var (set, penalty, which, lambda, check) in checks)
        {
            string cap = check.IterationCap == int.MaxValue ? "none (int.MaxValue)" : check.IterationCap.ToString(CultureInfo.InvariantCulture);
            string checkCap = check.CheckCap == int.MaxValue ? "none" : check.CheckCap.ToString(CultureInfo.InvariantCulture);
            table.AddRow(set, "LbfgsLogisticRegression", L1VsL2Scenario.PenaltyName(penalty), which, lambda, cap, check.Tolerance,
                $"{checkCap}, {Numbers.Format(check.CheckTolerance)}", check.WeightChange, check.ObjectiveChange,
                (check.Converged ? "yes" : "no") + $" (threshold {Numbers.Format(check.Threshold)})");
        }

        return table;
    }

    private static Figure CoefficientFigure(string file, string title, double[] logGrid, PathPoint[] path, SyntheticClassification synthetic)
    {
        // Informative features first and in colour; noise features grey, thin, with one legend entry for all of them.
        var order = Enumerable.Range(0, synthetic.FeatureCount).OrderBy(j => synthetic.FeatureRoles[j] == FeatureRole.Informative ? 0 : 1).ThenBy(j => j).ToList();
        int informative = synthetic.InformativeFeatures.Count;
        var series = order.Select((j, i) => new Series(
            i < informative ? $"x{j} (informative)" : i == informative ? $"noise features ({synthetic.NoiseFeatures.Count} lines)" : string.Empty,
            logGrid, [.. path.Select(p => p.Weights[j])])).ToList();
        var styles = order.Select((_, i) => i < informative ? new LineStyle(Palette[i % Palette.Length]) : new LineStyle(Grey, Markers: false, Width: 1)).ToList();
        return ClassicalML.Scenarios.Figures.Line(file, title, "log10 λ (ML.NET units)", "weight (z-scored features)", series, styles);
    }
}
