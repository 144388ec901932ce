using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.Tests.Model;

/// <summary>The text-first identifier search: chunk edges, and the tokens that must not count.</summary>
public class SyntaxSearchTests
{
    private static TypeDeclarationSyntax Type(string body) =>
        CSharpSyntaxTree.ParseText($"class Filler {{ }}\nclass C\n{{\n{body}\n}}\n").GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Single(t => t.Identifier.ValueText == "C");

    [Fact]
    public void FindsTheIdentifierAtEveryOffsetAroundTheChunkEdge()
    {
        // The search copies 4,096 characters at a time and steps by 4,096 - 11 + 1: put the name so that
        // it starts before, across and after each edge of the first two chunks.
        var misses = new List<int>();
        for (var padding = 4040; padding <= 4110; padding++)
        {
            var type = Type($"string p = \"{new string('x', padding)}\"; ParityGuard g;");
            if (!SyntaxSearch.HasIdentifier(type, "ParityGuard"))
            {
                misses.Add(padding);
            }
        }

        Assert.Empty(misses);
    }

    [Fact]
    public void FindsEveryOccurrenceOfEachNameOnceAroundTheChunkEdges()
    {
        // Two names of different lengths, one of them twice and one across the 4,096-character edges.
        var wrong = new List<int>();
        for (var padding = 4040; padding <= 4110; padding += 3)
        {
            var tree = CSharpSyntaxTree.ParseText($"[LoadColumn(0)] class C {{ string p = \"{new string('x', padding)}\"; ColumnName a; LoadColumn b; /* LoadColumn */ }}");
            var found = new List<Microsoft.CodeAnalysis.SyntaxToken>();
            SyntaxSearch.FindIdentifiers(tree, new[] { "LoadColumn", "ColumnName" }, found, CancellationToken.None);
            if (found.Count(t => t.ValueText == "LoadColumn") != 2 || found.Count(t => t.ValueText == "ColumnName") != 1)
            {
                wrong.Add(padding);
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("// ParityGuard g;")]
    [InlineData("/* ParityGuard */ int g;")]
    [InlineData("string s = \"ParityGuard\";")]
    [InlineData("ParityGuardOptions o;")]
    [InlineData("MyParityGuard g;")]
    [InlineData("int parityGuard;")]
    public void IgnoresCommentsStringsAndOtherIdentifiers(string body)
    {
        Assert.False(SyntaxSearch.HasIdentifier(Type(body), "ParityGuard"));
    }

    [Theory]
    [InlineData("ParityGuard<string> g;")]
    [InlineData("void M() { var g = global::FairnessGuard.ParityGuard.Create<int>(null!); }")]
    public void FindsTheIdentifierInCode(string body)
    {
        Assert.True(SyntaxSearch.HasIdentifier(Type(body), "ParityGuard"));
    }

    [Fact]
    public void OnlyTheScopeIsSearched()
    {
        var tree = CSharpSyntaxTree.ParseText("class A { ParityGuard g; }\nclass C { int x; }\n");
        var c = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Single(t => t.Identifier.ValueText == "C");
        Assert.False(SyntaxSearch.HasIdentifier(c, "ParityGuard"));
    }
}
