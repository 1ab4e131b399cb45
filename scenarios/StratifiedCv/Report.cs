using System.Globalization;
using ClassicalML.Evaluation;
using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>Everything the report is built from.</summary>
internal sealed record ReportInput(
    StratifiedCvSettings Settings,
    IReadOnlyList<CaseData> Cases,
    CompositionResult Composition,
    FoldScoreResult Scores,
    TrendResult Trend,
    ShiftResult Shift,
    MlNetCheckResult MlNet,
    IReadOnlyList<ConvergenceCheck> Convergence,
    Measurements Measurements,
    IReadOnlyList<ClaimResult> Claims);

/// <summary>The tables, figures, effects and closing paragraph of the stratified-cv report.</summary>
internal static class Report
{
    public static ScenarioResult Build(ReportInput r) => new()
    {
        Tables =
        [
            DataSets(r), Composition(r), FoldScoreTable(r.Scores), Grid(r.Trend), Slopes(r.Measurements), Candidates(r.Shift), Missing(r),
            Ratios(r.Measurements), r.MlNet.Runs, LabelKeyFolds(r), ConvergenceTable(r.Settings.Learner, r.Convergence),
        ],
        Claims = r.Claims,
        Figures = ReportFigures.All(r),
        Effects = Effects(r),
        Summary = Summary(r),
    };

    private static ReportTable DataSets(ReportInput r)
    {
        var table = new ReportTable("data-sets", ["data set", "rows", "minority rows", "minority share", "used for"]);
        string[] uses = ["fold composition", "fold composition; subsamples of the size x imbalance grid", "fold composition, fold scores, ML.NET's CrossValidate"];
        for (int i = 0; i < r.Cases.Count; i++)
        {
            var c = r.Cases[i];
            table.AddRow(c.Name, c.Rows, c.Positives, (double)c.Positives / c.Rows, uses[i]);
        }

        var credit = r.Shift.Data;
        return table.AddRow("credit-g (bad credit)", credit.Rows, credit.Positives, (double)credit.Positives / credit.Rows,
            "different distributions: documented attributes as groups");
    }

    private static ReportTable Composition(ReportInput r)
    {
        var table = new ReportTable("fold-composition",
            ["data set", "folds", "splitter", "repetitions", "mean |share - overall|", "mean |training share - overall|", "max |share - overall|", "max |count - expected| (rows)",
             "folds without minority", "share of folds without minority (Wilson 95%)", "folds only minority", "empty folds"]);
        foreach (var c in r.Cases)
        {
            foreach (int k in CompositionStep.FoldCounts)
            {
                foreach (var splitter in new[] { Splitter.Plain, Splitter.Stratified, Splitter.MlNet, Splitter.MlNetLabelKey })
                {
                    var s = r.Composition.Stats[(c.Name, k, splitter)];
                    int without = s.Sum(x => x.FoldsWithoutFlagged);
                    table.AddRow(c.Name, k, Name(splitter), s.Length, s.Average(x => x.MeanAbsShareDeviation), RepetitionStats.DefinedMean(s.Select(x => x.MeanAbsTrainShareDeviation)), s.Max(x => x.MaxAbsShareDeviation),
                        s.Max(x => x.MaxAbsCountDeviation), without, RepetitionStats.Wilson(without, s.Sum(x => x.Folds)), s.Sum(x => x.FoldsOnlyFlagged),
                        s.Sum(x => x.EmptyFolds));
                }
            }
        }

        return table;
    }

    private static ReportTable FoldScoreTable(FoldScoreResult scores)
    {
        var table = new ReportTable("fold-scores",
            ["data set", "folds", "splitter", "repetitions", "mean CV AP", "mean SD of fold AP", "SD of CV mean AP over reshuffles",
             "mean SD of fold log loss", "folds with AP undefined", "folds scored"]);
        foreach (var ((k, splitter), s) in scores.Scores)
        {
            double[] cvMeans = Comparison.CvMeanAp(scores, k, splitter);
            table.AddRow(scores.Data, k, Name(splitter), s.Length, RepetitionStats.DefinedMean(cvMeans), RepetitionStats.DefinedMean(Comparison.FoldApSd(scores, k, splitter)),
                RepetitionStats.DefinedSd(cvMeans), RepetitionStats.DefinedMean(s.Select(rep => RepetitionStats.DefinedSd(rep.Select(f => f.LogLoss)))),
                s.Sum(rep => rep.Count(f => f.ApUndefined)), s.Sum(rep => rep.Length));
        }

        return table;
    }

