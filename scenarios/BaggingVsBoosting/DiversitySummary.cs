using System.Globalization;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>The replication effects and the closing sentences of the diversity trend and the vote of different algorithms.</summary>
internal static class DiversitySummary
{
    public static void Add(ReportBuilder report, PreparedData data, DiversityTrendResult trend, VotingResult voting)
    {
        var name = data.Name;
        report.Effects.AddRange(
        [
            new($"diversity-trend-{name}", $"{name}: Spearman's ρ between the ensemble's gain over its average member and the members' error correlation over {trend.Levels.Count} diversity levels (negative: the gain grows as the correlation falls)", trend.RankCorrelation.Estimate),
            new($"vote-vs-best-member-{name}", $"{name}: test error of the best of logistic regression, k-NN and a deep tree minus that of their majority vote", voting.VsBest.Estimate),
            new($"vote-vs-bagging-{name}", $"{name}: test error of the bagged deep trees minus that of the majority vote of logistic regression, k-NN and a deep tree", voting.VsBagging.Estimate),
        ]);
        var least = trend.Levels.MaxBy(l => l.Correlation)!;
        var most = trend.Levels.MinBy(l => l.Correlation)!;
        var lowest = trend.Levels.MinBy(l => l.EnsembleError)!;
        var ensembleError = lowest == most
            ? string.Create(CultureInfo.InvariantCulture, $"the ensemble's own test error is lowest at the most diverse level too ({Numbers.Percent(most.EnsembleError)}). ")
            : string.Create(CultureInfo.InvariantCulture, $"diversity bought with feature subsets also weakens the members: the ensemble's own test error is lowest at {lowest.Level.Name} ({Numbers.Percent(lowest.EnsembleError)}), against {Numbers.Percent(most.EnsembleError)} at the least correlated level. ");
        report.Summaries.Add(string.Create(CultureInfo.InvariantCulture,
            $"Over {trend.Levels.Count} diversity levels on {name}, the members' error correlation ran from {least.Correlation:F2} ({least.Level.Name}, gain {Numbers.Percent(least.Gain.Estimate)}) "
            + $"to {most.Correlation:F2} ({most.Level.Name}, gain {Numbers.Percent(most.Gain.Estimate)}); Spearman's ρ of gain against correlation is {Numbers.Format(trend.RankCorrelation)} and the slope {Numbers.Format(trend.Slope)}; {ensembleError}"
            + $"The majority vote of logistic regression, k-NN and a deep tree (errors correlating at {voting.MeanCorrelation:F2}) against its best member ({voting.BestMember}): {Numbers.Format(voting.VsBest)}; "
            + $"against the members' mean: {Numbers.Format(voting.VsMean)}; bagged deep trees minus the vote: {Numbers.Format(voting.VsBagging)}; the logistic regression {(voting.Convergence.Converged ? "converged" : "did NOT converge")} ({voting.Convergence.Description})."));
    }
}
