using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data.Tests;

public class DataViewBuilderTests
{
    private readonly MLContext ml = new(seed: 0);

    [Fact]
    public void Build_SameSchemaAndValuesAsLoadFromEnumerable()
    {
        bool[] labels = [true, false, false];
        float[] weights = [1f, 0.5f, 2f];
        float[][] features = [[1f, 2f], [3f, 4f], [5f, 6f]];
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2);
        var expected = ml.Data.LoadFromEnumerable(labels.Select((l, i) => new Row { Label = l, Weight = weights[i], Features = features[i] }), definition);

        var view = new DataViewBuilder().AddBoolean("Label", labels).AddSingle("Weight", weights).AddVector("Features", features).Build();

        Assert.Equal(expected.Schema.Select(c => (c.Name, c.Type)), view.Schema.Select(c => (c.Name, c.Type)));
        Assert.Equal(labels, view.GetColumn<bool>("Label"));
        Assert.Equal(weights, view.GetColumn<float>("Weight"));
        Assert.Equal(expected.GetColumn<float[]>("Features"), view.GetColumn<float[]>("Features"));
        Assert.Equal(Ids(expected), Ids(view));
    }

    [Fact]
    public void Build_CopiesValues_LaterChangesDoNotReachTheView()
    {
        float[] values = [1f, 2f];
        var view = new DataViewBuilder().AddSingle("x", values).Build();

        values[0] = 99f;

        Assert.Equal([1f, 2f], view.GetColumn<float>("x"));
    }

    [Fact]
    public void Select_BuiltView_ComposesAndNumbersRowsByPosition()
    {
        var view = new DataViewBuilder().AddSingle("x", [10f, 11f, 12f, 13f]).Build();

        var subset = view.Select([3, 1, 3]).Select([2, 0]);

        Assert.Equal([13f, 13f], subset.GetColumn<float>("x"));
        Assert.Equal([0UL, 1UL], Ids(subset));
    }

    [Fact]
    public void Select_DatasetView_KeepsDataSetRowsAsIds()
    {
        var view = Datasets.Sonar().ToDataView(ml);

        Assert.Equal([7UL, 2UL, 7UL], Ids(view.Select([7, 2, 7])));
    }

    [Fact]
    public void Select_MaterializedViewSelectedAgain_NumbersRowsByPosition()
    {
        var foreign = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 5).Select(i => new Row { Label = i % 2 == 0, Weight = i, Features = [i, i] }));

        var subset = foreign.Select([4, 3, 2]).Select([2, 2]);

        Assert.Equal([2f, 2f], subset.GetColumn<float>("Weight"));
        Assert.Equal([0UL, 1UL], Ids(subset));
    }

    [Fact]
    public void AddSingle_OtherRowCount_NamesBothColumns()
    {
        var builder = new DataViewBuilder().AddBoolean("Label", [true, false]);

        var ex = Assert.Throws<ArgumentException>(() => builder.AddSingle("Weight", [1f]));

        Assert.Equal("Column 'Weight' has 1 rows but column 'Label' has 2; pass one value per row for every column. (Parameter 'values')", ex.Message);
    }

    [Fact]
    public void AddBoolean_NameTaken_Throws()
    {
        var builder = new DataViewBuilder().AddBoolean("Label", [true]);

        var ex = Assert.Throws<ArgumentException>(() => builder.AddBoolean("Label", [false]));

        Assert.Equal("name is 'Label', which this builder already has; pass a new name for every column. (Parameter 'name')", ex.Message);
    }

    [Fact]
    public void AddVector_RaggedRows_NamesRowAndWidth()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DataViewBuilder().AddVector("Features", [[1f, 2f], [3f]]));

        Assert.Equal("rows[1] has 1 values but rows[0] has 2; a known-size vector needs the same, non-zero length in every row. Pad or drop features so that all rows have the same width. (Parameter 'rows')", ex.Message);
    }

    [Fact]
    public void Build_NoColumn_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new DataViewBuilder().Build());

        Assert.Equal("The builder has no column; add at least one with AddBoolean, AddSingle or AddVector before calling Build.", ex.Message);
    }

    [Fact]
    public void AppendTo_AddsColumnsAfterTheSourceAndHidesSameName()
    {
        var source = Datasets.Sonar().ToDataView(ml, [0, 1, 2]);

        var view = new DataViewBuilder().AddSingle("V1", [7f, 8f, 9f]).AddBoolean("Flag", [true, false, true]).AppendTo(source);

        Assert.Equal([.. source.Schema.Select(c => c.Name), "V1", "Flag"], view.Schema.Select(c => c.Name));
        Assert.True(view.Schema[source.Schema["V1"].Index].IsHidden);
        Assert.Equal([7f, 8f, 9f], view.GetColumn<float>("V1"));
        Assert.Equal(source.GetColumn<bool>("Label"), view.GetColumn<bool>("Label"));
        Assert.Equal(3, view.GetRowCount());
    }

    [Fact]
    public void AppendTo_SourceWithMoreRows_CursorSaysSo()
    {
        var view = new DataViewBuilder().AddSingle("Weight", [1f, 2f]).AppendTo(Datasets.Sonar().ToDataView(ml, [0, 1, 2]));

        var ex = Assert.Throws<InvalidOperationException>(() => view.GetColumn<float>("Weight").ToList());

        Assert.Equal("The source view has more rows than the 2 appended values; append one value per source row (a source that changed since the values were computed from it has this error too).", ex.Message);
    }

    [Fact]
    public void Cursor_ColumnNotRequested_SaysHowToFix()
    {
        var view = new DataViewBuilder().AddSingle("x", [1f]).AddSingle("y", [2f]).Build();
        using var cursor = view.GetRowCursor([view.Schema["x"]]);

        var ex = Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<float>(view.Schema["y"]));

        Assert.Equal("Column 'y' was not requested when this cursor was created; include it in columnsNeeded.", ex.Message);
    }

    [Fact]
    public void Cursor_GetterOfOtherType_NamesBothTypes()
    {
        var view = new DataViewBuilder().AddSingle("x", [1f]).Build();
        using var cursor = view.GetRowCursor(view.Schema);

        var ex = Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<double>(view.Schema["x"]));

        Assert.Equal("Column 'x' has type Single; a getter of Double cannot read it.", ex.Message);
    }

    private static ulong[] Ids(IDataView view)
    {
        var ids = new List<ulong>();
        using var cursor = view.GetRowCursor([]);
        var getter = cursor.GetIdGetter();
        DataViewRowId id = default;
        while (cursor.MoveNext())
        {
            getter(ref id);
            ids.Add(id.Low);
        }

        return [.. ids];
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float Weight { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }
}
