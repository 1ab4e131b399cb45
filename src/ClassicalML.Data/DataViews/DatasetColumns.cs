using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data;

/// <summary>
/// The columns of <see cref="Dataset.ToDataView(MLContext, string?)"/>: Label, LabelText, every feature under its own
/// name, and the numeric features as one Features vector; values are read from the data set's column arrays.
/// </summary>
internal static class DatasetColumns
{
    private const string LabelName = "Label";
    private const string LabelTextName = "LabelText";
    private const string FeaturesName = "Features";

    /// <summary>A view of the data set's rows (all, or <paramref name="rows"/>, checked by the caller), whose row ids are the data set's rows.</summary>
    public static ColumnDataView View(Dataset data, int[]? rows, bool[] labels)
    {
        var schema = data.Schema;
        foreach (var reserved in new[] { LabelName, LabelTextName, FeaturesName })
        {
            if (schema.FeatureColumns.Contains(reserved))
            {
                throw new InvalidOperationException($"Data set '{data.Name}' has a feature column named '{reserved}', which the data view reserves; rename the column in the file.");
            }
        }

        var columns = new List<ViewColumn>
        {
            ViewColumn.Of(new ColumnHeader(LabelName, BooleanDataViewType.Instance), labels),
            new(new ColumnHeader(LabelTextName, TextDataViewType.Instance), row => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
                value = data.Schema.ClassValues[data.LabelCode(row())].AsMemory())),
        };
        columns.AddRange(schema.FeatureColumns.Select(name => Feature(data, name)));
        if (schema.NumericColumns.Count > 0)
        {
            columns.Add(Features(data));
        }

        return new ColumnDataView(columns, data.RowCount, RowIds.ArrayRows, rows);
    }

    private static ViewColumn Feature(Dataset data, string name)
    {
        var (kind, index) = data.Schema.Find(name);
        if (kind == ColumnKind.Numeric)
        {
            return new(new ColumnHeader(name, NumberDataViewType.Single), row =>
            {
                var column = data.SingleColumn(index);
                return (ValueGetter<float>)((ref float value) => value = column[row()]);
            });
        }

        var levels = data.Schema.CategoricalColumns[index].Levels.Select(l => l.AsMemory()).ToArray();
        return new(new ColumnHeader(name, TextDataViewType.Instance), row => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
            value = levels[data.CategoricalCode(index, row())]));
    }

    /// <summary>The numeric features as a known-size vector of Single, with their names as slot names.</summary>
    private static ViewColumn Features(Dataset data)
    {
        var names = data.Schema.NumericColumns;
        var width = names.Count;
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(width, names.Select(n => n.AsMemory()).ToArray());
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, width), (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) => slotNames.CopyTo(ref value)));
        var header = new ColumnHeader(FeaturesName, new VectorDataViewType(NumberDataViewType.Single, width), annotations.ToAnnotations());
        return new(header, row =>
        {
            var columns = Enumerable.Range(0, width).Select(data.SingleColumn).ToArray();
            return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
            {
                var r = row();
                var editor = VBufferEditor.Create(ref value, width);
                for (var j = 0; j < width; j++)
                {
                    editor.Values[j] = columns[j][r];
                }

                value = editor.Commit();
            });
        });
    }
}
