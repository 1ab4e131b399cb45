using ClassicalML.Data.Splits;
using FsCheck.Xunit;

namespace ClassicalML.Data.Tests.Splits;

public class SplitPropertyTests
{
    /// <summary>Labels from FsCheck's bytes: 1–5 classes, padded so there are at least k rows.</summary>
    private static int[] Labels(byte[]? raw, byte classRaw, int k)
    {
        var classes = 1 + (classRaw % 5);
        var labels = (raw ?? []).Select(b => b % classes).ToList();
        while (labels.Count < k)
        {
            labels.Add(labels.Count % classes);
        }

        return [.. labels];
    }

    private static void AssertPartition(FoldSplit split, int n)
    {
        var seen = new int[n];
        foreach (var fold in split.Folds)
        {
            foreach (var i in fold.TestIndices)
            {
                seen[i]++;
                Assert.Equal(fold.Index, split.TestFoldOfRow[i]);
            }

            Assert.Equal(Enumerable.Range(0, n).Except(fold.TestIndices), fold.TrainIndices);
            Assert.Equal(fold.TestIndices.Order(), fold.TestIndices);
        }

        Assert.All(seen, s => Assert.Equal(1, s));
    }

    [Property(MaxTest = 300)]
    public void StratifiedKFold_AnyLabels_PartitionsAndBalancesClassesAndSizes(int seed, byte[] raw, byte classRaw, byte kRaw, bool shuffle)
    {
        var k = 2 + (kRaw % 7);
        var y = Labels(raw, classRaw, k);
        var counts = y.GroupBy(l => l).Select(g => g.Count()).ToArray();
        var splitter = new StratifiedKFold(k, shuffle, shuffle ? seed : null);
        if (counts.Max() < k)
        {
            Assert.Throws<ArgumentException>(() => splitter.Split<int>(y));
            return;
        }

        var split = splitter.Split<int>(y);
        AssertPartition(split, y.Length);
        var sizes = split.Folds.Select(f => f.TestIndices.Length).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1, "fold sizes " + string.Join(",", sizes));
        foreach (var c in y.Distinct())
        {
            var perFold = split.Folds.Select(f => f.TestIndices.Count(i => y[i] == c)).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {c}: " + string.Join(",", perFold));
        }

