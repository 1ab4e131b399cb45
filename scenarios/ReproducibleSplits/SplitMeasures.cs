using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClassicalML.Data.Splits;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>Small measurements on splits: overlap of two index sets, fingerprints of a split or of numbers.</summary>
internal static class SplitMeasures
{
    /// <summary>|a ∩ b| for two sets of row indices (duplicates within a set are ignored).</summary>
    public static int CommonCount(IEnumerable<int> a, IEnumerable<int> b)
    {
        var set = new HashSet<int>(a);
        return new HashSet<int>(b).Count(set.Contains);
    }

    /// <summary>Share of <paramref name="b"/>'s rows that are also in <paramref name="a"/>: |a ∩ b| / |b|.</summary>
    public static double ShareOfSecondIn(IEnumerable<int> a, IReadOnlyCollection<int> b)
    {
        ArgumentOutOfRangeException.ThrowIfZero(b.Count, nameof(b));
        return (double)CommonCount(a, b) / b.Count;
    }

    /// <summary>The first 16 hex digits of SHA-256 over the text <c>train:i,j,…;validation:…;test:…</c> (UTF-8, indices ascending).</summary>
    public static string Fingerprint(HoldoutSplit split) => Fingerprint(split.SetOfRow);

    /// <summary>The fingerprint of the split that puts row i in <c>sets[i]</c> (see <see cref="Fingerprint(HoldoutSplit)"/>).</summary>
    public static string Fingerprint(IReadOnlyList<SplitSet> sets)
    {
        string Rows(SplitSet part) => string.Join(',', Enumerable.Range(0, sets.Count).Where(i => sets[i] == part));
        return Hex(string.Create(CultureInfo.InvariantCulture,
            $"train:{Rows(SplitSet.Train)};validation:{Rows(SplitSet.Validation)};test:{Rows(SplitSet.Test)}"));
    }

    /// <summary>The first 16 hex digits of SHA-256 over the numbers' shortest round-trip texts, comma-separated.</summary>
    public static string Fingerprint(IReadOnlyList<double> numbers) =>
        Hex(string.Join(',', numbers.Select(x => x.ToString("R", CultureInfo.InvariantCulture))));

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
