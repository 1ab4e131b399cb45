using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClassicalML.Data.Csv;

namespace ClassicalML.Data;

/// <summary>
/// The catalogue of real data sets shipped in the repository's <c>data/</c> folder (described in
/// <c>data/README.md</c>) and bundled in this assembly: typed schemas, positive classes and SHA-256 checksums that are
/// verified on load.
/// </summary>
/// <remarks>
/// A data set is read from the data folder <see cref="Root"/> when set, else from the folder named by the environment
/// variable <c>CLASSICALML_DATA</c>, else from the first <c>data</c> folder containing <c>README.md</c> found by walking up
/// from <see cref="AppContext.BaseDirectory"/> and then from the current directory (the repository's, in a clone). When
/// no folder is set and the search finds none, or the folder found lacks the file, the copy bundled in the assembly is
/// used (the CSV files are embedded resources, so the NuGet package works with no repository around); it is checked
/// against the same SHA-256, and its <see cref="Dataset.FilePath"/> is <see langword="null"/>. Loaded data sets are
/// cached per process by source (they are immutable, so sharing is safe); a file is hashed once per process, when first loaded.
/// </remarks>
public static class Datasets
{
    /// <summary>The environment variable that names the data folder.</summary>
    public const string EnvironmentVariable = "CLASSICALML_DATA";

    private static readonly ConcurrentDictionary<string, Lazy<Dataset>> Cache = new(StringComparer.Ordinal);
    private static volatile string? root;

    private static readonly string[] TrueFalse = ["t", "f"];

