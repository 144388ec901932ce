using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// The names a hand-written feature set is bound by are chosen without binding (FeatureFlow.ReadCandidates): an
/// entity reached through a name declared outside the block, or members inherited from a base type, must still be found.
/// </summary>
public class ReadCandidatesTests
{
    private const string Applicant = """
        public class Applicant
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

    [Fact]
    public async Task AnEntityHeldByAPrimaryConstructorParameterIsFound()
    {
        // 'applicant' is declared by the class's parameter list, not in the method: it is still a candidate receiver.
        await new TestProject().WithSource(Applicant).WithSource("""
            public sealed class Scorer(IRiskModel model, Applicant applicant)
            {
                public double Assess() => model.Predict({|FG0001:new[] { applicant.Income, applicant.Debt }|});
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task MembersOfThisInheritedFromABaseTypeAreFound()
    {
        // Income and Debt are bare names of the base type's members: the type's own names are not all there is.
        await new TestProject().WithSource(Applicant).WithSource("""
            public sealed class Application(IRiskModel model) : Applicant
            {
                public double Assess() => model.Predict({|FG0001:new[] { Income, Debt }|});
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task AnEntityHeldByALambdaParameterIsFound()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            using System.Collections.Generic;
            using System.Linq;

            public sealed class BatchScorer(IRiskModel model)
            {
                public double[] AssessAll(IEnumerable<Applicant> applicants) =>
                    applicants.Select(a => model.Predict({|FG0001:new[] { a.Income, a.Debt }|})).ToArray();
            }
            """).VerifyAsync();
    }
}
