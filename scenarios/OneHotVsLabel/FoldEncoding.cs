using ClassicalML.Data;
using ClassicalML.Data.Splits;

namespace ClassicalML.Scenarios.OneHotVsLabel;

/// <summary>
/// Count and out-of-fold target encoding, the remedies users reach for at high cardinality. Both are fitted on the
/// training rows of a fold only; the result is a numeric data set (numeric features, then one number per categorical
/// column) for the whole data, of which the fold's rows are then trained on and tested.
/// </summary>
/// <remarks>
/// Hand-written: ML.NET has neither encoding. Target encoding of the training rows is itself out-of-fold (each training
/// row's value comes from the other <see cref="InnerFolds"/> inner folds of the training rows), so a model never sees
/// a row's own label in its feature, which at high cardinality would make rare levels look perfectly predictive; test
/// rows get the value learned from all training rows. The value is the smoothed mean
/// (positives + m · prior) / (count + m) with m = <see cref="Smoothing"/> and prior the training rows' positive rate;
/// an unseen level gets the prior. Count encoding is the level's count among the training rows (0 if unseen).
/// </remarks>
internal static class FoldEncoding
{
    /// <summary>Inner folds of the training rows for the out-of-fold target values.</summary>
    public const int InnerFolds = 5;

    /// <summary>m of the smoothed mean: a level seen m times is pulled half-way to the prior.</summary>
    public const double Smoothing = 10;

    /// <summary>The numeric data set with every categorical column replaced by its count or target value.</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="encoding"><see cref="CategoricalEncoding.Count"/> or <see cref="CategoricalEncoding.Target"/>.</param>
    /// <param name="train">The fold's training rows (the only rows the encoder learns from).</param>
    /// <param name="seed">Seed of the inner-fold assignment.</param>
    /// <returns>A numeric data set with the same rows and labels.</returns>
    public static Dataset Encode(Dataset dataset, CategoricalEncoding encoding, IReadOnlyList<int> train, int seed)
    {
        var labels = dataset.BinaryLabels();
        var numeric = dataset.Schema.NumericColumns.Select(dataset.GetNumeric).ToList();
        var names = dataset.Schema.NumericColumns.ToList();
        var inner = InnerAssignment(train, seed);
        foreach (var column in dataset.Schema.CategoricalColumns)
        {
            var codes = dataset.GetCategoricalCodes(column.Name);
            numeric.Add(encoding switch
            {
                CategoricalEncoding.Count => Counts(codes, train),
                CategoricalEncoding.Target => Targets(codes, labels, train, inner),
                _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, $"encoding is {encoding.Name()}; only count and target encoding are fitted per fold. Use CategoricalEncodings.Encoder for the others."),
            });
            names.Add((encoding == CategoricalEncoding.Count ? "count:" : "target:") + column.Name);
        }

        var matrix = new double[dataset.RowCount, numeric.Count];
        for (var j = 0; j < numeric.Count; j++)
        {
            for (var i = 0; i < dataset.RowCount; i++)
            {
                matrix[i, j] = numeric[j][i];
            }
        }

        return Dataset.FromNumeric(dataset.Name, matrix, labels, names);
    }

    private static int[] InnerAssignment(IReadOnlyList<int> train, int seed)
    {
        var order = Enumerable.Range(0, train.Count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[train.Count];
        for (var p = 0; p < order.Length; p++)
        {
            fold[order[p]] = p % InnerFolds;
        }

        return fold;
    }

    private static double[] Counts(int[] codes, IReadOnlyList<int> train)
    {
        var counts = new Dictionary<int, int>();
        foreach (var i in train)
        {
            counts[codes[i]] = counts.GetValueOrDefault(codes[i]) + 1;
        }

        return Array.ConvertAll(codes, c => (double)counts.GetValueOrDefault(c));
    }

    private static double[] Targets(int[] codes, bool[] labels, IReadOnlyList<int> train, int[] inner)
    {
        // Per inner fold f: positives and counts of each level over the training rows, so "all but f" is total − fold f.
        var total = new Dictionary<int, (int Positives, int Count)>();
        var byFold = Enumerable.Range(0, InnerFolds).Select(_ => new Dictionary<int, (int Positives, int Count)>()).ToArray();
        int[] foldPositives = new int[InnerFolds], foldRows = new int[InnerFolds];
        for (var p = 0; p < train.Count; p++)
        {
            int i = train[p], y = labels[i] ? 1 : 0;
            var t = total.GetValueOrDefault(codes[i]);
            total[codes[i]] = (t.Positives + y, t.Count + 1);
            var f = byFold[inner[p]].GetValueOrDefault(codes[i]);
            byFold[inner[p]][codes[i]] = (f.Positives + y, f.Count + 1);
            foldPositives[inner[p]] += y;
            foldRows[inner[p]]++;
        }

        int allPositives = foldPositives.Sum(), allRows = train.Count;
        static double Smoothed(int positives, int count, double prior) => (positives + (Smoothing * prior)) / (count + Smoothing);
        var values = Array.ConvertAll(codes, c =>
        {
            var t = total.GetValueOrDefault(c);
            return Smoothed(t.Positives, t.Count, (double)allPositives / allRows);
        });
        for (var p = 0; p < train.Count; p++)
        {
            int i = train[p], f = inner[p];
            var t = total.GetValueOrDefault(codes[i]);
            var own = byFold[f].GetValueOrDefault(codes[i]);
            var prior = (double)(allPositives - foldPositives[f]) / (allRows - foldRows[f]);
            values[i] = Smoothed(t.Positives - own.Positives, t.Count - own.Count, prior);
        }

        return values;
    }
}