    private static readonly CatalogEntry[] Entries =
    [
        new("breast_cancer", "sklearn_breast_cancer.csv", "518936fa92ca3d8a78c420aee22030c4e519ffcba3be15dd23e83f2fc22e20e5",
            "diagnosis", ["malignant", "benign"], "malignant",
            [.. Numeric(
                "mean_radius", "mean_texture", "mean_perimeter", "mean_area", "mean_smoothness", "mean_compactness", "mean_concavity",
                "mean_concave_points", "mean_symmetry", "mean_fractal_dimension", "radius_error", "texture_error", "perimeter_error",
                "area_error", "smoothness_error", "compactness_error", "concavity_error", "concave_points_error", "symmetry_error",
                "fractal_dimension_error", "worst_radius", "worst_texture", "worst_perimeter", "worst_area", "worst_smoothness",
                "worst_compactness", "worst_concavity", "worst_concave_points", "worst_symmetry", "worst_fractal_dimension"), Label("diagnosis")]),
        new("spambase", "spambase.csv", "6d0a558fb9da113b5cbda2d9d0f5ee76307d0b397d64c81df25522034dc46bb0",
            "type", ["nonspam", "spam"], "spam",
            [.. Numeric(
                "make", "address", "all", "num3d", "our", "over", "remove", "internet", "order", "mail", "receive", "will", "people", "report",
                "addresses", "free", "business", "email", "you", "credit", "your", "font", "num000", "money", "hp", "hpl", "george", "num650",
                "lab", "labs", "telnet", "num857", "data", "num415", "num85", "technology", "num1999", "parts", "pm", "direct", "cs", "meeting",
                "original", "project", "re", "edu", "table", "conference", "charSemicolon", "charRoundbracket", "charSquarebracket",
                "charExclamation", "charDollar", "charHash", "capitalAve", "capitalLong", "capitalTotal"), Label("type")]),
        new("satellite", "mlbench_satellite.csv", "3f92b8b64f70d4a8d6335d148b135cf6e362c4c6530581f45b9deedf60240303",
            "classes", ["red soil", "cotton crop", "grey soil", "damp grey soil", "vegetation stubble", "very damp grey soil"], "damp grey soil",
            [.. Numeric([.. Enumerable.Range(1, 36).Select(i => FormattableString.Invariant($"x.{i}"))]), Label("classes")]),
        new("letter_recognition", "mlbench_letterrecognition.csv", "d0982cbc2106b8b52a811424b8171d50c1a96b05bc7ff4121ce7bd1087b6d226",
            "lettr", [.. Enumerable.Range('A', 26).Select(c => ((char)c).ToString())], "Z",
            [Label("lettr"), .. Numeric("x.box", "y.box", "width", "high", "onpix", "x.bar", "y.bar", "x2bar", "y2bar", "xybar", "x2ybr", "xy2br", "x.ege", "xegvy", "y.ege", "yegvx")]),
        new("german_credit", "weka_credit_g.csv", "38b6dbf6fb4b0311a3ffc005730f42623128591fb36473ab3c22d270c0467632",
            "class", ["good", "bad"], "bad",
            [
                Ordinal("checking_status", "<0", "0<=X<200", ">=200", "no checking"),
                .. Numeric("duration"),
                Nominal("credit_history", "no credits/all paid", "all paid", "existing paid", "delayed previously", "critical/other existing credit"),
                Nominal("purpose", "new car", "used car", "furniture/equipment", "radio/tv", "domestic appliance", "repairs", "education", "vacation", "retraining", "business", "other"),
                .. Numeric("credit_amount"),
                Ordinal("savings_status", "<100", "100<=X<500", "500<=X<1000", ">=1000", "no known savings"),
                Ordinal("employment", "unemployed", "<1", "1<=X<4", "4<=X<7", ">=7"),
                .. Numeric("installment_commitment"),
                Nominal("personal_status", "male div/sep", "female div/dep/mar", "male single", "male mar/wid", "female single"),
                Nominal("other_parties", "none", "co applicant", "guarantor"),
                .. Numeric("residence_since"),
                Nominal("property_magnitude", "real estate", "life insurance", "car", "no known property"),
                .. Numeric("age"),
                Nominal("other_payment_plans", "bank", "stores", "none"),
                Nominal("housing", "rent", "own", "for free"),
                .. Numeric("existing_credits"),
                Ordinal("job", "unemp/unskilled non res", "unskilled resident", "skilled", "high qualif/self emp/mgmt"),
                .. Numeric("num_dependents"),
                Nominal("own_telephone", "none", "yes"),
                Nominal("foreign_worker", "yes", "no"),
                Label("class"),
            ]),
        new("kr_vs_kp", "openml_kr_vs_kp.csv", "a3e5eee1290e27fef745dcb1b98c42e300476271b1a352a06961d211588543a5",
            "class", ["won", "nowin"], "won",
            [
                .. new[] { "bkblk", "bknwy", "bkon8", "bkona", "bkspr", "bkxbq", "bkxcr", "bkxwp", "blxwp", "bxqsq", "cntxt", "dsopp" }.Select(n => Nominal(n, TrueFalse)),
                Nominal("dwipd", "g", "l"),
                Nominal("hdchk", TrueFalse),
                Nominal("katri", "b", "n", "w"),
                .. new[] { "mulch", "qxmsq", "r2ar8", "reskd", "reskr", "rimmx", "rkxwp", "rxmsq", "simpl", "skach", "skewr", "skrxp", "spcop", "stlmt", "thrsk", "wkcti", "wkna8", "wknck", "wkovl", "wkpos" }.Select(n => Nominal(n, TrueFalse)),
                Nominal("wtoeg", "n", "t", "f"),
                Label("class"),
            ]),
        new("sonar", "mlbench_sonar.csv", "73acb22b638c2ef1ccda32fed33f6e5e9889702279c3af5f559ee6954cc2025f",
            "Class", ["M", "R"], "M",
            [.. Numeric([.. Enumerable.Range(1, 60).Select(i => FormattableString.Invariant($"V{i}"))]), Label("Class")]),
    ];

    /// <summary>
    /// The data folder to load from, overriding <c>CLASSICALML_DATA</c> and the search; <see langword="null"/> (the
    /// default) to use them. Set it before loading; data sets already loaded stay cached under their old path.
    /// </summary>
    public static string? Root
    {
        get => root;
        set => root = value;
    }

    /// <summary>The catalogue names, for <see cref="Load"/>: breast_cancer, spambase, satellite, letter_recognition, german_credit, kr_vs_kp, sonar.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(Entries.Select(e => e.Name).ToArray());


