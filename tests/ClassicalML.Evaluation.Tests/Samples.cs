using FsCheck;
using FsCheck.Fluent;

namespace ClassicalML.Evaluation.Tests;

/// <summary>Labels and small integer-valued scores, so that ties are frequent.</summary>
public sealed record Sample(bool[] Labels, double[] Scores)
{
    public int Positives => Labels.Count(l => l);

    public int Negatives => Labels.Length - Positives;

    public override string ToString() =>
        $"labels [{string.Join(",", Labels.Select(l => l ? 1 : 0))}] scores [{string.Join(",", Scores)}]";
}

/// <summary>A sample that contains at least one positive and one negative.</summary>
public sealed record TwoClassSample(bool[] Labels, double[] Scores)
{
    public override string ToString() => new Sample(Labels, Scores).ToString();
}

/// <summary>FsCheck generators: 1–40 rows, scores in {-5, …, 5}.</summary>
public static class Samples
{
    public static Arbitrary<Sample> AnySample() =>
        (from n in Gen.Choose(1, 40)
         from labels in Gen.ArrayOf(Gen.Elements(true, false), n)
         from ints in Gen.ArrayOf(Gen.Choose(-5, 5), n)
         select new Sample(labels, [.. ints.Select(i => (double)i)])).ToArbitrary();

    public static Arbitrary<TwoClassSample> TwoClasses() =>
        (from n in Gen.Choose(2, 40)
         from labels in Gen.ArrayOf(Gen.Elements(true, false), n)
         from ints in Gen.ArrayOf(Gen.Choose(-5, 5), n)
         from positiveAt in Gen.Choose(0, n - 1)
         from negativeOffset in Gen.Choose(1, n - 1)
         select Force(labels, ints, positiveAt, (positiveAt + negativeOffset) % n)).ToArbitrary();

    private static TwoClassSample Force(bool[] labels, int[] ints, int positiveAt, int negativeAt)
    {
        labels[positiveAt] = true;
        labels[negativeAt] = false;
        return new TwoClassSample(labels, [.. ints.Select(i => (double)i)]);
    }
}
