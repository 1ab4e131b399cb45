using ClassicalML.Data;
using ClassicalML.Scenarios.OneHotVsLabel;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Scenarios.OneHotVsLabel.Tests;

public sealed class EncodingTests : IDisposable
{
    private readonly string _csv = Path.Combine(Path.GetTempPath(), "onehot-vs-label-" + Guid.NewGuid().ToString("N") + ".csv");

    public EncodingTests() => File.WriteAllText(_csv, "color,x,y\nred,1,yes\nblue,0,no\nred,2,no\ngreen,0,yes\n");

    public void Dispose() => File.Delete(_csv);

    private Dataset Colors() => Dataset.FromCsv(_csv, "y", "yes", categoricalColumns: ["color"]);

    private static float[][] Features(IDataView view, string column = "Features")
    {
        var col = view.Schema[column];
        var rows = new List<float[]>();
        using var cursor = view.GetRowCursor([col]);
        if (col.Type is VectorDataViewType)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(col);
            var buffer = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                rows.Add(buffer.DenseValues().ToArray());
            }
        }
        else
        {
            var getter = cursor.GetGetter<float>(col);
            float value = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                rows.Add([value]);
            }
        }

        return [.. rows];
    }

    private static IDataView Encode(Dataset data, CategoricalEncoding encoding, int hashBits = 2)
    {
        var ml = new MLContext(0);
        var view = data.ToDataView(ml);
        return CategoricalEncodings.Encoder(ml, encoding, data.Schema.CategoricalColumns, hashBits).Fit(view).Transform(view);
    }

    [Fact]
    public void OneHot_SmallTable_NumericThenOneIndicatorPerLevelInOccurrenceOrder()
    {
        var rows = Features(Encode(Colors(), CategoricalEncoding.OneHot));
        Assert.Equal([[1f, 1, 0, 0], [0f, 0, 1, 0], [2f, 1, 0, 0], [0f, 0, 0, 1]], rows);
    }

    [Fact]
    public void Label_SmallTable_OneNumberPerColumnInOccurrenceOrder()
    {
        var rows = Features(Encode(Colors(), CategoricalEncoding.Label));
        Assert.Equal([[1f, 1], [0f, 2], [2f, 1], [0f, 3]], rows);
    }

    [Fact]
    public void LabelCodes_LevelUnseenInTraining_Zero()
    {
        var data = Colors();
        var ml = new MLContext(0);
        var estimator = new LabelCodeEstimator(ml, ["color"]);
        var model = estimator.Fit(data.ToDataView(ml, [1, 0])); // blue first, then red; green unseen
        var codes = Features(model.Transform(data.ToDataView(ml)), "label:color");
        Assert.Equal([[2f], [1f], [2f], [0f]], codes);
        Assert.Equal(["label:color"], estimator.OutputColumns);
    }

    [Fact]
    public void Size_SmallTable_ExactCounts()
    {
        var data = Colors();
        var oneHot = EncodingRuns.Size(data, CategoricalEncoding.OneHot, hashBits: 2);
        Assert.Equal((4, 4, 6L, 64L, 48L), (oneHot.Rows, oneHot.Features, oneHot.NonZeros, oneHot.DenseBytes, oneHot.SparseBytes));
        var label = EncodingRuns.Size(data, CategoricalEncoding.Label, hashBits: 2);
        Assert.Equal((2, 6L, 32L, 48L), (label.Features, label.NonZeros, label.DenseBytes, label.SparseBytes));
        var numeric = EncodingRuns.Size(data, CategoricalEncoding.NumericOnly, hashBits: 2);
        Assert.Equal((1, 2L), (numeric.Features, numeric.NonZeros));
        var hashing = EncodingRuns.Size(data, CategoricalEncoding.Hashing, hashBits: 2);
        Assert.Equal((5, 6L), (hashing.Features, hashing.NonZeros));
    }

    [Fact]
    public void Measure_NotAVector_Throws()
    {
        var ml = new MLContext(0);
        var view = Colors().ToDataView(ml);
        var ex = Assert.Throws<ArgumentException>(() => EncodedSize.Measure(view, "x"));
        Assert.StartsWith("column 'x' has type Single; it must be a known-size vector of Single. Concatenate the features first.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GermanCredit_FeatureCounts_FollowTheLevelsPresent()
    {
        var german = Datasets.GermanCredit();
        var cats = german.Schema.CategoricalColumns;
        int Present(CategoricalColumn c) => german.GetCategoricalCodes(c.Name).Distinct().Count();
        var numeric = german.Schema.NumericColumns.Count;
        Assert.Equal(numeric + cats.Sum(Present), EncodingRuns.Size(german, CategoricalEncoding.OneHot, 4).Features);
        Assert.Equal(numeric + cats.Count, EncodingRuns.Size(german, CategoricalEncoding.Label, 4).Features);
        Assert.Equal(numeric + cats.Count, EncodingRuns.Size(german, CategoricalEncoding.Ordinal, 4).Features);
        Assert.Equal(numeric + cats.Where(c => !c.IsOrdinal).Sum(Present) + cats.Count(c => c.IsOrdinal), EncodingRuns.Size(german, CategoricalEncoding.Mixed, 4).Features);
        Assert.Equal(numeric + (cats.Count * 16), EncodingRuns.Size(german, CategoricalEncoding.Hashing, 4).Features);
        Assert.Equal(4, cats.Count(c => c.IsOrdinal));
    }

    [Fact]
    public void Ordinal_GermanCredit_RankIsCatalogueLevelPlusOne()
    {
        var german = Datasets.GermanCredit();
        var encoded = Encode(german, CategoricalEncoding.Ordinal);
        foreach (var column in german.Schema.CategoricalColumns.Where(c => c.IsOrdinal))
        {
            var ranks = Features(encoded, "rank:" + column.Name).Select(r => r[0]).ToArray();
            Assert.Equal(german.GetCategoricalCodes(column.Name).Select(c => (float)(c + 1)), ranks);
        }
    }

    [Fact]
    public void Names_EveryEncoding_DistinctNamesAndDescriptions()
    {
        var all = Enum.GetValues<CategoricalEncoding>();
        Assert.Equal(all.Length, all.Select(e => e.Name()).Distinct().Count());
        Assert.Contains("2^4 = 16 indicator slots", CategoricalEncoding.Hashing.Description(4), StringComparison.Ordinal);
    }
}