    /// <summary>Breast Cancer Wisconsin (Diagnostic): 569 rows, 30 numeric features, label <c>diagnosis</c>; positive class <c>malignant</c> (212, 37.26%).</summary>
    /// <returns>The data set.</returns>
    /// <exception cref="DirectoryNotFoundException">The data folder cannot be found.</exception>
    /// <exception cref="FileNotFoundException">The file is missing from the data folder.</exception>
    /// <exception cref="InvalidDataException">The file's SHA-256 differs from the catalogue's.</exception>
    public static Dataset BreastCancer() => Load("breast_cancer");

    /// <summary>Spambase: 4601 rows, 57 numeric features, label <c>type</c>; positive class <c>spam</c> (1813, 39.40%).</summary>
    /// <returns>The data set.</returns>
    /// <exception cref="DirectoryNotFoundException">The data folder cannot be found.</exception>
    /// <exception cref="FileNotFoundException">The file is missing from the data folder.</exception>
    /// <exception cref="InvalidDataException">The file's SHA-256 differs from the catalogue's.</exception>
    public static Dataset Spambase() => Load("spambase");

    /// <summary>Statlog (Landsat Satellite): 6435 rows, 36 numeric features, 6 classes in <c>classes</c>; positive class <c>damp grey soil</c> (626, 9.73%), imbalanced-learn's "satimage" task.</summary>
    /// <returns>The data set.</returns>
    /// <exception cref="DirectoryNotFoundException">The data folder cannot be found.</exception>
    /// <exception cref="FileNotFoundException">The file is missing from the data folder.</exception>
    /// <exception cref="InvalidDataException">The file's SHA-256 differs from the catalogue's.</exception>
    public static Dataset Satellite() => Load("satellite");

    /// <summary>Letter Recognition: 20000 rows, 16 integer-valued numeric features, 26 classes A–Z in <c>lettr</c>; positive class <c>Z</c> (734, 3.67%), imbalanced-learn's "letter_img" task. Name any other letter with <see cref="Dataset.BinaryLabels"/>.</summary>
    /// <returns>The data set.</returns>
    /// <exception cref="DirectoryNotFoundException">The data folder cannot be found.</exception>
    /// <exception cref="FileNotFoundException">The file is missing from the data folder.</exception>
    /// <exception cref="InvalidDataException">The file's SHA-256 differs from the catalogue's.</exception>
    public static Dataset LetterRecognition() => Load("letter_recognition");

    /// <summary>Statlog (German Credit Data): 1000 rows, 7 numeric and 13 categorical features, label <c>class</c>; positive class <c>bad</c> (300, 30%).</summary>
    /// <returns>The data set.</returns>
    /// <remarks>
    /// Levels are in the ARFF order. <c>checking_status</c>, <c>savings_status</c>, <c>employment</c> and <c>job</c> are
    /// marked ordinal (<see cref="CategoricalColumn.IsOrdinal"/>) and their levels run from low to high; in
    /// <c>checking_status</c> and <c>savings_status</c> the last level ("no checking", "no known savings") is outside the scale.
    /// </remarks>
    /// <exception cref="DirectoryNotFoundException">The data folder cannot be found.</exception>
    /// <exception cref="FileNotFoundException">The file is missing from the data folder.</exception>
    /// <exception cref="InvalidDataException">The file's SHA-256 differs from the catalogue's.</exception>
    public static Dataset GermanCredit() => Load("german_credit");

    /// <summary>Connectionist Bench (Sonar): 208 rows, 60 numeric features, label <c>Class</c> (M = mine, R = rock); positive class <c>M</c> (111, 53.37%).</summary>
    /// <returns>The data set.</returns>
    /// <exception cref="DirectoryNotFoundException">The data folder cannot be found.</exception>
    /// <exception cref="FileNotFoundException">The file is missing from the data folder.</exception>
    /// <exception cref="InvalidDataException">The file's SHA-256 differs from the catalogue's.</exception>
    public static Dataset Sonar() => Load("sonar");

