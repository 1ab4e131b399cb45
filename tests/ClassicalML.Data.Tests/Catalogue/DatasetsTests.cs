using System.Globalization;

namespace ClassicalML.Data.Tests;

public class DatasetsTests
{
    public static TheoryData<string, string, int, int, int, int> Catalogue => new()
    {
        // name, file, rows, columns (incl. label), numeric features, categorical features (numbers from data/README.md)
        { "breast_cancer", "sklearn_breast_cancer.csv", 569, 31, 30, 0 },
        { "spambase", "spambase.csv", 4601, 58, 57, 0 },
        { "satellite", "mlbench_satellite.csv", 6435, 37, 36, 0 },
        { "letter_recognition", "mlbench_letterrecognition.csv", 20000, 17, 16, 0 },
        { "german_credit", "weka_credit_g.csv", 1000, 21, 7, 13 },
        { "kr_vs_kp", "openml_kr_vs_kp.csv", 3196, 37, 0, 36 },
        { "sonar", "mlbench_sonar.csv", 208, 61, 60, 0 },
    };

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Load_EachCatalogueDataset_HasDocumentedShape(string name, string file, int rows, int columns, int numeric, int categorical)
    {
        var data = Datasets.Load(name);

        Assert.Equal(name, data.Name);
        Assert.Equal(Path.Combine(RawCsv.DataFolder, file), data.FilePath);
        Assert.Equal(rows, data.RowCount);
        Assert.Equal(columns, data.Schema.ColumnCount);
        Assert.Equal(numeric, data.Schema.NumericColumns.Count);
        Assert.Equal(categorical, data.Schema.CategoricalColumns.Count);
        var (header, raw) = RawCsv.Read(file);
        Assert.Equal(rows, raw.Length);
        Assert.Equal(header.Where(h => h != data.Schema.LabelColumn), data.Schema.FeatureColumns);
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Load_EachCatalogueDataset_ClassCountsMatchRawFile(string name, string file, int rows, int columns, int numeric, int categorical)
    {
        _ = (rows, columns, numeric, categorical);
        var data = Datasets.Load(name);
        var expected = RawCsv.ClassCounts(file, data.Schema.LabelColumn);

        var counts = data.ClassCounts();

        Assert.Equal(expected.Count, data.Schema.ClassValues.Count);
        for (var c = 0; c < counts.Length; c++)
        {
            Assert.Equal(expected[data.Schema.ClassValues[c]], counts[c]);
        }

        var positives = data.BinaryLabels().Count(b => b);
        Assert.Equal(expected[data.Schema.PositiveClass!], positives);
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Load_EachCatalogueDataset_ValuesMatchRawFile(string name, string file, int rows, int columns, int numeric, int categorical)
    {
        _ = (rows, columns, numeric, categorical);
        var data = Datasets.Load(name);
        var (header, raw) = RawCsv.Read(file);

        for (var c = 0; c < header.Length; c++)
        {
            var column = header[c];
            var expected = raw.Select(r => r[c]).ToArray();
            if (column == data.Schema.LabelColumn)
            {
                Assert.Equal(expected, data.GetLabels());
            }
            else if (data.Schema.KindOf(column) == ColumnKind.Numeric)
            {
                Assert.Equal(expected.Select(v => double.Parse(v, CultureInfo.InvariantCulture)), data.GetNumeric(column));
            }
            else
            {
                Assert.Equal(expected, data.GetCategorical(column));
            }
        }
    }

    [Fact]
    public void Load_PositiveClassesAndBalance_MatchReadme()
    {
        // name -> (positive class, positives) as written in data/README.md.
        var readme = new Dictionary<string, (string, int)>
        {
            ["breast_cancer"] = ("malignant", 212), ["spambase"] = ("spam", 1813), ["satellite"] = ("damp grey soil", 626),
            ["letter_recognition"] = ("Z", 734), ["german_credit"] = ("bad", 300), ["kr_vs_kp"] = ("won", 1669), ["sonar"] = ("M", 111),
        };
        foreach (var (name, (positive, count)) in readme)
        {
            var data = Datasets.Load(name);
            Assert.Equal(positive, data.Schema.PositiveClass);
            Assert.Equal(count, data.BinaryLabels().Count(b => b));
        }

        Assert.Equal(readme.Keys.Order(), Datasets.Names.Order());
    }

    [Fact]
    public void Readme_ListsEveryCatalogueHash()
    {
        var readme = File.ReadAllText(Path.Combine(RawCsv.DataFolder, "README.md"));
        foreach (var name in Datasets.Names)
        {
            var entry = Datasets.Entry(name);
            Assert.Contains($"{entry.Sha256}  {entry.FileName}", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GermanCredit_OrdinalColumns_HaveSourceOrder()
    {
        var schema = Datasets.GermanCredit().Schema;

        Assert.Equal(["<0", "0<=X<200", ">=200", "no checking"], schema.Categorical("checking_status").Levels);
        Assert.Equal(["<100", "100<=X<500", "500<=X<1000", ">=1000", "no known savings"], schema.Categorical("savings_status").Levels);
        Assert.Equal(["unemployed", "<1", "1<=X<4", "4<=X<7", ">=7"], schema.Categorical("employment").Levels);
        Assert.Equal(["unemp/unskilled non res", "unskilled resident", "skilled", "high qualif/self emp/mgmt"], schema.Categorical("job").Levels);
        Assert.Equal(["checking_status", "savings_status", "employment", "job"], schema.CategoricalColumns.Where(c => c.IsOrdinal).Select(c => c.Name));
        Assert.False(schema.Categorical("purpose").IsOrdinal);
    }

    [Fact]
    public void GermanCredit_CategoricalCodes_IndexLevels()
    {
        var data = Datasets.GermanCredit();
        var column = data.Schema.Categorical("employment");

        var codes = data.GetCategoricalCodes("employment");
        var text = data.GetCategorical("employment");

        Assert.Equal(text, codes.Select(c => column.Levels[c]));
        Assert.Equal(">=7", text[0]);
        Assert.Equal(4, codes[0]);
    }

    [Fact]
    public void BinaryLabels_OtherLetter_IsOneVersusRest()
    {
        var data = Datasets.LetterRecognition();

        var a = data.BinaryLabels("A");

        Assert.Equal(789, a.Count(b => b));
        Assert.Equal(data.GetLabels().Select(l => l == "A"), a);
    }

    [Fact]
    public void BinaryLabels_UnknownClass_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Datasets.Sonar().BinaryLabels("X"));

        Assert.Equal("positiveClass is 'X'; it must be one of M, R. Name a class of column 'Class' in data set 'sonar'. (Parameter 'positiveClass')", ex.Message);
    }

    [Fact]
    public void Load_Twice_ReturnsCachedInstance()
    {
        Assert.Same(Datasets.Sonar(), Datasets.Sonar());
    }

    [Fact]
    public void Load_InParallel_OneSharedInstance()
    {
        var loaded = new Dataset[8];

        Parallel.For(0, loaded.Length, i => loaded[i] = Datasets.Load("german_credit"));

        Assert.All(loaded, d => Assert.Same(loaded[0], d));
    }

    [Fact]
    public void Load_UnknownName_ListsNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => Datasets.Load("iris"));

        Assert.Equal("name 'iris' is not a catalogue data set; use one of: breast_cancer, spambase, satellite, letter_recognition, german_credit, kr_vs_kp, sonar. (Parameter 'name')", ex.Message);
    }

    [Fact]
    public void LoadEntry_ChangedFile_ThrowsWithBothHashesAndFix()
    {
        using var temp = new TempFolder();
        var entry = Datasets.Entry("sonar");
        var bytes = File.ReadAllBytes(Path.Combine(RawCsv.DataFolder, entry.FileName));
        bytes[^2] = bytes[^2] == (byte)'M' ? (byte)'R' : (byte)'M';
        var path = Path.Combine(temp.Path, entry.FileName);
        File.WriteAllBytes(path, bytes);
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

        var ex = Assert.Throws<InvalidDataException>(() => Datasets.LoadEntry(entry, temp.Path));

        Assert.Equal(
            $"The data file '{path}' has SHA-256 {actual}, but the catalogue expects 73acb22b638c2ef1ccda32fed33f6e5e9889702279c3af5f559ee6954cc2025f: it was changed or damaged. " +
            "Restore it with 'git checkout -- data/mlbench_sonar.csv'; if the new file is intended, update the hash in Catalogue/Datasets.cs and data/README.md.",
            ex.Message);
    }

    [Fact]
    public void LoadEntry_IntactCopy_Loads()
    {
        using var temp = new TempFolder();
        var entry = Datasets.Entry("sonar");
        File.Copy(Path.Combine(RawCsv.DataFolder, entry.FileName), Path.Combine(temp.Path, entry.FileName));

        var data = Datasets.LoadEntry(entry, temp.Path);

        Assert.Equal(208, data.RowCount);
    }

    [Fact]
    public void LoadEntry_MissingFile_ThrowsWithPathAndFix()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "spambase.csv");

