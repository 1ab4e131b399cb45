using System.Globalization;

namespace ClassicalML.Data.Splits;

/// <summary>Argument checks shared by the splitters, with messages that say how to fix the call.</summary>
internal static class SplitChecks
{
    public const string SeedWithoutShuffle =
        "Setting a random seed has no effect since shuffle is false. Set shuffle: true, or remove the seed.";

    public const string ShuffleWithoutSeed =
        "shuffle is true but no seed was given; every random draw in ClassicalML takes an explicit seed. Pass seed: 0 (or any integer).";

    public static void CheckK(int k)
    {
        if (k < 2)
        {
            throw new ArgumentOutOfRangeException(
                nameof(k),
                string.Create(CultureInfo.InvariantCulture, $"k is {k}; k-fold cross-validation needs at least 2 folds. Use k >= 2."));
        }
    }

    public static void CheckFoldOptions(int k, bool shuffle, int? seed)
    {
        CheckK(k);
        if (!shuffle && seed is not null)
        {
            throw new ArgumentException(SeedWithoutShuffle, nameof(seed));
        }

        if (shuffle && seed is null)
        {
            throw new ArgumentException(ShuffleWithoutSeed, nameof(seed));
        }
    }

    public static void CheckRowsForFolds(int k, int rowCount, string paramName)
    {
        if (rowCount < k)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                string.Create(CultureInfo.InvariantCulture, $"k is {k} but there are only {rowCount} rows; every fold needs at least one test row. Use k <= {rowCount} or add rows."));
        }
    }

    public static void CheckFractions(double testFraction, double validationFraction)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(testFraction),
                string.Create(CultureInfo.InvariantCulture, $"testFraction is {testFraction}; it must be greater than 0 and less than 1. Use e.g. testFraction: 0.2."));
        }

        if (!(validationFraction >= 0 && validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(validationFraction),
                string.Create(CultureInfo.InvariantCulture, $"validationFraction is {validationFraction}; it must be at least 0 and less than 1. Use 0 for a plain train/test split."));
        }

        if (testFraction + validationFraction >= 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"testFraction + validationFraction is {testFraction} + {validationFraction} = {testFraction + validationFraction}; it must be less than 1 to leave training rows. Lower one of the fractions."),
                nameof(validationFraction));
        }
    }
}
