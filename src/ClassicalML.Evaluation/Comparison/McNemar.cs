using System.Globalization;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ClassicalML.Evaluation;

/// <summary>
/// McNemar's (1947) test for two classifiers' decisions on the same rows (Dietterich 1998): under "both models have
/// the same error rate" the b rows only A gets right and the c rows only B gets right split as Binomial(b + c, ½).
/// Matches statsmodels' <c>statsmodels.stats.contingency_tables.mcnemar</c> (exact and chi-square, with and without
/// correction); the mid-p value follows Fagerland, Lydersen and Laake (2013), who recommend it over the exact test,
/// which is conservative.
/// </summary>
/// <remarks>
/// <para>With k = min(b, c) and n = b + c: exact p = min(1, 2·F(k; n, ½)); mid-p = 2·F(k; n, ½) − f(k; n, ½);
/// χ² = (b − c)²/(b + c), corrected χ² = (|b − c| − 1)²/(b + c), each with p = P(χ²₁ ≥ x) = erfc(sqrt(x/2)).
/// F and f are MathNet.Numerics' <see cref="Binomial"/>; erfc is MathNet's <see cref="SpecialFunctions.Erfc"/> (the
/// complement is taken directly, so a p-value of 1e-30 keeps its digits).</para>
/// <para>No discordant rows (b = c = 0): the exact and mid-p values are 1 (statsmodels gives 1 too); both chi-square
/// statistics are NaN and listed as undefined: the plain one is 0/0, and statsmodels' corrected one is 1/0 = ∞ with
/// p = 0, which would claim a certain difference between identical decisions.</para>
/// <para>Alternatives: <see cref="DeLong.Paired(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> compares the two models' scores (ROC AUC) rather than their
/// decisions; <see cref="CorrectedResampledT.Paired"/> compares cross-validated scores on the same folds.</para>
/// <para>Sample weights (issue #16): the binomial p-values need integer counts. A weighted overload will add a
/// <c>weights</c> span after the decisions and report only the chi-square values on weighted counts.</para>
/// </remarks>
public static class McNemar
{
    /// <summary>McNemar's test of two binary classifiers' decisions on the same rows.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="predictedA">Model A's decision on each row.</param>
    /// <param name="predictedB">Model B's decision on the same rows, in the same order.</param>
    /// <returns>The 2×2 table of correctness and the test's p-values.</returns>
    /// <exception cref="ArgumentException">The spans are empty or differ in length.</exception>
    public static McNemarTest Test(ReadOnlySpan<bool> labels, ReadOnlySpan<bool> predictedA, ReadOnlySpan<bool> predictedB)
    {
        Preconditions.CheckSameLength(labels.Length, predictedA.Length, nameof(labels), nameof(predictedA));
        Preconditions.CheckSameLength(labels.Length, predictedB.Length, nameof(labels), nameof(predictedB));
        Preconditions.CheckNotEmpty(labels.Length, nameof(labels), "Pass the labels and both models' decisions of one or more rows.");
        long both = 0;
        long onlyA = 0;
        long onlyB = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            bool a = predictedA[i] == labels[i];
            bool b = predictedB[i] == labels[i];
            both += a && b ? 1 : 0;
            onlyA += a && !b ? 1 : 0;
            onlyB += !a && b ? 1 : 0;
        }

        return FromTable(both, onlyA, onlyB, labels.Length - both - onlyA - onlyB);
    }

    /// <summary>McNemar's test from the 2×2 table of two classifiers' correctness (any number of classes).</summary>
    /// <param name="bothCorrect">Rows both models classify correctly.</param>
    /// <param name="onlyACorrect">b: rows model A gets right and model B wrong.</param>
    /// <param name="onlyBCorrect">c: rows model A gets wrong and model B right.</param>
    /// <param name="bothWrong">Rows both models get wrong.</param>
    /// <returns>The table and the test's p-values.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="ArgumentException">b + c is above <see cref="int.MaxValue"/>.</exception>
    public static McNemarTest FromTable(long bothCorrect, long onlyACorrect, long onlyBCorrect, long bothWrong)
    {
        const string Fix = "Pass the number of rows in that cell of the table.";
        Preconditions.CheckAtLeast(bothCorrect, 0, nameof(bothCorrect), Fix);
        Preconditions.CheckAtLeast(onlyACorrect, 0, nameof(onlyACorrect), Fix);
        Preconditions.CheckAtLeast(onlyBCorrect, 0, nameof(onlyBCorrect), Fix);
        Preconditions.CheckAtLeast(bothWrong, 0, nameof(bothWrong), Fix);
        long n = onlyACorrect + onlyBCorrect;
        Preconditions.CheckArgument(
            n <= int.MaxValue,
            nameof(onlyBCorrect),
            string.Create(CultureInfo.InvariantCulture, $"onlyACorrect + onlyBCorrect is {n}; it must be at most {int.MaxValue} (MathNet's binomial takes an int). Pass the counts of fewer rows."));
        if (n == 0)
        {
            UndefinedMetric[] undefined =
            [
                new("ChiSquare, ChiSquarePValue, CorrectedChiSquare, CorrectedChiSquarePValue",
                    "no discordant rows (b + c = 0): the statistic divides by b + c = 0; reported as NaN (statsmodels: NaN, and ∞ with p = 0 for the corrected statistic)"),
            ];
            return new McNemarTest(bothCorrect, 0, 0, bothWrong, 1, 1, double.NaN, double.NaN, double.NaN, double.NaN, undefined);
        }

        long k = Math.Min(onlyACorrect, onlyBCorrect);
        double cdf = Binomial.CDF(0.5, (int)n, k);
        double pmf = Binomial.PMF(0.5, (int)n, (int)k);
        double difference = Math.Abs(onlyACorrect - onlyBCorrect);
        double chi = difference * difference / n;
        double corrected = (difference - 1) * (difference - 1) / n;
        return new McNemarTest(
            bothCorrect, onlyACorrect, onlyBCorrect, bothWrong, Math.Min(1, 2 * cdf), (2 * cdf) - pmf, chi, Upper(chi), corrected, Upper(corrected), []);
    }

    /// <summary>P(χ²₁ ≥ x) = erfc(sqrt(x / 2)).</summary>
    private static double Upper(double x) => SpecialFunctions.Erfc(Math.Sqrt(x / 2));
}
