using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClassicalML.Data.Splits;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>Small measurements on splits: overlap of two index sets, a fingerprint of a split, rows that changed side.</summary>
internal static class SplitMeasures
{
    /// <summary>|a ∩ b| for two sets of row indices (duplicates within a set are ignored).</summary>
    public static int CommonCount(IEnumerable<int> a, IEnumerable<int> b)
    {
        var set = new HashSet<int>(a);
        return new HashSet<int>(b).Count(set.Contains);
    }

    /// <summary>Jaccard index |a ∩ b| / |a ∪ b|; 1 when both are empty.</summary>
    public static double Jaccard(IEnumerable<int> a, IEnumerable<int> b)
    {
        var sa = new HashSet<int>(a);
        var sb = new HashSet<int>(b);
        int common = sb.Count(sa.Contains);
        int union = sa.Count + sb.Count - common;
        return union == 0 ? 1.0 : (double)common / union;
    }

    /// <summary>Share of <paramref name="b"/>'s rows that are also in <paramref name="a"/>: |a ∩ b| / |b|.</summary>
    public static double ShareOfSecondIn(IEnumerable<int> a, IReadOnlyCollection<int> b)
    {
        ArgumentOutOfRangeException.ThrowIfZero(b.Count, nameof(b));
        return (double)CommonCount(a, b) / b.Count;
    }

    /// <summary>The first 16 hex digits of SHA-256 over the text <c>train:i,j,…;validation:…;test:…</c> (UTF-8, indices ascending).</summary>
    public static string Fingerprint(HoldoutSplit split)
    {
        string text = string.Create(CultureInfo.InvariantCulture,
            $"train:{string.Join(',', split.TrainIndices)};validation:{string.Join(',', split.ValidationIndices)};test:{string.Join(',', split.TestIndices)}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>How many of the rows <c>0..before.Length-1</c> are in a different set afterwards.</summary>
    /// <param name="before">The set of each original row before the change.</param>
    /// <param name="after">The set of each original row after the change (indexed by original row).</param>
    public static int ChangedSide(IReadOnlyList<SplitSet> before, IReadOnlyList<SplitSet> after)
    {
        if (before.Count != after.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"before has {before.Count} rows and after has {after.Count}; pass the sets of the same original rows."), nameof(after));
        }

        int changed = 0;
        for (int i = 0; i < before.Count; i++)
        {
            changed += before[i] == after[i] ? 0 : 1;
        }

        return changed;
    }

    /// <summary>The set of each original row after the rows were reordered: position p of the reordered data holds original row <c>order[p]</c>.</summary>
    public static SplitSet[] BackToOriginalOrder(IReadOnlyList<SplitSet> reorderedSets, IReadOnlyList<int> order)
    {
        var sets = new SplitSet[order.Count];
        for (int p = 0; p < order.Count; p++)
        {
            sets[order[p]] = reorderedSets[p];
        }

        return sets;
    }
}
