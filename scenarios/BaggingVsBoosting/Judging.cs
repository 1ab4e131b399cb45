using System.Globalization;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>Squared-loss bias–variance decomposition of one learner on one data set, averaged over the test rows (95% bootstrap intervals over test rows).</summary>
/// <param name="Loss">Mean over rounds and test rows of (p̂ − y)².</param>
/// <param name="Bias2">Mean over test rows of (p̄ − y)², p̄ the mean prediction over rounds; includes the label noise.</param>
/// <param name="Variance">Mean over test rows of the variance of p̂ over rounds.</param>
internal sealed record BiasVariance(Estimate Loss, Estimate Bias2, Estimate Variance);

/// <summary>The numbers every claim is judged from, for one data set.</summary>
internal sealed record DatasetEvidence
{
    public required string Dataset { get; init; }

    /// <summary>Variance of bagged deep trees minus variance of one deep tree (paired bootstrap over test rows).</summary>
    public required Estimate VarianceChange { get; init; }

    public required double DeepTreeBias2 { get; init; }

    public required double BaggedBias2 { get; init; }

    /// <summary>Bias² of boosted stumps minus bias² of one stump (paired bootstrap over test rows).</summary>
    public required Estimate BoostingBiasChange { get; init; }

    /// <summary>Mean member test error minus ensemble test error for bagged deep trees (bootstrap over test rows).</summary>
    public required Estimate DiverseGain { get; init; }

    public required double DiverseCorrelation { get; init; }

    /// <summary>The same for an ensemble of identical members (every member fitted on all rows).</summary>
    public required double IdenticalGain { get; init; }

    public required double IdenticalCorrelation { get; init; }

    /// <summary>(Boosting error at the highest noise − at 0%) − (bagging error at the highest noise − at 0%), paired bootstrap over test rows.</summary>
    public required Estimate ExtraNoiseDamage { get; init; }

    /// <summary>Out-of-bag error minus test error of the bagged ensemble (Newcombe interval for independent proportions).</summary>
    public required Estimate OutOfBagMinusTest { get; init; }
}

/// <summary>The pure judging step: measured numbers in, verdicts out.</summary>
internal static class Judging
{
    /// <summary>Relative change of bias² that still counts as "about the same".</summary>
    public const double BiasTolerance = 0.2;

    /// <summary>The largest |OOB − test| error difference that counts as tracking.</summary>
    public const double OutOfBagMargin = 0.03;

    public static IReadOnlyList<ClaimResult> Judge(IReadOnlyList<DatasetEvidence> evidence) =>
    [
        BaggingVsBoostingScenario.BaggingCutsVariance.Judge(new VarianceCriterion().Evaluate(evidence)),
        BaggingVsBoostingScenario.BoostingCutsBias.Judge(new AllDatasetsSignCriterion("bias² of boosted stumps − bias² of one stump", Direction.Less)
            .Evaluate([.. evidence.Select(e => (e.Dataset, e.BoostingBiasChange))])),
        BaggingVsBoostingScenario.DiversityMatters.Judge(new DiversityCriterion().Evaluate(evidence)),
        BaggingVsBoostingScenario.BoostingNoiseSensitive.Judge(new AllDatasetsSignCriterion("extra test-error increase of boosting over bagging from clean to noisiest training labels", Direction.Greater)
            .Evaluate([.. evidence.Select(e => (e.Dataset, e.ExtraNoiseDamage))])),
        BaggingVsBoostingScenario.OutOfBagTracksTest.Judge(new EquivalenceCriterion("out-of-bag error − test error", OutOfBagMargin)
            .Evaluate([.. evidence.Select(e => (e.Dataset, e.OutOfBagMinusTest))])),
    ];

    internal static string F(double value) => Numbers.Format(value);
}

/// <summary>An estimate per data set that should lie on one side of 0.</summary>
internal sealed class AllDatasetsSignCriterion(string quantity, Direction direction) : Criterion<IReadOnlyList<(string Dataset, Estimate Value)>>
{
    private string Side => direction == Direction.Less ? "below" : "above";

