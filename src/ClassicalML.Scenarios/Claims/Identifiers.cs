using System.Text.RegularExpressions;

namespace ClassicalML.Scenarios;

internal static partial class Identifiers
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*\\.png$", RegexOptions.CultureInvariant)]
    private static partial Regex PngFileName();

    public static void RequireKebabCase(string? value, string parameter)
    {
        if (value is null || !KebabCase().IsMatch(value))
        {
            throw new ArgumentException(
                $"{parameter} is '{value}'; it must be kebab-case (lower-case letters and digits separated by single hyphens). Use e.g. 'stratified-cv'.",
                parameter);
        }
    }

    public static void RequirePngFileName(string? value, string parameter)
    {
        if (value is null || !PngFileName().IsMatch(value))
        {
            throw new ArgumentException(
                $"{parameter} is '{value}'; a figure file name must be a plain file name ending in .png (letters, digits, '-', '_', '.'), without folders. Use e.g. 'roc.png'.",
                parameter);
        }
    }
}
