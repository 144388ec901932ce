using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Model;

/// <summary>The output policies declared in a compilation's source, indexed by the member they name.</summary>
internal static class PolicyIndex
{
    public static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Computed lazily, only when a rule is about to report: most compilations never need it.</summary>
    public static HashSet<string> ConstrainedMemberNames(Compilation compilation, INamedTypeSymbol? constraintAttribute)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (constraintAttribute is null)
        {
            return names;
        }

        Collect(compilation.Assembly, constraintAttribute, names);
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(compilation.Assembly.GlobalNamespace);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            foreach (var member in current.GetMembers())
            {
                switch (member)
                {
                    case INamespaceSymbol ns:
                        stack.Push(ns);
                        break;
                    case INamedTypeSymbol type:
                        Collect(type, constraintAttribute, names);
                        foreach (var typeMember in type.GetMembers())
                        {
                            if (typeMember is IMethodSymbol)
                            {
                                Collect(typeMember, constraintAttribute, names);
                            }
                        }

                        stack.Push(type);
                        break;
                }
            }
        }

        return names;
    }

    private static void Collect(ISymbol symbol, INamedTypeSymbol constraintAttribute, HashSet<string> names)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (DerivesFrom(attribute.AttributeClass, constraintAttribute)
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string member)
            {
                var dot = member.LastIndexOf('.');
                names.Add(dot >= 0 ? member.Substring(dot + 1) : member);
            }
        }
    }
}
