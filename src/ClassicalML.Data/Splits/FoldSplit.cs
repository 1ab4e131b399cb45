using System.Collections.Immutable;

namespace ClassicalML.Data.Splits;

/// <summary>
/// The result of a k-fold splitter: every row is in the test part of exactly one fold and in the
/// training part of all the others.
/// </summary>
public sealed class FoldSplit
{
    internal FoldSplit(int[] testFoldOfRow, int k, IReadOnlyList<string> warnings)
    {
        K = k;
        TestFoldOfRow = ImmutableArray.Create(testFoldOfRow);
        Warnings = [.. warnings];

        var counts = new int[k];
        foreach (var f in testFoldOfRow)
        {
            counts[f]++;
        }

        var folds = ImmutableArray.CreateBuilder<Fold>(k);
        for (var f = 0; f < k; f++)
        {
            var test = new int[counts[f]];
            var train = new int[testFoldOfRow.Length - counts[f]];
            int ti = 0, ri = 0;
            for (var row = 0; row < testFoldOfRow.Length; row++)
            {
                if (testFoldOfRow[row] == f)
                {
                    test[ti++] = row;
                }
                else
                {
                    train[ri++] = row;
                }
            }

            folds.Add(new Fold(f, ImmutableArray.Create(train), ImmutableArray.Create(test)));
        }

        Folds = folds.MoveToImmutable();
    }

    /// <summary>The number of folds.</summary>
    public int K { get; }

    /// <summary>The number of rows that were split.</summary>
    public int RowCount => TestFoldOfRow.Length;

    /// <summary>The folds, in order of <see cref="Fold.Index"/>.</summary>
    public ImmutableArray<Fold> Folds { get; }

    /// <summary>For each row (in input order), the index of the fold whose test part contains it.</summary>
    public ImmutableArray<int> TestFoldOfRow { get; }

    /// <summary>
    /// Problems that do not stop the split but weaken it (for example a class with fewer members
    /// than folds), in the wording of scikit-learn's <c>UserWarning</c>s.
    /// </summary>
    public ImmutableArray<string> Warnings { get; }
}
