using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Scenarios.OneHotVsLabel;

/// <summary>
/// The size of an encoded feature matrix, computed from its contents (so it is exact and reproducible, unlike a
/// measurement of the process's memory).
/// </summary>
/// <param name="Rows">The number of rows.</param>
/// <param name="Features">The slot count of the feature vector.</param>
/// <param name="NonZeros">The number of non-zero values over all rows.</param>
/// <param name="StoredBytes">The bytes of the vectors as ML.NET holds them: a dense row takes 4 bytes per slot, a sparse row
/// 4 bytes per stored value plus 4 per index.</param>
internal sealed record EncodedSize(int Rows, int Features, long NonZeros, long StoredBytes)
{
    /// <summary>A dense Single matrix: rows × features × 4 bytes.</summary>
    public long DenseBytes => (long)Rows * Features * sizeof(float);

    /// <summary>A sparse matrix storing each non-zero as a 4-byte value and a 4-byte column index: non-zeros × 8 bytes.</summary>
    public long SparseBytes => NonZeros * (sizeof(float) + sizeof(int));

    /// <summary>Reads the Single vector column <paramref name="column"/> of every row once.</summary>
    /// <param name="data">The encoded data.</param>
    /// <param name="column">The feature vector column.</param>
    /// <returns>The sizes.</returns>
    public static EncodedSize Measure(IDataView data, string column = "Features")
    {
        ArgumentNullException.ThrowIfNull(data);
        var col = data.Schema[column];
        if (col.Type is not VectorDataViewType { ItemType: NumberDataViewType, IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
        {
            throw new ArgumentException($"column '{column}' has type {col.Type}; it must be a known-size vector of Single. Concatenate the features first.", nameof(column));
        }

        int rows = 0;
        long nonZeros = 0, stored = 0;
        using var cursor = data.GetRowCursor([col]);
        var getter = cursor.GetGetter<VBuffer<float>>(col);
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            rows++;
            var values = buffer.GetValues();
            foreach (var v in values)
            {
                nonZeros += v != 0 ? 1 : 0;
            }

            stored += buffer.IsDense ? (long)buffer.Length * sizeof(float) : (long)values.Length * (sizeof(float) + sizeof(int));
        }

        return new EncodedSize(rows, vector.Size, nonZeros, stored);
    }
}