        Assert.Equal(counts.Min() < k, split.Warnings.Length == 1);
    }

    [Property(MaxTest = 200)]
    public void KFold_AnySeed_PartitionsRowsAndIsDeterministic(int seed, byte nRaw, byte kRaw)
    {
        var k = 2 + (kRaw % 9);
        var n = k + nRaw;
        var a = new KFold(k, true, seed).Split(n);
        AssertPartition(a, n);
        Assert.Equal(a.TestFoldOfRow.ToArray(), new KFold(k, true, seed).Split(n).TestFoldOfRow.ToArray());
    }

    [Property(MaxTest = 200)]
    public void StratifiedKFold_SameSeed_SameFolds(int seed, byte[] raw, byte classRaw)
    {
        var y = Labels(raw, classRaw, 2);
        if (y.GroupBy(l => l).Max(g => g.Count()) < 2)
        {
            y = [.. y, y[0]];
        }

        var a = new StratifiedKFold(2, true, seed).Split<int>(y).TestFoldOfRow;
        var b = new StratifiedKFold(2, true, seed).Split<int>(y).TestFoldOfRow;
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Property(MaxTest = 200)]
    public void GroupKFold_AnyGroups_NeverSplitsAGroup(byte[] raw, byte groupRaw, byte kRaw)
    {
        var k = 2 + (kRaw % 4);
        var groupCount = k + (groupRaw % 12);
        var groups = (raw ?? []).Select(b => b % groupCount).Concat(Enumerable.Range(0, groupCount)).ToArray();
        var split = new GroupKFold(k).Split<int>(groups);
        AssertPartition(split, groups.Length);
        foreach (var g in groups.Distinct())
        {
            Assert.Single(Enumerable.Range(0, groups.Length).Where(i => groups[i] == g).Select(i => split.TestFoldOfRow[i]).Distinct());
        }

        Assert.All(split.Folds, f => Assert.NotEmpty(f.TestIndices));
    }

    [Property(MaxTest = 200)]
    public void HashSplit_PermutedAndAppendedRows_KeepTheirSide(int seed, byte nRaw, byte extraRaw)
    {
        var n = 1 + nRaw;
        var ids = Enumerable.Range(0, n).Select(i => $"id{seed}-{i}").ToArray();
        var extra = Enumerable.Range(0, extraRaw).Select(i => $"new{seed}-{i}");
        var shuffled = ids.ToArray();
        Shuffling.FisherYates<string>(shuffled, Shuffling.CreateGenerator(seed));
        var grown = shuffled.Concat(extra).ToArray();

        var before = HashSplit.Assign(ids, 0.2, 0.1, "salt");
        var after = HashSplit.Assign(grown, 0.2, 0.1, "salt");
        var foldsBefore = HashSplit.AssignFolds(ids, 5, "salt");
        var foldsAfter = HashSplit.AssignFolds(grown, 5, "salt");
        var position = grown.Select((id, p) => (id, p)).ToDictionary(t => t.id, t => t.p);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(before.SetOfRow[i], after.SetOfRow[position[ids[i]]]);
            Assert.Equal(foldsBefore.TestFoldOfRow[i], foldsAfter.TestFoldOfRow[position[ids[i]]]);
        }
    }

    [Property(MaxTest = 200)]
    public void StratifiedHoldout_AnyLabels_PartitionsAndKeepsClassShares(int seed, byte[] raw, byte classRaw, byte fracRaw)
    {
        var y = Labels(raw, classRaw, 4);
        var test = 0.05 + (fracRaw % 60 / 100.0);
        var split = TrainTestSplit.Stratified<int>(y, test, seed);
        Assert.Equal(y.Length, split.TrainIndices.Length + split.TestIndices.Length);
        Assert.Equal((int)Math.Ceiling(test * y.Length), split.TestIndices.Length);
        foreach (var c in y.Distinct())
        {
            var n = y.Count(l => l == c);
            var t = split.TestIndices.Count(i => y[i] == c);
            Assert.InRange(t, (int)Math.Floor(test * n), (int)Math.Ceiling(test * n));
        }
    }

    [Property(MaxTest = 200)]
    public void StratifiedHoldout_ThreeWay_PartitionsAndKeepsClassShares(int seed, byte[] raw, byte classRaw, byte fracRaw, byte validRaw)
    {
        var y = Labels(raw, classRaw, 10);
        var test = 0.05 + (fracRaw % 40 / 100.0);
        var valid = 0.05 + (validRaw % 30 / 100.0);
        var split = TrainTestSplit.Stratified<int>(y, test, seed, valid);
        Assert.Equal(Enumerable.Range(0, y.Length), split.TrainIndices.Concat(split.ValidationIndices).Concat(split.TestIndices).Order());
        Assert.Equal((int)Math.Ceiling(test * y.Length), split.TestIndices.Length);
        Assert.Equal((int)Math.Ceiling(valid * y.Length), split.ValidationIndices.Length);
        foreach (var c in y.Distinct())
        {
            var n = y.Count(l => l == c);
            Assert.InRange(split.TestIndices.Count(i => y[i] == c), (int)Math.Floor(test * n), (int)Math.Ceiling(test * n));
        }

        var again = TrainTestSplit.Stratified<int>(y, test, seed, valid);
        Assert.Equal(split.SetOfRow.ToArray(), again.SetOfRow.ToArray());
    }

    [Property(MaxTest = 100)]
    public void RepeatedStratifiedKFold_EveryRepeatKeepsTheGuarantees(int seed, byte[] raw, byte classRaw)
    {
        var y = Labels(raw, classRaw, 3);
        if (y.GroupBy(l => l).Max(g => g.Count()) < 3)
        {
            y = [.. y, y[0], y[0], y[0]];
        }

        var repeats = new RepeatedStratifiedKFold(3, 2, seed).Split<int>(y);
        foreach (var split in repeats)
        {
            AssertPartition(split, y.Length);
            var sizes = split.Folds.Select(f => f.TestIndices.Length).ToArray();
            Assert.True(sizes.Max() - sizes.Min() <= 1);
        }

        Assert.Equal(repeats[1].TestFoldOfRow.ToArray(), new RepeatedStratifiedKFold(3, 2, seed).Split<int>(y)[1].TestFoldOfRow.ToArray());
    }
}
