using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClassicalML.Scenarios.Tests;

/// <summary>No method, constructor, accessor, local function or lambda body in src/ or scenarios/ over 80 lines (ARCHITECTURE.md).</summary>
public class MethodLengthTests
{
    private const int MaxLines = 80;

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClassicalML.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ClassicalML.sln not found above the test folder.");
    }

    /// <summary>Every body in the source with its name and its length in lines (braces or arrow included).</summary>
    internal static IEnumerable<(string Name, int Lines)> Bodies(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            SyntaxNode? body = node switch
            {
                BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
                AccessorDeclarationSyntax a => (SyntaxNode?)a.Body ?? a.ExpressionBody,
                PropertyDeclarationSyntax p => p.ExpressionBody,
                IndexerDeclarationSyntax i => i.ExpressionBody,
                LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody,
                AnonymousFunctionExpressionSyntax l => l.Body,
                _ => null,
            };
            if (body is not null)
            {
                var span = body.GetLocation().GetLineSpan();
                yield return (Name(node, span.StartLinePosition.Line + 1), span.EndLinePosition.Line - span.StartLinePosition.Line + 1);
            }
        }
    }

    [Theory]
    [InlineData("src")]
    [InlineData("scenarios")]
    public void EveryBody_IsAtMost80Lines(string folder)
    {
        var tooLong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root(), folder), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Replace('\\', '/').Split('/').Any(p => p is "bin" or "obj")))
        {
            foreach (var (name, lines) in Bodies(File.ReadAllText(file)).Where(b => b.Lines > MaxLines))
            {
                tooLong.Add($"{Path.GetRelativePath(Root(), file).Replace('\\', '/')}: {name} is {lines} lines");
            }
        }

        Assert.True(tooLong.Count == 0, $"Bodies over {MaxLines} lines; split them into named steps:{Environment.NewLine}{string.Join(Environment.NewLine, tooLong)}");
    }

    [Fact]
    public void Bodies_MeasureBlocksExpressionBodiesAccessorsAndLambdas()
    {
        string longBlock = string.Concat(Enumerable.Repeat("        x++;\n", 79));
        string source = $$"""
            class C
            {
                int M(int x)
                {
            {{longBlock}}        return x;
                }

                int E(int x) =>
                    x
                    + 1;

                int P { get { return 1; } }

                System.Func<int, int> F = x =>
                {
                    return x;
                };
            }
            """;

        var bodies = Bodies(source).ToDictionary(b => b.Name.Split(' ')[0], b => b.Lines);

        Assert.Equal(82, bodies["M"]); // over the limit: the test above would fail on it
        Assert.Equal(3, bodies["E"]);
        Assert.Equal(1, bodies["get"]);
        Assert.Equal(3, bodies["lambda"]);
    }

    private static string Name(SyntaxNode node, int line) => node switch
    {
        MethodDeclarationSyntax m => $"{m.Identifier.Text} (line {line})",
        ConstructorDeclarationSyntax c => $"{c.Identifier.Text} constructor (line {line})",
        AccessorDeclarationSyntax a => $"{a.Keyword.Text} accessor (line {line})",
        PropertyDeclarationSyntax p => $"{p.Identifier.Text} (line {line})",
        LocalFunctionStatementSyntax f => $"{f.Identifier.Text} local function (line {line})",
        AnonymousFunctionExpressionSyntax => $"lambda (line {line})",
        _ => $"{node.Kind()} (line {line})",
    };
}
