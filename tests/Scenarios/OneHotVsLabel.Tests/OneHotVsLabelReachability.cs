using ClassicalML.Evaluation;
using ClassicalML.Scenarios;
using ClassicalML.Scenarios.OneHotVsLabel;
using ClassicalML.Scenarios.Testing;

namespace ClassicalML.Scenarios.OneHotVsLabel.Tests;

/// <summary>Every claim of one-hot-vs-label reaches each verdict on constructed measurements.</summary>
public sealed class OneHotVsLabelReachability : ReachabilitySuite<OneHotVsLabelScenario>
{
    private static Interval E(double value, double lower, double upper) => new(value, lower, upper, 0.95, "test");

    private static ReachabilityCase Case(Claim claim, Verdict expected, string label, Func<Measurements, Measurements> change) =>
        new(claim, expected, label, () => Judging.Judge(change(JudgingTests.Good)));

    private static Measurements Penalty(Measurements m, Interval gap, Interval difference) => m with { Penalty = m.Penalty with { LogisticGap = gap, GapDifference = difference } };

    private static Measurements Ordinal(Measurements m, Interval d) => m with { Ordinal = m.Ordinal with { Difference = d } };

    private static Measurements High(Measurements m, Interval logistic, Interval tree) => m with
    {
        ManyLevels = [JudgingTests.Large("logistic regression", logistic.Estimate, logistic.Lower, logistic.Upper), JudgingTests.Large("FastTree", tree.Estimate, tree.Lower, tree.Upper)],
    };

    protected override IEnumerable<ReachabilityCase> Cases()
    {
        var penalty = OneHotVsLabelScenario.LabelHurtsLinear;
        var ordinal = OneHotVsLabelScenario.OrdinalSuitsOrdinal;
        var grows = OneHotVsLabelScenario.OneHotGrows;
        var many = OneHotVsLabelScenario.LabelForManyLevels;
        var flat = JudgingTests.GoodGrowth.OneHot[0];
        return
        [
            Case(penalty, Verdict.Holds, "linear loses 5 points, trees less", m => m),
            Case(penalty, Verdict.PartlyHolds, "linear loses, trees lose as much", m => Penalty(m, E(0.05, 0.02, 0.08), E(-0.05, -0.08, -0.02))),
            Case(penalty, Verdict.DoesNotHold, "linear gains from label codes", m => Penalty(m, E(-0.03, -0.05, -0.01), E(0.05, 0.02, 0.08))),
            Case(penalty, Verdict.Inconclusive, "the linear gap straddles 0.01", m => Penalty(m, E(0.05, 0.005, 0.1), E(0.05, 0.02, 0.08))),

            Case(ordinal, Verdict.Holds, "true order within 0.01 of one-hot", m => m),
            Case(ordinal, Verdict.PartlyHolds, "true order loses 0.02", m => Ordinal(m, E(-0.02, -0.025, -0.015))),
            Case(ordinal, Verdict.DoesNotHold, "true order loses 0.05", m => Ordinal(m, E(-0.05, -0.06, -0.04))),
            Case(ordinal, Verdict.Inconclusive, "straddles -0.01", m => Ordinal(m, E(-0.01, -0.02, 0))),

            Case(grows, Verdict.Holds, "one-hot grows in every size", m => m),
            Case(grows, Verdict.PartlyHolds, "one-hot's sparse bytes flat", m => m with { Growth = m.Growth with { OneHot = [flat, new SizePoint(10000, 2772, 110880, flat.SparseBytes)] } }),
            Case(grows, Verdict.DoesNotHold, "one-hot flat", m => m with { Growth = m.Growth with { OneHot = [flat, new SizePoint(10000, flat.Features, flat.DenseBytes, flat.SparseBytes)] } }),

            Case(many, Verdict.Holds, "label keeps the feature's contribution for both models", m => m),
            Case(many, Verdict.PartlyHolds, "label keeps it for trees, loses all of it for the linear model", m => High(m, E(-0.05, -0.06, -0.04), E(0.001, -0.004, 0.006))),
            Case(many, Verdict.DoesNotHold, "label loses all of it for both", m => High(m, E(-0.05, -0.06, -0.04), E(-0.05, -0.06, -0.04))),
            Case(many, Verdict.Inconclusive, "both straddle a tenth of the contribution", m => High(m, E(-0.005, -0.01, 0), E(-0.005, -0.01, 0))),
        ];
    }

    // The growth claim is judged from exact sizes (no interval), so it cannot be inconclusive; nothing is impossible.
}
