using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data.Tests;

public class DataViewTests
{
    private readonly MLContext ml = new(seed: 0);

    [Fact]
    public void ToDataView_NumericDataset_HasDocumentedSchema()
    {
        var data = Datasets.BreastCancer();

        var view = data.ToDataView(ml);

        Assert.Equal(569, view.GetRowCount());
        Assert.Equal(["Label", "LabelText", .. data.Schema.NumericColumns, "Features"], view.Schema.Select(c => c.Name));
        Assert.Equal(BooleanDataViewType.Instance, view.Schema["Label"].Type);
        Assert.Equal(TextDataViewType.Instance, view.Schema["LabelText"].Type);
        Assert.Equal(NumberDataViewType.Single, view.Schema["mean_radius"].Type);
        var features = Assert.IsType<VectorDataViewType>(view.Schema["Features"].Type);
        Assert.Equal(30, features.Size);
        Assert.Equal(NumberDataViewType.Single, features.ItemType);
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        view.Schema["Features"].GetSlotNames(ref slotNames);
        Assert.Equal(data.Schema.NumericColumns, slotNames.DenseValues().Select(s => s.ToString()));
    }

    [Fact]
    public void ToDataView_MixedDataset_CategoricalAsTextAndValuesMatch()
    {
        var data = Datasets.GermanCredit();

        var view = data.ToDataView(ml);

        Assert.Equal(TextDataViewType.Instance, view.Schema["purpose"].Type);
        Assert.Equal(7, ((VectorDataViewType)view.Schema["Features"].Type).Size);
        Assert.Equal(data.GetCategorical("purpose"), view.GetColumn<ReadOnlyMemory<char>>("purpose").Select(m => m.ToString()));
        Assert.Equal(data.BinaryLabels(), view.GetColumn<bool>("Label"));
        Assert.Equal(data.GetLabels(), view.GetColumn<ReadOnlyMemory<char>>("LabelText").Select(m => m.ToString()));
        Assert.Equal(data.GetNumeric("age").Select(v => (float)v), view.GetColumn<float>("age"));
        Assert.Equal(data.GetNumeric("credit_amount").Select(v => (float)v), view.GetColumn<float[]>("Features").Select(f => f[1]));
    }

    [Fact]
    public void ToDataView_AllCategorical_HasNoFeaturesVector()
    {
        var view = Datasets.KrVsKp().ToDataView(ml);

        Assert.Null(view.Schema.GetColumnOrNull("Features"));
        Assert.Equal(2 + 36, view.Schema.Count);
    }

    [Fact]
    public void ToDataView_OtherPositiveClass_ChangesLabelOnly()
    {
        var data = Datasets.Satellite();

        var view = data.ToDataView(ml, "red soil");

        Assert.Equal(1533, view.GetColumn<bool>("Label").Count(b => b));
    }

    [Fact]
    public void ToDataViewRows_ReturnsExactlyRequestedRowsInOrder()
    {
        var data = Datasets.Sonar();
        int[] rows = [207, 0, 5, 5, 100];

        var view = data.ToDataView(ml, rows);

        Assert.Equal(5, view.GetRowCount());
        var v1 = data.GetNumeric("V1");
        Assert.Equal(rows.Select(r => (float)v1[r]), view.GetColumn<float>("V1"));
        var labels = data.BinaryLabels();
        Assert.Equal(rows.Select(r => labels[r]), view.GetColumn<bool>("Label"));
    }

    [Fact]
    public void Select_SubsetOfSubset_ComposesIndexes()
    {
        var data = Datasets.Sonar();
        var outer = data.ToDataView(ml, [10, 20, 30, 40]);

        var inner = outer.Select([3, 1]);

        var v2 = data.GetNumeric("V2");
        Assert.Equal([(float)v2[40], (float)v2[20]], inner.GetColumn<float>("V2"));
    }

    [Fact]
    public void Select_OutOfRange_NamesPositionAndRange()
    {
        var view = Datasets.Sonar().ToDataView(ml, [1, 2]);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => view.Select([0, 2]));

        Assert.StartsWith("rows[1] is 2; a row index must be in [0, 2) for this data view. Pass indexes of existing rows.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDataViewRows_OutOfRange_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Sonar().ToDataView(ml, [0, 208]));

        Assert.StartsWith("rows[1] is 208; a row index must be in [0, 208) for data set 'sonar'. Pass indexes of existing rows.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_ForeignView_MaterializesRequestedRowsInOrder()
    {
        var foreign = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 10).Select(i => new Row { X = i, Name = $"r{i}", V = [i, -i] }));

        var subset = foreign.Select([7, 2, 7]);

        Assert.Equal(3, subset.GetRowCount());
        Assert.Equal([7f, 2f, 7f], subset.GetColumn<float>("X"));
        Assert.Equal(["r7", "r2", "r7"], subset.GetColumn<string>("Name"));
        Assert.Equal([[7f, -7f], [2f, -2f], [7f, -7f]], subset.GetColumn<float[]>("V"));
        Assert.Equal(foreign.Schema.Select(c => (c.Name, c.Type)), subset.Schema.Select(c => (c.Name, c.Type)));
    }