    private static ReportTable Grid(TrendResult trend)
    {
        var table = new ReportTable("size-imbalance-grid",
            ["rows", "minority share", "repetitions", "mean SD of fold log loss, plain", "mean SD of fold log loss, stratified", "benefit ln(plain / stratified)",
             "plain folds with AP undefined", "stratified folds with AP undefined", "folds per splitter", "mean SD of fold AP, plain", "mean SD of fold AP, stratified"]);
        int[] all = [.. Enumerable.Range(0, trend.Repeats)];
        for (int c = 0; c < trend.CellCount; c++)
        {
            var cells = trend.Cells.Select(rep => rep[c]).ToArray();
            double Mean(Func<TrendCell, FoldScore[]> pick, Func<FoldScore, double> metric) =>
                RepetitionStats.DefinedMean(cells.Select(x => RepetitionStats.DefinedSd(pick(x).Select(metric))));
            table.AddRow(cells[0].Rows, cells[0].Share, trend.Repeats, Mean(x => x.Plain, f => f.LogLoss), Mean(x => x.Stratified, f => f.LogLoss),
                Trend.Benefit(trend, c, all), cells.Sum(x => x.Plain.Count(f => f.ApUndefined)), cells.Sum(x => x.Stratified.Count(f => f.ApUndefined)),
                cells.Sum(x => x.Plain.Length), Mean(x => x.Plain, f => f.AveragePrecision), Mean(x => x.Stratified, f => f.AveragePrecision));
        }

        return table;
    }

    private static ReportTable Slopes(Measurements m)
    {
        var table = new ReportTable("benefit-slopes", ["slope of ln(SD plain / SD stratified)", "estimate (95% bootstrap over repetitions)", "repetitions"]);
        foreach (var e in m.Trend)
        {
            table.AddRow(e.Label, e.Effect, e.Replicates);
        }

        return table;
    }

    private static ReportTable Candidates(ShiftResult shift)
    {
        var table = new ReportTable("distribution-candidates",
            ["attribute", "level", "rows", "bad share", "domain AUC (other attributes tell the group from the rest)", "chosen"]);
        foreach (var c in shift.Candidates.OrderByDescending(c => c.DomainAuc))
        {
            table.AddRow(c.Attribute, c.Level, c.Rows, c.BadShare, c.DomainAuc, c == shift.Chosen ? "yes" : "-");
        }

        return table;
    }

    private static ReportTable Missing(ReportInput r)
    {
        var table = new ReportTable("missing-distribution",
            ["group", "runs", "mean log-loss increase on the group (nats)", "SD over runs", "mean log-loss increase on the other rows",
             "mean ROC AUC decrease on the group", "mean log loss on the group, trained with it"]);
        void Add(string group, ShiftRun[] runs) => table.AddRow(group, runs.Length, runs.Average(x => x.GroupDrop),
            RepetitionStats.DefinedSd(runs.Select(x => x.GroupDrop)), runs.Average(x => x.RestDrop), runs.Average(x => x.GroupAucDrop),
            runs.Average(x => x.GroupLogLossWith));
        Add($"{r.Shift.Chosen.Attribute} = {r.Shift.Chosen.Level} ({r.Shift.Chosen.Rows} rows), repetitions", r.Shift.Real);
        Add($"random groups of {r.Shift.Chosen.Rows} rows, one run each", r.Shift.Null);
        return table;
    }

    private static ReportTable Ratios(Measurements m)
    {
        var table = new ReportTable("effects", ["claim", "case", "effect (95% interval)", "replicates"]);
        foreach (var (claim, list) in new[]
        {
            (Judging.KeepsClassRatio.Id, m.ClassRatio), (Judging.LowerFoldSpread.Id, m.FoldSpread), (Judging.LowerEstimateVariance.Id, m.EstimateSpread),
            (Judging.SmallerAndImbalancedMatterMore.Id, m.Trend), (Judging.MissingDistributionHurts.Id, [m.Shift]), (Judging.MlNetNotStratified.Id, m.MlNetDeviation),
        })
        {
            foreach (var e in list)
            {
                table.AddRow(claim, e.Label, e.Effect, e.Replicates);
            }
        }

        return table;
    }

    private static ReportTable LabelKeyFolds(ReportInput r)
    {
        var table = new ReportTable("label-key-folds", ["fold", "test rows", "positives", "training rows", "note"]);
        var folds = r.MlNet.LabelKeyFolds;
        int rows = folds.Sum(f => f.Size);
        for (int f = 0; f < folds.Length; f++)
        {
            string note = folds[f].Size == 0 ? "empty test part: nothing to score"
                : folds[f].Size == rows ? "empty training part: nothing to train on"
                : "-";
            table.AddRow(f + 1, folds[f].Size, folds[f].Flagged, rows - folds[f].Size, note);
        }

        return table;
    }

    private static ReportTable ConvergenceTable(Learner learner, IReadOnlyList<ConvergenceCheck> checks)
    {
        var table = new ReportTable("convergence",
            ["trainer", "fit", "training rows", "cap", "tolerance", "check", "relative weight change", "relative training log-loss change", "converged"]);
        foreach (var c in checks)
        {
            table.AddRow("L-BFGS logistic regression (L1 0, L2 1, one thread)", c.Fit, c.Rows, learner.MaximumIterations, learner.Tolerance,
                string.Create(CultureInfo.InvariantCulture, $"refit with cap {learner.MaximumIterations * 10}, tolerance {learner.Tolerance / 100:G3}; converged if weights move < {Numbers.Percent(ConvergenceChecks.MaxWeightChange)} and loss < {ConvergenceChecks.MaxLossChange:G2}"),
                c.WeightChange, c.LossChange, c.Converged ? "yes" : "no");
        }

        return table;
    }