    public override string Description =>
        $"holds if on every data set the 95% interval of {quantity} lies {Side} 0; partly holds if at least one point estimate is {Side} 0 and no interval lies on the other side; does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<(string Dataset, Estimate Value)> input)
    {
        bool Clear(Estimate e) => direction == Direction.Less ? e.Upper < 0 : e.Lower > 0;
        bool Point(Estimate e) => direction == Direction.Less ? e.Value < 0 : e.Value > 0;
        bool Opposite(Estimate e) => direction == Direction.Less ? e.Lower > 0 : e.Upper < 0;
        var evidence = string.Join("; ", input.Select(d => $"{d.Dataset}: {d.Value}"));
        if (input.Count == 0 || input.Any(d => d.Value.IsUndefined))
        {
            return (Verdict.DoesNotHold, evidence + " (undefined)");
        }

        var verdict = input.All(d => Clear(d.Value)) ? Verdict.Holds
            : input.Any(d => Point(d.Value)) && !input.Any(d => Opposite(d.Value)) ? Verdict.PartlyHolds
            : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}

/// <summary>A difference per data set that should be close to 0 (within a margin).</summary>
internal sealed class EquivalenceCriterion(string quantity, double margin) : Criterion<IReadOnlyList<(string Dataset, Estimate Value)>>
{
    public override string Description =>
        $"holds if on every data set the 95% interval of {quantity} lies within ±{Judging.F(margin)}; partly holds if every point estimate does; does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<(string Dataset, Estimate Value)> input)
    {
        var evidence = string.Join("; ", input.Select(d => $"{d.Dataset}: {d.Value}"));
        if (input.Count == 0 || input.Any(d => d.Value.IsUndefined))
        {
            return (Verdict.DoesNotHold, evidence + " (undefined)");
        }

        var verdict = input.All(d => d.Value.Lower >= -margin && d.Value.Upper <= margin) ? Verdict.Holds
            : input.All(d => Math.Abs(d.Value.Value) <= margin) ? Verdict.PartlyHolds
            : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}

/// <summary>Bagging cuts the variance of deep trees and leaves their bias² about the same.</summary>
internal sealed class VarianceCriterion : Criterion<IReadOnlyList<DatasetEvidence>>
{
    public override string Description => string.Create(CultureInfo.InvariantCulture,
        $"holds if on every data set the 95% interval of variance(bagged deep trees) − variance(one deep tree) lies below 0 and bias² changes by at most {Numbers.Percent(Judging.BiasTolerance)} of the deep tree's; partly holds if the variance interval lies below 0 on every data set but bias² moves more, or the variance point estimates are all below 0; does not hold otherwise");

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<DatasetEvidence> input)
    {
        var evidence = string.Join("; ", input.Select(e =>
            $"{e.Dataset}: Δvariance = {e.VarianceChange}, bias² {Judging.F(e.DeepTreeBias2)} → {Judging.F(e.BaggedBias2)} ({RelativeChange(e):+0.#%;-0.#%;0%})"));
        if (input.Count == 0 || input.Any(e => e.VarianceChange.IsUndefined || double.IsNaN(RelativeChange(e))))
        {
            return (Verdict.DoesNotHold, evidence + " (undefined)");
        }

        var varianceClear = input.All(e => e.VarianceChange.Upper < 0);
        var biasSame = input.All(e => Math.Abs(RelativeChange(e)) <= Judging.BiasTolerance);
        var verdict = varianceClear && biasSame ? Verdict.Holds
            : varianceClear || input.All(e => e.VarianceChange.Value < 0) ? Verdict.PartlyHolds
            : Verdict.DoesNotHold;
        return (verdict, evidence);
    }

    private static double RelativeChange(DatasetEvidence e) => (e.BaggedBias2 - e.DeepTreeBias2) / e.DeepTreeBias2;
}

/// <summary>Averaging helps when members' errors are not perfectly correlated and gains nothing when they are.</summary>
internal sealed class DiversityCriterion : Criterion<IReadOnlyList<DatasetEvidence>>
{
    public const double Exact = 1e-9;

    public override string Description =>
        "holds if on every data set the bagged deep trees (error correlation < 1) beat their average member (95% interval of mean member error − ensemble error above 0) and the ensemble of identical members (correlation 1) gains exactly nothing (|gain| <= 1e-9); partly holds if one of the two parts holds on every data set; does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<DatasetEvidence> input)
    {
        var evidence = string.Join("; ", input.Select(e =>
            $"{e.Dataset}: diverse gain {e.DiverseGain} at correlation {Judging.F(e.DiverseCorrelation)}, identical gain {Judging.F(e.IdenticalGain)} at correlation {Judging.F(e.IdenticalCorrelation)}"));
        if (input.Count == 0)
        {
            return (Verdict.DoesNotHold, "no data set");
        }

        var diverse = input.All(e => e.DiverseCorrelation < 1 && e.DiverseGain.Lower > 0);
        var identical = input.All(e => Math.Abs(e.IdenticalGain) <= Exact && e.IdenticalCorrelation >= 1 - Exact);
        var verdict = diverse && identical ? Verdict.Holds : diverse || identical ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}