    /// <summary>Chess (King-Rook vs. King-Pawn), OpenML 3: 3196 rows, 36 categorical features, label <c>class</c>; positive class <c>won</c> (1669, 52.22%).</summary>
    /// <returns>The data set.</returns>
    /// <exception cref="DirectoryNotFoundException">The data folder cannot be found.</exception>
    /// <exception cref="FileNotFoundException">The file is missing from the data folder.</exception>
    /// <exception cref="InvalidDataException">The file's SHA-256 differs from the catalogue's.</exception>
    public static Dataset KrVsKp() => Load("kr_vs_kp");

    /// <summary>Loads a catalogue data set by name.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>The data set (cached per process).</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not in the catalogue.</exception>
    /// <exception cref="DirectoryNotFoundException"><see cref="Root"/> or <c>CLASSICALML_DATA</c> is not a folder, or no data folder is found and the file is not bundled.</exception>
    /// <exception cref="FileNotFoundException">The file is missing from the data folder (and, when the folder was searched for, from the bundle).</exception>
    /// <exception cref="InvalidDataException">The file's SHA-256 differs from the catalogue's.</exception>
    public static Dataset Load(string name) =>
        LoadFrom(Entry(name), Root, Environment.GetEnvironmentVariable(EnvironmentVariable), [AppContext.BaseDirectory, Environment.CurrentDirectory]);

    /// <summary>Loads from the chosen folder, or from the bundled copy when no folder was set and the search found none with the file.</summary>
    internal static Dataset LoadFrom(CatalogEntry entry, string? explicitRoot, string? environmentValue, IReadOnlyList<string> startDirectories)
    {
        bool chosen = !string.IsNullOrEmpty(explicitRoot) || !string.IsNullOrEmpty(environmentValue);
        string? folder;
        try
        {
            folder = ResolveRoot(explicitRoot, environmentValue, startDirectories);
        }
        catch (DirectoryNotFoundException) when (!chosen && IsBundled(entry))
        {
            folder = null;
        }

        if (!chosen && folder is not null && !File.Exists(Path.Combine(folder, entry.FileName)) && IsBundled(entry))
        {
            folder = null;
        }

        string key = folder is null ? "bundled:" + entry.FileName : Path.GetFullPath(Path.Combine(folder, entry.FileName));
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<Dataset>(() => folder is null ? LoadBundled(entry) : LoadEntry(entry, folder), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed load (missing file, bad hash) must not stick: the next call tries again.
            Cache.TryRemove(new KeyValuePair<string, Lazy<Dataset>>(key, lazy));
            throw;
        }
    }

    /// <summary>The data folder that <see cref="Load"/> would use now.</summary>
    /// <returns>The full path of the data folder.</returns>
    /// <exception cref="DirectoryNotFoundException">The data folder cannot be found.</exception>
    public static string ResolveRoot() =>
        ResolveRoot(Root, Environment.GetEnvironmentVariable(EnvironmentVariable), [AppContext.BaseDirectory, Environment.CurrentDirectory]);

    internal static CatalogEntry Entry(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Entries.FirstOrDefault(e => e.Name == name)
            ?? throw new ArgumentException($"name '{name}' is not a catalogue data set; use one of: {string.Join(", ", Names)}.", nameof(name));
    }

    internal static string ResolveRoot(string? explicitRoot, string? environmentValue, IReadOnlyList<string> startDirectories)
    {
        if (!string.IsNullOrEmpty(explicitRoot))
        {
            return Directory.Exists(explicitRoot)
                ? Path.GetFullPath(explicitRoot)
                : throw new DirectoryNotFoundException($"Datasets.Root is '{explicitRoot}', which is not a folder. Set it to the repository's data folder (the one holding README.md and the CSV files), or to null to search.");
        }

        if (!string.IsNullOrEmpty(environmentValue))
        {
            return Directory.Exists(environmentValue)
                ? Path.GetFullPath(environmentValue)
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} is '{environmentValue}', which is not a folder. Set it to the repository's data folder (the one holding README.md and the CSV files), or unset it to search.");
        }

