using System.Collections.Generic;
using System.Linq;
using FairnessGuard.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Generators.Reading;

/// <summary>
/// Reads the method's policies in the order the guards are applied in: those on its type, then its own, each
/// in declaration order. Every attribute deriving from <c>FairnessConstraintAttribute</c> counts, so an
/// unknown derived policy is reported, not ignored.
/// </summary>
internal static class PolicyReader
{
    private const string BaseName = "FairnessGuard.FairnessConstraintAttribute";
    private const string DemographicParityName = "FairnessGuard.DemographicParityAttribute";

    public static List<PolicyModel> Read(IMethodSymbol method, Compilation compilation, Location location, List<DiagnosticInfo> diagnostics)
    {
        var policies = new List<PolicyModel>();
        foreach (var attribute in method.ContainingType.GetAttributes().Concat(method.GetAttributes()))
        {
            if (attribute.AttributeClass is not { } type || !DerivesFromPolicy(type))
            {
                continue;
            }

            if (type.ToDisplayString() != DemographicParityName)
            {
                diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.PolicyNotSupported, location, method.Name, type.Name));
                continue;
            }

            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string member || member.Trim().Length == 0)
            {
                diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.InvalidPolicyValue, location, method.Name, "the sensitive member name must be a non-empty member name, e.g. nameof(Applicant.Race)"));
                continue;
            }

            var values = PolicyValues.From(attribute);
            if (values.Problem is { } problem)
            {
                diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.InvalidPolicyValue, location, method.Name, problem));
                continue;
            }

            var key = GroupKeyResolver.Resolve(method, member, compilation);
            if (key.Failure is { } failure)
            {
                diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.GroupKeyNotFound, location, method.Name, member, failure));
                continue;
            }

            policies.Add(new PolicyModel(
                policies.Count,
                member,
                key.Type!,
                key.Expression!,
                values.Mode switch
                {
                    0 => "global::FairnessGuard.PolicyMode.Enforce",
                    1 => "global::FairnessGuard.PolicyMode.Monitor",
                    var other => $"(global::FairnessGuard.PolicyMode){SymbolText.Int(other)}",
                },
                SymbolText.Double(values.Strength),
                SymbolText.Double(values.Tolerance),
                SymbolText.Int(values.WarmUp)));
        }

        return policies;
    }

    /// <summary>Whether <paramref name="symbol"/> itself carries <c>[DemographicParity]</c>.</summary>
    public static bool HasDemographicParity(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == DemographicParityName);

    private static bool DerivesFromPolicy(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == BaseName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The attribute's named values with the attribute's defaults, checked as the guard will check them.</summary>
    private readonly record struct PolicyValues(int Mode, double Strength, double Tolerance, int WarmUp, string? Problem)
    {
        public static PolicyValues From(AttributeData attribute)
        {
            int mode = 0, warmUp = 200;
            double strength = 1.0, tolerance = 0.05;
            foreach (var pair in attribute.NamedArguments)
            {
                switch (pair.Key)
                {
                    case "Mode" when pair.Value.Value is int m:
                        mode = m;
                        break;
                    case "Strength" when pair.Value.Value is double s:
                        strength = s;
                        break;
                    case "Tolerance" when pair.Value.Value is double t:
                        tolerance = t;
                        break;
                    case "WarmUp" when pair.Value.Value is int w:
                        warmUp = w;
                        break;
                }
            }

            string? problem = null;
            if (mode is not (0 or 1))
            {
                problem = $"Mode {mode} is not a PolicyMode";
            }
            else if (!(strength >= 0 && strength <= 1))
            {
                problem = $"Strength must be in [0, 1] (got {SymbolText.Double(strength).TrimEnd('D')})";
            }
            else if (!(tolerance > 0 && tolerance < 1))
            {
                problem = $"Tolerance must be in (0, 1) (got {SymbolText.Double(tolerance).TrimEnd('D')})";
            }
            else if (warmUp < 1)
            {
                problem = $"WarmUp must be at least 1 (got {SymbolText.Int(warmUp)})";
            }

            return new PolicyValues(mode, strength, tolerance, warmUp, problem);
        }
    }
}
