using System.Globalization;
using ClassicalML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ClassicalML.Scenarios.OneHotVsLabel;

/// <summary>How the categorical columns become numbers.</summary>
internal enum CategoricalEncoding
{
    /// <summary>Baseline: the categorical columns are dropped, only the numeric features are used.</summary>
    NumericOnly,

    /// <summary>One indicator column per level seen in training (ML.NET <c>OneHotEncoding</c>).</summary>
    OneHot,

    /// <summary>One number per column: the level's key from <c>MapValueToKey</c> (order of first occurrence), used as a number.</summary>
    Label,

    /// <summary>Ordinal columns get their true rank (1 for the lowest level); nominal columns get label codes as in <see cref="Label"/>.</summary>
    Ordinal,

    /// <summary>Nominal columns one-hot, ordinal columns their true rank.</summary>
    Mixed,

    /// <summary>Each column hashed into 2^bits indicator slots (ML.NET <c>OneHotHashEncoding</c>).</summary>
    Hashing,

    /// <summary>Each column replaced by its level's count in the training rows (<see cref="FoldEncoding"/>).</summary>
    Count,

    /// <summary>Each column replaced by its level's smoothed positive rate, out-of-fold (<see cref="FoldEncoding"/>).</summary>
    Target,
}

/// <summary>Names and ML.NET pipelines of the encodings.</summary>
internal static class CategoricalEncodings
{
    /// <summary>The short name used in tables and figures.</summary>
    public static string Name(this CategoricalEncoding encoding) => encoding switch
    {
        CategoricalEncoding.NumericOnly => "numeric only",
        CategoricalEncoding.OneHot => "one-hot",
        CategoricalEncoding.Label => "label",
        CategoricalEncoding.Ordinal => "ordinal",
        CategoricalEncoding.Mixed => "mixed",
        CategoricalEncoding.Hashing => "hashing",
        CategoricalEncoding.Count => "count",
        CategoricalEncoding.Target => "target",
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, $"encoding is {(int)encoding}, which is not a defined CategoricalEncoding."),
    };

    /// <summary>What the encoding does, in one line for the report.</summary>
    public static string Description(this CategoricalEncoding encoding, int hashBits) => encoding switch
    {
        CategoricalEncoding.NumericOnly => "categorical columns dropped (baseline)",
        CategoricalEncoding.OneHot => "one indicator per level seen in training (OneHotEncoding)",
        CategoricalEncoding.Label => "MapValueToKey (keys by first occurrence) converted to Single: one arbitrary number per column",
        CategoricalEncoding.Ordinal => "true rank 1..K for ordinal columns (catalogue order), label codes for nominal columns",
        CategoricalEncoding.Mixed => "one-hot for nominal columns, true rank 1..K for ordinal columns",
        CategoricalEncoding.Hashing => string.Create(CultureInfo.InvariantCulture, $"OneHotHashEncoding with {hashBits} bits: 2^{hashBits} = {1 << hashBits} indicator slots per column"),
        CategoricalEncoding.Count => "the level's count among the training rows: one number per column",
        CategoricalEncoding.Target => string.Create(CultureInfo.InvariantCulture, $"the level's smoothed positive rate (m = {FoldEncoding.Smoothing}) from the training rows, out-of-fold ({FoldEncoding.InnerFolds} inner folds) for the training rows"),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, $"encoding is {(int)encoding}, which is not a defined CategoricalEncoding."),
    };

    /// <summary>
    /// The estimator that turns a data view of <see cref="Dataset.ToDataView(MLContext, string?)"/> into one whose
    /// <c>Features</c> column holds the numeric features followed by the encoded categorical columns.
    /// </summary>
    /// <param name="ml">The context.</param>
    /// <param name="encoding">The encoding.</param>
    /// <param name="columns">The categorical columns, with their levels and whether they are ordinal.</param>
    /// <param name="hashBits">The number of bits for <see cref="CategoricalEncoding.Hashing"/>.</param>
    /// <returns>The (unfitted) encoder; an empty chain for <see cref="CategoricalEncoding.NumericOnly"/>.</returns>
    public static IEstimator<ITransformer> Encoder(MLContext ml, CategoricalEncoding encoding, IReadOnlyList<CategoricalColumn> columns, int hashBits)
    {
        var nominal = columns.Where(c => !c.IsOrdinal).ToArray();
        var ordinal = columns.Where(c => c.IsOrdinal).ToArray();
        var chain = new List<IEstimator<ITransformer>>();
        var parts = new List<string> { "Features" };
        switch (encoding)
        {
            case CategoricalEncoding.NumericOnly:
                return new EstimatorChain<ITransformer>();
            case CategoricalEncoding.OneHot:
                chain.Add(OneHot(ml, columns, parts));
                break;
            case CategoricalEncoding.Label:
                AddLabel(ml, chain, columns, parts);
                break;
            case CategoricalEncoding.Ordinal:
                AddLabel(ml, chain, nominal, parts);
                AddRank(ml, chain, ordinal, parts);
                break;
            case CategoricalEncoding.Mixed:
                if (nominal.Length > 0)
                {
                    chain.Add(OneHot(ml, nominal, parts));
                }

                AddRank(ml, chain, ordinal, parts);
                break;
            case CategoricalEncoding.Hashing:
                var pairs = columns.Select(c => new InputOutputColumnPair("hash:" + c.Name, c.Name)).ToArray();
                parts.AddRange(pairs.Select(p => p.OutputColumnName));
                chain.Add(ml.Transforms.Categorical.OneHotHashEncoding(pairs, OneHotEncodingEstimator.OutputKind.Indicator, numberOfBits: hashBits));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, $"encoding is {encoding}, which has no ML.NET encoder; count and target encoding are fitted per fold by FoldEncoding.Encode.");
        }

        chain.Add(ml.Transforms.Concatenate("Features", [.. parts]));
        return chain.Aggregate(new EstimatorChain<ITransformer>(), (c, step) => c.Append(step));
    }

    private static OneHotEncodingEstimator OneHot(MLContext ml, IEnumerable<CategoricalColumn> columns, List<string> parts)
    {
        var pairs = columns.Select(c => new InputOutputColumnPair("onehot:" + c.Name, c.Name)).ToArray();
        parts.AddRange(pairs.Select(p => p.OutputColumnName));
        return ml.Transforms.Categorical.OneHotEncoding(pairs, OneHotEncodingEstimator.OutputKind.Indicator);
    }

    private static void AddLabel(MLContext ml, List<IEstimator<ITransformer>> chain, IReadOnlyList<CategoricalColumn> columns, List<string> parts)
    {
        if (columns.Count == 0)
        {
            return;
        }

        var estimator = new LabelCodeEstimator(ml, [.. columns.Select(c => c.Name)]);
        parts.AddRange(estimator.OutputColumns);
        chain.Add(estimator);
    }

    private static void AddRank(MLContext ml, List<IEstimator<ITransformer>> chain, IReadOnlyList<CategoricalColumn> columns, List<string> parts)
    {
        foreach (var column in columns)
        {
            // The catalogue lists an ordinal column's levels from low to high: rank = position + 1.
            var ranks = column.Levels.Select((level, i) => new KeyValuePair<string, float>(level, i + 1));
            var output = "rank:" + column.Name;
            parts.Add(output);
            chain.Add(ml.Transforms.Conversion.MapValue(output, ranks, column.Name));
        }
    }
}
