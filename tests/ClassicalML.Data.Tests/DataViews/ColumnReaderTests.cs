using Microsoft.ML;

namespace ClassicalML.Data.Tests;

public class ColumnReaderTests
{
    private static readonly IDataView View = new DataViewBuilder()
        .AddBoolean("Label", [true, false, true])
        .AddSingle("Score", [0.5f, float.NaN, -2f])
        .AddVector("Features", [[1f, 2f], [3f, 4f], [5f, 6f]])
        .Build();

    [Fact]
    public void Require_MissingColumn_NamesArgumentVisibleColumnsAndRole()
    {
        var ex = Assert.Throws<ArgumentException>(() => ColumnReader.Require(View, "Target", "labelColumnName", "label column"));

        Assert.Equal("labelColumnName is 'Target', but the data view has no such column; available columns: 'Label', 'Score', 'Features'. Pass the name of the label column. (Parameter 'labelColumnName')", ex.Message);
    }

    [Fact]
    public void Require_EmptyName_NamesArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() => ColumnReader.Require(View, "", "labelColumnName"));

        Assert.Equal("labelColumnName", ex.ParamName);
    }

    [Fact]
    public void ReadBoolean_BooleanColumn_ReadsRowsInOrder() =>
        Assert.Equal([true, false, true], ColumnReader.ReadBoolean(View, "Label", "label", "a test"));

    [Fact]
    public void ReadBoolean_NotBoolean_NamesArgumentTypePurposeAndFix()
    {
        var ex = Assert.Throws<ArgumentException>(() => ColumnReader.ReadBoolean(View, "Score", "options.LabelColumnName", "binary cross-validation"));

        Assert.Equal("options.LabelColumnName is 'Score', a column of type Single; binary cross-validation needs a Boolean label. Map a two-class label to Boolean first (e.g. with mlContext.Transforms.Expression or CustomMapping), or use a one-versus-rest label. (Parameter 'options.LabelColumnName')", ex.Message);
    }

    [Fact]
    public void ReadStrata_BooleanAndNumber_AsInvariantText()
    {
        Assert.Equal(["True", "False", "True"], ColumnReader.ReadStrata(View, "Label", "label"));
        Assert.Equal(["0.5", "NaN", "-2"], ColumnReader.ReadStrata(View, "Score", "label"));
    }

    [Fact]
    public void ReadFeatures_KnownSizeVector_OneDoubleArrayPerRow() =>
        Assert.Equal([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], ColumnReader.ReadFeatures(View, "Features", "features"));

    [Fact]
    public void ReadFeatures_Scalar_NamesArgumentAndFix()
    {
        var ex = Assert.Throws<ArgumentException>(() => ColumnReader.ReadFeatures(View, "Score", "options.FeatureColumnName"));

        Assert.StartsWith("options.FeatureColumnName is 'Score', a column of type Single; resampling reads the features as a known-size vector of Single.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadNumbers_SingleAndBoolean_AsDoubles()
    {
        Assert.Equal([0.5, double.NaN, -2.0], ColumnReader.ReadNumbers(View, "Score", "score"));
        Assert.Equal([1.0, 0.0, 1.0], ColumnReader.ReadNumbers(View, "Label", "score"));
    }

    [Fact]
    public void ReadNumbers_Vector_NamesArgumentAndFix()
    {
        var ex = Assert.Throws<ArgumentException>(() => ColumnReader.ReadNumbers(View, "Features", "scoreColumnName"));

        Assert.Equal("scoreColumnName is 'Features', a column of type Vector<Single, 2>; numbers are read from Single, Double or Boolean columns. Pass the name of a numeric scalar column. (Parameter 'scoreColumnName')", ex.Message);
    }
}