        var searched = new List<string>();
        foreach (var start in startDirectories.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, "README.md")))
                {
                    return candidate;
                }
            }

            searched.Add(Path.GetFullPath(start));
        }

        throw new DirectoryNotFoundException(
            $"No data folder found: looked for data/README.md in {string.Join(" and ", searched.Select(s => $"'{s}'"))} and every folder above. " +
            $"Set the environment variable {EnvironmentVariable} (or Datasets.Root) to the repository's data folder.");
    }

    internal static Dataset LoadEntry(CatalogEntry entry, string folder)
    {
        var path = Path.GetFullPath(Path.Combine(folder, entry.FileName));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The data file '{path}' of data set '{entry.Name}' is missing. Restore it with 'git checkout -- data/{entry.FileName}', " +
                $"or point {EnvironmentVariable} (or Datasets.Root) at a data folder that holds it.", path);
        }

        byte[] bytes = File.ReadAllBytes(path);
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != entry.Sha256)
        {
            throw new InvalidDataException(
                $"The data file '{path}' has SHA-256 {actual}, but the catalogue expects {entry.Sha256}: it was changed or damaged. " +
                $"Restore it with 'git checkout -- data/{entry.FileName}'; if the new file is intended, update the hash in Catalogue/Datasets.cs and data/README.md.");
        }

        return FromBytes(entry, path, path, bytes);
    }

    /// <summary>Whether the assembly carries a copy of the entry's file.</summary>
    internal static bool IsBundled(CatalogEntry entry) => typeof(Datasets).Assembly.GetManifestResourceInfo(ResourceName(entry)) is not null;

    /// <summary>Loads the copy of the entry's file embedded in the assembly, checking its SHA-256 like a file's.</summary>
    internal static Dataset LoadBundled(CatalogEntry entry)
    {
        using var stream = typeof(Datasets).Assembly.GetManifestResourceStream(ResourceName(entry))
            ?? throw new FileNotFoundException(
                $"The data file '{entry.FileName}' of data set '{entry.Name}' is not bundled in ClassicalML.Data and no data folder was found. " +
                $"Set {EnvironmentVariable} (or Datasets.Root) to a data folder that holds it.", entry.FileName);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        byte[] bytes = copy.ToArray();
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != entry.Sha256)
        {
            throw new InvalidDataException(
                $"The copy of '{entry.FileName}' bundled in ClassicalML.Data has SHA-256 {actual}, but the catalogue expects {entry.Sha256}: " +
                $"the assembly was built from a changed data file. Rebuild it from an intact data folder, or set {EnvironmentVariable} to one.");
        }

        return FromBytes(entry, $"{entry.FileName} (bundled in ClassicalML.Data)", null, bytes);
    }

    private static string ResourceName(CatalogEntry entry) => "ClassicalML.Data.Datasets." + entry.FileName;

    private static Dataset FromBytes(CatalogEntry entry, string source, string? filePath, byte[] bytes)
    {
        var schema = new DatasetSchema(
            [.. entry.Columns.Where(c => !c.IsLabel).Select(c => (c.Name, c.Categorical))],
            entry.LabelColumn, entry.ClassValues, entry.PositiveClass);
        var table = CsvTable.FromText(source, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes));
        return Dataset.FromTable(table, filePath, entry.Name, [.. entry.Columns.Select(c => c.Name)], schema);
    }

    private static IEnumerable<ColumnSpec> Numeric(params string[] names) => names.Select(n => new ColumnSpec(n, null, false));

    private static ColumnSpec Nominal(string name, params string[] levels) => new(name, new CategoricalColumn(name, levels), false);

    private static ColumnSpec Ordinal(string name, params string[] levels) => new(name, new CategoricalColumn(name, levels, isOrdinal: true), false);

    private static ColumnSpec Label(string name) => new(name, null, true);

    internal sealed record ColumnSpec(string Name, CategoricalColumn? Categorical, bool IsLabel);

    internal sealed record CatalogEntry(string Name, string FileName, string Sha256, string LabelColumn, string[] ClassValues, string PositiveClass, ColumnSpec[] Columns)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({FileName})");
    }
}
