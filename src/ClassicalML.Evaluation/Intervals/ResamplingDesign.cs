using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// How the scores fed to <see cref="CorrectedResampledT"/> were resampled: the ratio n_test / n_train of the rows
/// each score was tested on to the rows its model was trained on, which sets the Nadeau–Bengio correction.
/// </summary>
public sealed class ResamplingDesign
{
    private ResamplingDesign(double testTrainRatio, string description)
    {
        TestTrainRatio = testTrainRatio;
        Description = description;
    }

    /// <summary>n_test / n_train: 1 / (k − 1) for k-fold cross-validation.</summary>
    public double TestTrainRatio { get; }

    /// <summary>The design in words, e.g. <c>5-fold cross-validation</c>.</summary>
    public string Description { get; }

    /// <summary>(Repeated) k-fold cross-validation: every fold trains on (k − 1)/k of the rows and tests on 1/k, so n_test / n_train = 1 / (k − 1).</summary>
    /// <param name="folds">k, the folds per repeat, at least 2.</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> &lt; 2.</exception>
    public static ResamplingDesign KFold(int folds)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds,
                string.Create(CultureInfo.InvariantCulture, $"folds is {folds}; k-fold cross-validation needs at least 2 folds. Pass the k of the k-fold split, e.g. 5."));
        }

        return new ResamplingDesign(1.0 / (folds - 1), string.Create(CultureInfo.InvariantCulture, $"{folds}-fold cross-validation"));
    }

    /// <summary>Repeated random train/test splits of fixed sizes (Nadeau and Bengio's original setting).</summary>
    /// <param name="testRows">Rows in each test set, at least 1.</param>
    /// <param name="trainRows">Rows in each training set, at least 1.</param>
    /// <returns>The design with n_test / n_train = testRows / trainRows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testRows"/> or <paramref name="trainRows"/> &lt; 1.</exception>
    public static ResamplingDesign TrainTest(int testRows, int trainRows)
    {
        if (testRows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(testRows), testRows,
                string.Create(CultureInfo.InvariantCulture, $"testRows is {testRows}; each test set needs at least 1 row. Pass the number of rows scored per split."));
        }

        if (trainRows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trainRows), trainRows,
                string.Create(CultureInfo.InvariantCulture, $"trainRows is {trainRows}; each training set needs at least 1 row. Pass the number of rows each model was trained on."));
        }

        return new ResamplingDesign((double)testRows / trainRows,
            string.Create(CultureInfo.InvariantCulture, $"repeated train/test splits ({testRows} test, {trainRows} training rows)"));
    }
}
