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
