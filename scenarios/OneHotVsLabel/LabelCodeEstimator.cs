using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ClassicalML.Scenarios.OneHotVsLabel;

/// <summary>
/// Label encoding as a number: each text column becomes a Single column <c>label:&lt;name&gt;</c> holding the level's
/// key from ML.NET's <c>MapValueToKey</c> (1, 2, … in order of first occurrence in the training rows; unseen levels 0).
/// </summary>
/// <remarks>
/// ML.NET keeps keys as a key type, which trainers either reject or expand, and <c>ConvertType</c> refuses key-to-Single.
/// So <see cref="Fit"/> fits <c>MapValueToKey</c> on the training rows, reads the key order from its key-value annotations
/// and maps each level to its key number with <c>MapValue</c>: the model then sees the invented order as a number, which
/// is what "label encoding" hands a model in scikit-learn (<c>LabelEncoder</c>/<c>OrdinalEncoder</c>) too.
/// </remarks>
internal sealed class LabelCodeEstimator : IEstimator<ITransformer>
{
    private readonly MLContext _ml;
    private readonly string[] _columns;

    public LabelCodeEstimator(MLContext ml, IReadOnlyList<string> columns)
    {
        _ml = ml;
        _columns = [.. columns];
        OutputColumns = [.. _columns.Select(c => "label:" + c)];
    }

    /// <summary>The output column of each input column, in input order.</summary>
    public IReadOnlyList<string> OutputColumns { get; }

    public ITransformer Fit(IDataView input)
    {
        var pairs = _columns.Select(c => new InputOutputColumnPair("key:" + c, c)).ToArray();
        var keys = _ml.Transforms.Conversion.MapValueToKey(pairs, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence).Fit(input);
        var schema = keys.GetOutputSchema(input.Schema);
        var chain = new EstimatorChain<ITransformer>();
        for (var j = 0; j < _columns.Length; j++)
        {
            var levels = default(VBuffer<ReadOnlyMemory<char>>);
            schema["key:" + _columns[j]].GetKeyValues(ref levels);
            var codes = levels.DenseValues().Select((level, i) => new KeyValuePair<string, float>(level.ToString(), i + 1)).ToArray();
            chain = chain.Append<ITransformer>(_ml.Transforms.Conversion.MapValue(OutputColumns[j], codes, _columns[j]));
        }

        return chain.Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        // The output shape does not depend on the learned codes: any mapping text -> Single gives it.
        var chain = new EstimatorChain<ITransformer>();
        for (var j = 0; j < _columns.Length; j++)
        {
            chain = chain.Append<ITransformer>(_ml.Transforms.Conversion.MapValue(OutputColumns[j], [new KeyValuePair<string, float>(string.Empty, 0f)], _columns[j]));
        }

        return chain.GetOutputSchema(inputSchema);
    }
}
