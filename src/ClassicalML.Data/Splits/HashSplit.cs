using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClassicalML.Evaluation;

namespace ClassicalML.Data.Splits;

/// <summary>
/// Assignment to sets or folds by a hash of each row's id: a row's side depends only on its id and
/// the salt, so it never changes when rows are reordered, removed or appended.
/// </summary>
/// <remarks>
/// <para>u(id) = ⌊h / 2¹¹⌋ · 2⁻⁵³ ∈ [0, 1), where h is the first 8 bytes, read big-endian, of
/// SHA-256 over the UTF-8 bytes of <c>salt + id</c> (string concatenation).</para>
/// <para>Sets: test when u &lt; testFraction, validation when u &lt; testFraction + validationFraction,
/// training otherwise. Folds: ⌊u·k⌋. The fractions are met in expectation, not exactly; rows sharing
/// an id always share a side (useful: use a patient or customer id to keep its rows together).</para>
/// </remarks>
public static class HashSplit
{
    /// <summary>The hash value u(id) ∈ [0, 1) used for the assignment (see the class remarks).</summary>
    /// <param name="id">The row id.</param>
    /// <param name="salt">Salt prepended to the id; change it to get a different, equally stable assignment.</param>
    /// <returns>u(id).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="salt"/> is null.</exception>
    public static double UnitValue(string id, string salt = "")
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(salt);
        var bytes = Encoding.UTF8.GetBytes(salt + id);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        var h = BinaryPrimitives.ReadUInt64BigEndian(hash);
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Assigns every row to training, (validation) or test by the hash of its id.</summary>
    /// <param name="ids">The id of every row; must not be null or empty.</param>
    /// <param name="testFraction">Expected fraction of test rows, in (0, 1).</param>
    /// <param name="validationFraction">Expected fraction of validation rows, in [0, 1); 0 (default) for train/test only.</param>
    /// <param name="salt">Salt prepended to each id.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is out of range.</exception>
    /// <exception cref="ArgumentException">The fractions sum to 1 or more, or an id is null or empty.</exception>
    public static HoldoutSplit Assign(ReadOnlySpan<string> ids, double testFraction, double validationFraction = 0, string salt = "")
    {
        Preconditions.CheckSplitFractions(testFraction, validationFraction);
        ArgumentNullException.ThrowIfNull(salt);
        var sets = new SplitSet[ids.Length];
        for (var row = 0; row < ids.Length; row++)
        {
            var u = UnitValue(CheckId(ids, row), salt);
            sets[row] = u < testFraction ? SplitSet.Test : u < testFraction + validationFraction ? SplitSet.Validation : SplitSet.Train;
        }

        return new HoldoutSplit(sets, []);
    }

    /// <summary>Assigns every row to one of <paramref name="k"/> test folds by the hash of its id: fold ⌊u·k⌋.</summary>
    /// <param name="ids">The id of every row; must not be null or empty.</param>
    /// <param name="k">Number of folds, at least 2.</param>
    /// <param name="salt">Salt prepended to each id.</param>
    /// <returns>The folds; a fold may be empty when there are few distinct ids (then a warning says so).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An id is null or empty.</exception>
    public static FoldSplit AssignFolds(ReadOnlySpan<string> ids, int k, string salt = "")
    {
        Preconditions.CheckFolds(k);
        ArgumentNullException.ThrowIfNull(salt);
        var foldOf = new int[ids.Length];
        var counts = new int[k];
        for (var row = 0; row < ids.Length; row++)
        {
            var u = UnitValue(CheckId(ids, row), salt);
            foldOf[row] = Math.Min((int)(u * k), k - 1);
            counts[foldOf[row]]++;
        }

        var empty = Enumerable.Range(0, k).Where(f => counts[f] == 0).ToArray();
        List<string> warnings = empty.Length == 0
            ? []
            : [string.Create(CultureInfo.InvariantCulture, $"Hash assignment left {empty.Length} of {k} folds empty (fold {string.Join(", ", empty)}); use fewer folds or more distinct ids.")];
        return new FoldSplit(foldOf, k, warnings);
    }

    private static string CheckId(ReadOnlySpan<string> ids, int row)
    {
        var id = ids[row];
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"ids[{row}] is {(id is null ? "null" : "empty")}; every row needs an id to hash. Fill in the id or drop the row."),
                nameof(ids));
        }

        return id;
    }
}