    private static IReadOnlyList<Effect> Effects(ReportInput r)
    {
        var m = r.Measurements;
        string small = r.Scores.Data;
        double Log(Interval e) => Math.Log(e.Estimate);
        return
        [
            new("class-share-deviation-log-ratio", $"ln(mean |minority share deviation| per fold, stratified / plain), {small}, 10 folds", Log(m.ClassRatio.Single(e => e.Label == Comparison.CaseName(small, 10)).Effect)),
            new("fold-ap-sd-log-ratio", $"ln(mean SD of fold AP, stratified / plain), {small}, 5 folds", Log(m.FoldSpread[0].Effect)),
            new("cv-mean-sd-log-ratio", $"ln(SD over reshuffles of the CV mean AP, stratified / plain), {small}, 5 folds", Log(m.EstimateSpread[0].Effect)),
            new("benefit-slope-rows", "slope of ln(SD plain / SD stratified of fold log loss) per doubling of the rows (letter-Z grid)", m.Trend[0].Effect.Estimate),
            new("benefit-slope-share", "slope of ln(SD plain / SD stratified of fold log loss) per doubling of the minority share (letter-Z grid)", m.Trend[1].Effect.Estimate),
            new("missing-distribution-excess", $"log-loss increase on credit-g's {r.Shift.Chosen.Attribute} = {r.Shift.Chosen.Level} when missing from training, minus a random group's (nats)", m.Shift.Effect.Estimate),
        ];
    }

    private static string Summary(ReportInput r)
    {
        var m = r.Measurements;
        var e = m.EmptyFolds;
        var chosen = r.Shift.Chosen;
        string Verdict(Claim c) => r.Claims.Single(x => x.Claim == c).Verdict.ToText();
        return string.Create(CultureInfo.InvariantCulture,
            $"On {e.Case}, {e.PlainEmpty} of {e.PlainFolds} plain k-fold validation folds ({Numbers.Percent((double)e.PlainEmpty / e.PlainFolds)}) had no minority row, so their average precision was undefined; "
            + $"stratified folds lacked it {e.StratifiedEmpty} times. Stratification cut the minority-share deviation to {Numbers.Format(m.ClassRatio[0].Effect)} of plain's on {m.ClassRatio[0].Label} ({Verdict(Judging.KeepsClassRatio)}), "
            + $"and the fold AP spread on {r.Scores.Data} to {Numbers.Format(m.FoldSpread[0].Effect)} (5 folds) and {Numbers.Format(m.FoldSpread[1].Effect)} (10 folds) of plain's over {r.Scores.Repeats} reshuffles ({Verdict(Judging.LowerFoldSpread)}). "
            + $"Across letter-Z subsamples of {string.Join(", ", r.Settings.TrendSizes)} rows at minority shares {string.Join(", ", r.Settings.TrendShares.Select(Numbers.Percent))}, the benefit ln(SD plain / SD stratified) of fold log loss "
            + $"changed by {Numbers.Format(m.Trend[0].Effect)} per doubling of the rows and {Numbers.Format(m.Trend[1].Effect)} per doubling of the share ({Verdict(Judging.SmallerAndImbalancedMatterMore)}). "
            + $"For different distributions, credit-g's {chosen.Attribute} = {chosen.Level} ({chosen.Rows} rows, domain AUC {Numbers.Format(chosen.DomainAuc)}) was the group the other attributes told apart best: "
            + $"trained without it, the model's log loss on it rose by {Numbers.Format(r.Shift.Real.Average(x => x.GroupDrop))} nats, against {Numbers.Format(r.Shift.Null.Average(x => x.GroupDrop))} for random groups of that size; "
            + $"the excess is {Numbers.Format(m.Shift.Effect)} ({Verdict(Judging.MissingDistributionHurts)}). ML.NET's CrossValidate threw in {r.MlNet.Threw} of {r.MlNet.RunCount} runs on {r.Scores.Data} at 10 folds.");
    }

    internal static string Name(Splitter splitter) => splitter switch
    {
        Splitter.Plain => "k-fold (shuffled)",
        Splitter.Stratified => "stratified k-fold (label)",
        Splitter.MlNet => "ML.NET CrossValidate",
        Splitter.MlNetLabelKey => "ML.NET CrossValidate, samplingKeyColumnName = Label",
        _ => splitter.ToString(),
    };

    internal static string ShortName(Splitter splitter) => splitter switch
    {
        Splitter.Plain => "plain",
        Splitter.Stratified => "stratified",
        Splitter.MlNet => "ML.NET",
        Splitter.MlNetLabelKey => "ML.NET key=Label",
        _ => splitter.ToString(),
    };
}
