using FairnessGuard.Analyzers.FeatureFlow;
using FairnessGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// The walk that looks for triggers skips members that only hold data (auto-properties and fields without an
/// initializer, enum members without a value); any member that runs code (an initializer, an accessor body, a call
/// in an attribute of broken code) is still read.
/// </summary>
public class DataOnlyMemberTests
{
    private const string Applicant = """
        public sealed class Applicant
        {
            public float Income { get; init; }
            public float Debt { get; init; }
            public string Gender { get; init; } = "";
        }

        public interface IRiskModel
        {
            double Predict(float[] features);
        }
        """;

    [Theory]
    [InlineData("public int A { get; set; }", true)]
    [InlineData("[System.Obsolete(\"x\")] public float Age { get; init; }", true)]
    [InlineData("private int _count;", true)]
    [InlineData("public string B { get; set; } = \"\";", false)]
    [InlineData("public int C { get => 1; }", false)]
    [InlineData("public int D => 1;", false)]
    [InlineData("private int _e = Compute();", false)]
    [InlineData("[Column(nameof(Predict))] public int F { get; set; }", false)]
    [InlineData("public void G() { }", false)]
    public void OnlyMembersThatRunNoCodeHoldOnlyData(string member, bool expected)
    {
        var declaration = (TypeDeclarationSyntax)CSharpSyntaxTree.ParseText("class C { " + member + " }").GetCompilationUnitRoot().Members[0];

        Assert.Equal(expected, MemberShapes.HoldsOnlyData(declaration.Members[0]));
    }

    [Fact]
    public async Task AScoringGetterBesideDataOnlyMembersIsStillRead()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            public sealed class Scorer(IRiskModel model, Applicant applicant)
            {
                public int Version { get; set; }

                private readonly int _retries;

                public double Risk
                {
                    get { return model.Predict({|FG0001:new[] { applicant.Income, applicant.Debt }|}) + _retries; }
                }
            }
            """).VerifyAsync();
    }
}
