namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>
/// An exact k-nearest-neighbours classifier on z-scored features (hand-written: ML.NET has no k-NN trainer).
/// The score of a row is the share of positive labels among its k nearest training rows by Euclidean distance
/// after z-scoring with the training mean and population standard deviation (a constant feature is left unscaled);
/// ties in distance go to the lower training index.
/// </summary>
internal sealed class NearestNeighbors
{
    private readonly double[][] _train;
    private readonly bool[] _labels;
    private readonly double[] _mean;
    private readonly double[] _scale;

    private NearestNeighbors(double[][] train, bool[] labels, double[] mean, double[] scale)
    {
        _train = train;
        _labels = labels;
        _mean = mean;
        _scale = scale;
    }

    /// <summary>The number of neighbours k.</summary>
    public int K { get; private init; }

    /// <summary>Stores the z-scored training rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1 or above the number of training rows.</exception>
    public static NearestNeighbors Fit(double[,] features, bool[] labels, int k)
    {
        int n = features.GetLength(0), d = features.GetLength(1);
        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k is {k}; it must be between 1 and the {n} training rows. Use an odd k such as 9.");
        }

        var mean = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            double sum = 0, squares = 0;
            for (var i = 0; i < n; i++)
            {
                sum += features[i, j];
            }

            mean[j] = sum / n;
            for (var i = 0; i < n; i++)
            {
                squares += (features[i, j] - mean[j]) * (features[i, j] - mean[j]);
            }

            var sd = Math.Sqrt(squares / n);
            scale[j] = sd > 0 ? sd : 1;
        }

        return new NearestNeighbors(Standardize(features, mean, scale), labels, mean, scale) { K = k };
    }

    /// <summary>The share of positive labels among each row's k nearest training rows.</summary>
    public double[] Score(double[,] features)
    {
        var rows = Standardize(features, _mean, _scale);
        var scores = new double[rows.Length];
        var nearest = new int[K];
        var nearestDistance = new double[K];
        for (var r = 0; r < rows.Length; r++)
        {
            // Keep the k nearest in ascending order (insertion; a later row with an equal distance goes after, so ties go to the lower index).
            var found = 0;
            for (var i = 0; i < _train.Length; i++)
            {
                double sum = 0;
                for (var j = 0; j < _mean.Length; j++)
                {
                    var diff = rows[r][j] - _train[i][j];
                    sum += diff * diff;
                }

                if (found == K && sum >= nearestDistance[K - 1])
                {
                    continue;
                }

                var at = found < K ? found++ : K - 1;
                while (at > 0 && nearestDistance[at - 1] > sum)
                {
                    nearest[at] = nearest[at - 1];
                    nearestDistance[at] = nearestDistance[at - 1];
                    at--;
                }

                nearest[at] = i;
                nearestDistance[at] = sum;
            }

            var positives = 0;
            for (var m = 0; m < K; m++)
            {
                positives += _labels[nearest[m]] ? 1 : 0;
            }

            scores[r] = positives / (double)K;
        }

        return scores;
    }

    private static double[][] Standardize(double[,] features, double[] mean, double[] scale)
    {
        int n = features.GetLength(0), d = features.GetLength(1);
        if (d != mean.Length)
        {
            throw new ArgumentException($"features has {d} columns but the model was fitted on {mean.Length} columns; pass rows with the training columns.", nameof(features));
        }

        return [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, d).Select(j => (features[i, j] - mean[j]) / scale[j]).ToArray())];
    }
}