    [Fact]
    public void Select_TransformedView_EqualsTransformingTheSubset()
    {
        var data = Datasets.Sonar();
        var view = data.ToDataView(ml);
        var transformed = ml.Transforms.Concatenate("Both", "V1", "V2").Fit(view).Transform(view);
        int[] rows = [5, 150, 0];

        var subset = transformed.Select(rows);

        var v2 = data.GetNumeric("V2");
        Assert.Equal(rows.Select(r => (float)v2[r]), subset.GetColumn<float[]>("Both").Select(b => b[1]));
        Assert.Equal(rows.Select(r => data.BinaryLabels()[r]), subset.GetColumn<bool>("Label"));
    }

    [Fact]
    public void Select_ForeignViewOutOfRange_NamesIndexAndRange()
    {
        var foreign = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 4).Select(i => new Row { X = i, Name = "a", V = [0, 0] }));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => foreign.Select([1, 4]));

        Assert.StartsWith("rows[1] is 4; a row index must be in [0, 4) for this data view. Pass indexes of existing rows.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDataView_TrainsAnMlNetModel()
    {
        var data = Datasets.BreastCancer();
        var train = data.ToDataView(ml, Enumerable.Range(0, 400).ToArray());
        var test = data.ToDataView(ml, Enumerable.Range(400, 169).ToArray());
        var pipeline = ml.Transforms.NormalizeMinMax("Features").Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());

        var metrics = ml.BinaryClassification.Evaluate(pipeline.Fit(train).Transform(test));

        Assert.InRange(metrics.AreaUnderRocCurve, 0.9, 1.0);
    }

    [Fact]
    public void ToDataView_ShuffleRowsAndCache_Work()
    {
        var view = Datasets.Sonar().ToDataView(ml);

        var shuffled = ml.Data.Cache(ml.Data.ShuffleRows(view, seed: 1));

        Assert.Equal(111, shuffled.GetColumn<bool>("Label").Count(b => b));
    }

    [Fact]
    public void Cursor_GetterBeforeMoveNext_Throws()
    {
        var view = Datasets.Sonar().ToDataView(ml);
        using var cursor = view.GetRowCursor(view.Schema);
        var getter = cursor.GetGetter<bool>(view.Schema["Label"]);
        var value = false;

        var ex = Assert.Throws<InvalidOperationException>(() => getter(ref value));

        Assert.Equal("The cursor is not on a row; call MoveNext() and check that it returned true before reading values.", ex.Message);
    }

    [Fact]
    public void DatasetSelect_CopiesRowsInOrder()
    {
        var data = Datasets.GermanCredit();

        var subset = data.Select([999, 0]);

        Assert.Equal(2, subset.RowCount);
        Assert.Equal([data.GetCategorical("purpose")[999], data.GetCategorical("purpose")[0]], subset.GetCategorical("purpose"));
        Assert.Equal([data.GetLabels()[999], data.GetLabels()[0]], subset.GetLabels());
    }

    [Fact]
    public void ToDataFrame_HasAllColumnsAndRows()
    {
        var data = Datasets.GermanCredit();

        var frame = data.ToDataFrame();

        Assert.Equal(1000, frame.Rows.Count);
        Assert.Equal([.. data.Schema.FeatureColumns, "class"], frame.Columns.Select(c => c.Name));
        Assert.Equal(data.GetNumeric("age")[3], (double)frame["age"][3]);
        Assert.Equal(data.GetLabels()[3], (string)frame["class"][3]);
    }

    [Fact]
    public void GetNumericMatrix_IsRowMajorInSchemaOrder()
    {
        var data = Datasets.Sonar();

        var matrix = data.GetNumericMatrix();

        Assert.Equal((208, 60), (matrix.GetLength(0), matrix.GetLength(1)));
        Assert.Equal(data.GetNumeric("V60")[17], matrix[17, 59]);
    }

    [Fact]
    public void FromNumeric_MatrixAndLabels_RoundTripThroughDataView()
    {
        var x = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };

        var data = Dataset.FromNumeric("resampled", x, [true, false, true], ["a", "b"]);
        var view = data.ToDataView(ml);

        Assert.Equal(["a", "b"], data.Schema.NumericColumns);
        Assert.Equal([true, false, true], view.GetColumn<bool>("Label"));
        Assert.Equal([2f, 4f, 6f], view.GetColumn<float>("b"));
        Assert.Equal(x, data.GetNumericMatrix());
    }

    [Fact]
    public void FromNumeric_LengthMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Dataset.FromNumeric("d", new double[2, 1], [true]));

        Assert.Equal("features has 2 elements but labels has 1; they must have the same length (one label per feature). Pass parallel arrays of equal length. (Parameter 'labels')", ex.Message);
    }

    private sealed class Row
    {
        public float X { get; set; }

        public string Name { get; set; } = string.Empty;

        [VectorType(2)]
        public float[] V { get; set; } = [];
    }
}
