using System.Globalization;
using System.Reflection;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using Microsoft.ML;

namespace ClassicalML.Data.Training;

/// <summary>
/// Stratified counterparts of ML.NET's <c>TrainTestSplit</c> and <c>CrossValidate</c>, as extension methods on the
/// ML.NET catalogs: <c>mlContext.Data.StratifiedTrainTestSplit(…)</c> and
/// <c>mlContext.BinaryClassification.StratifiedCrossValidate(…)</c>.
/// </summary>
/// <remarks>
/// ML.NET's <c>DataOperationsCatalog.TrainTestSplit</c> and <c>BinaryClassificationCatalog.CrossValidate</c> are not
/// stratified: they assign rows by a random number (or a hash), so class proportions vary between sets and folds, which
/// matters for small or imbalanced data. Their <c>samplingKeyColumnName</c> is a grouping key, not a stratum: rows with
/// equal keys land in the same set (as scikit-learn's <c>GroupKFold</c>); passing the label there would put each class
/// entirely on one side. The methods here allocate each class separately (<see cref="TrainTestSplit.Stratified{TKey}"/>,
/// <see cref="StratifiedKFold"/>), seeded with MT19937, so the same seed gives the same rows on every machine.
/// </remarks>
public static class StratifiedCatalogExtensions
{
    /// <summary>The seed used when none is passed.</summary>
    public const int DefaultSeed = 0;

    private static readonly ConstructorInfo? TrainTestDataConstructor = typeof(DataOperationsCatalog.TrainTestData)
        .GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(IDataView), typeof(IDataView)]);

    /// <summary>
    /// Splits <paramref name="data"/> into training and test sets keeping the class proportions of
    /// <paramref name="labelColumnName"/> in both, returning ML.NET's own <see cref="DataOperationsCatalog.TrainTestData"/>.
    /// </summary>
    /// <param name="catalog">The data catalog, <c>mlContext.Data</c>.</param>
    /// <param name="data">The data to split.</param>
    /// <param name="testFraction">Fraction of rows for the test set, in (0, 1); default 0.1 as ML.NET's.</param>
    /// <param name="labelColumnName">The column to stratify on: Boolean, key, text or numeric (any number of classes).</param>
    /// <param name="seed">Seed of the per-class shuffle (MT19937); default <see cref="DefaultSeed"/>.</param>
    /// <returns>The training and test views; rows keep their original relative order within each set.</returns>
    /// <remarks>
    /// n_test = ⌈testFraction · n⌉ and class c gets ⌊testFraction · n_c⌋ or ⌈testFraction · n_c⌉ test rows (largest
    /// remainders), so each set's class counts are within one row of the exact proportion; see
    /// <see cref="TrainTestSplit.Stratified{TKey}"/>. Unlike ML.NET's <c>TrainTestSplit</c>, there is no
    /// <c>samplingKeyColumnName</c>: to keep groups together use <see cref="GroupKFold"/> instead.
    /// Cost: one pass to read the label, then one selection per set (<see cref="DataViewSubset.Select"/>).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> or <paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">The label column is missing or not a scalar, or the fraction leaves no training row.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1).</exception>
    public static DataOperationsCatalog.TrainTestData StratifiedTrainTestSplit(
        this DataOperationsCatalog catalog,
        IDataView data,
        double testFraction = 0.1,
        string labelColumnName = "Label",
        int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        var strata = ColumnReader.ReadStrata(data, labelColumnName, nameof(labelColumnName));
        var split = TrainTestSplit.Stratified<string>(strata, testFraction, seed);
        var train = data.Select(split.TrainIndices.AsSpan());
        var test = data.Select(split.TestIndices.AsSpan());

        // TrainTestData has no public constructor in ML.NET 5.0.1; it is made the way ML.NET's own TrainTestSplit makes it.
        var constructor = TrainTestDataConstructor ?? throw new InvalidOperationException(
            "This version of ML.NET has no TrainTestData(IDataView, IDataView) constructor; ClassicalML was built against Microsoft.ML 5.0.1. Use TrainTestSplit.Stratified and DataViewSubset.Select directly.");
        return (DataOperationsCatalog.TrainTestData)constructor.Invoke([train, test]);
    }

    /// <summary>
    /// Stratified k-fold cross-validation of a binary estimator, evaluated with ClassicalML.Evaluation; the stratified
    /// counterpart of <c>mlContext.BinaryClassification.CrossValidate</c>.
    /// </summary>
    /// <param name="catalog">The binary classification catalog, <c>mlContext.BinaryClassification</c>.</param>
    /// <param name="data">The data; <paramref name="labelColumnName"/> must be Boolean.</param>
    /// <param name="estimator">The estimator (a trainer or a pipeline ending in one).</param>
    /// <param name="numberOfFolds">Number of folds, at least 2; default 5 as ML.NET's.</param>
    /// <param name="labelColumnName">The Boolean label column.</param>
    /// <param name="seed">Seed of the fold shuffle (MT19937); default <see cref="DefaultSeed"/>.</param>
    /// <returns>Per-fold and pooled predictions and reports; see <see cref="CrossValidationResult"/>.</returns>
    /// <remarks>
    /// Folds come from <see cref="StratifiedKFold"/> with shuffling: each class's per-fold counts differ by at most one.
    /// ML.NET's <c>CrossValidate</c> assigns folds at random (not stratified) and treats <c>samplingKeyColumnName</c> as a
    /// grouping key. This seed fixes the folds only; for reproducible models seed the <see cref="MLContext"/> and use
    /// <c>NumberOfThreads = 1</c> for SDCA, FastTree and LightGBM. For resampling, weighting, another threshold or other
    /// column names use <see cref="CrossValidation"/> directly.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/>, <paramref name="data"/> or <paramref name="estimator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numberOfFolds"/> is less than 2 or more than the rows.</exception>
    /// <exception cref="ArgumentException">The label column is missing or not Boolean, or every class has fewer rows than folds.</exception>
    public static CrossValidationResult StratifiedCrossValidate(
        this BinaryClassificationCatalog catalog,
        IDataView data,
        IEstimator<ITransformer> estimator,
        int numberOfFolds = 5,
        string labelColumnName = "Label",
        int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(estimator);
        Preconditions.CheckAtLeast(numberOfFolds, 2, nameof(numberOfFolds), "Pass 5 or 10, the usual choices.");

        var labels = ColumnReader.ReadBoolean(data, labelColumnName, nameof(labelColumnName), "binary cross-validation");
        var split = new StratifiedKFold(numberOfFolds, shuffle: true, seed: seed).Split<bool>(labels);
        return CrossValidation.Run(data, labels, estimator, split, new CrossValidationOptions { LabelColumnName = labelColumnName });
    }
}