        var ex = Assert.Throws<FileNotFoundException>(() => Datasets.LoadEntry(Datasets.Entry("spambase"), temp.Path));

        Assert.Equal(
            $"The data file '{path}' of data set 'spambase' is missing. Restore it with 'git checkout -- data/spambase.csv', or point CLASSICALML_DATA (or Datasets.Root) at a data folder that holds it.",
            ex.Message);
        Assert.Equal(path, ex.FileName);
    }

    [Fact]
    public void ResolveRoot_NoDataFolderAbove_SaysWhereItLookedAndHowToSet()
    {
        using var temp = new TempFolder();

        var ex = Assert.Throws<DirectoryNotFoundException>(() => Datasets.ResolveRoot(null, null, [temp.Path]));

        Assert.Equal(
            $"No data folder found: looked for data/README.md in '{temp.Path}' and every folder above. Set the environment variable CLASSICALML_DATA (or Datasets.Root) to the repository's data folder.",
            ex.Message);
    }

    [Fact]
    public void ResolveRoot_ExplicitRootWins_ThenEnvironment_ThenSearch()
    {
        using var temp = new TempFolder();
        using var other = new TempFolder();

        Assert.Equal(temp.Path, Datasets.ResolveRoot(temp.Path, other.Path, [AppContext.BaseDirectory]));
        Assert.Equal(other.Path, Datasets.ResolveRoot(null, other.Path, [AppContext.BaseDirectory]));
        Assert.Equal(RawCsv.DataFolder, Datasets.ResolveRoot(null, null, [temp.Path, AppContext.BaseDirectory]));
        Assert.True(File.Exists(Path.Combine(RawCsv.DataFolder, "README.md")));
    }

    [Fact]
    public void ResolveRoot_EnvironmentFolderMissing_Throws()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => Datasets.ResolveRoot(null, "/no/such/folder", [AppContext.BaseDirectory]));

        Assert.Equal("CLASSICALML_DATA is '/no/such/folder', which is not a folder. Set it to the repository's data folder (the one holding README.md and the CSV files), or unset it to search.", ex.Message);
    }

    [Fact]
    public void ResolveRoot_ExplicitRootMissing_Throws()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => Datasets.ResolveRoot("/no/such/folder", null, [AppContext.BaseDirectory]));

        Assert.Equal("Datasets.Root is '/no/such/folder', which is not a folder. Set it to the repository's data folder (the one holding README.md and the CSV files), or to null to search.", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void LoadBundled_EachCatalogueDataset_SameDataAsTheFileWithoutPath(string name, string file, int rows, int columns, int numeric, int categorical)
    {
        _ = (file, columns, numeric, categorical);
        var entry = Datasets.Entry(name);

        var bundled = Datasets.LoadBundled(entry);
        var fromFile = Datasets.LoadEntry(entry, RawCsv.DataFolder);

        Assert.Null(bundled.FilePath);
        Assert.Equal(rows, bundled.RowCount);
        Assert.Equal(fromFile.GetLabelCodes(), bundled.GetLabelCodes());
        Assert.Equal(fromFile.Schema.FeatureColumns, bundled.Schema.FeatureColumns);
        foreach (var column in fromFile.Schema.NumericColumns)
        {
            Assert.Equal(fromFile.GetNumeric(column), bundled.GetNumeric(column));
        }
    }

    [Fact]
    public void Load_NoDataFolderFound_UsesTheBundledCopy()
    {
        using var temp = new TempFolder();

        var data = Datasets.LoadFrom(Datasets.Entry("breast_cancer"), null, null, [temp.Path]);

        Assert.Null(data.FilePath);
        Assert.Equal(569, data.RowCount);
    }

    [Fact]
    public void Load_SearchFindsAFolderWithoutTheFile_UsesTheBundledCopy()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "data"));
        File.WriteAllText(Path.Combine(temp.Path, "data", "README.md"), "someone else's data folder");

        var data = Datasets.LoadFrom(Datasets.Entry("sonar"), null, null, [temp.Path]);

        Assert.Null(data.FilePath);
        Assert.Equal(208, data.RowCount);
    }

    [Fact]
    public void Load_ChosenFolderWithoutTheFile_StillAnError()
    {
        using var temp = new TempFolder();

        Assert.Throws<FileNotFoundException>(() => Datasets.LoadFrom(Datasets.Entry("sonar"), temp.Path, null, [AppContext.BaseDirectory]));
    }
}
