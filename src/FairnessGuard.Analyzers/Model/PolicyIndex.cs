using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
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

    /// <summary>
    /// Computed lazily, only when a rule is about to report: most compilations never need it. When no source
    /// file names a policy attribute at all (a text search), no method's attributes are read.
    /// </summary>
    public static HashSet<string> ConstrainedMemberNames(Compilation compilation, INamedTypeSymbol? constraintAttribute, CancellationToken token)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (constraintAttribute is null)
        {
            return names;
        }

        Collect(compilation.Assembly, constraintAttribute, names);
        if (!AnyPolicyNamedInSource(compilation, constraintAttribute, token))
        {
            return names;
        }
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

    /// <summary>
    /// Whether any source file names a policy attribute type: the types deriving from
    /// <c>FairnessConstraintAttribute</c> in the assemblies that can define them (FairnessGuard's own, and the
    /// references that reference it), with and without the <c>Attribute</c> suffix. A policy type declared in
    /// source names its base in its base list, and a using alias names its target, so both are found too.
    /// </summary>
    internal static bool AnyPolicyNamedInSource(Compilation compilation, INamedTypeSymbol constraintAttribute, CancellationToken token)
    {
        var policyNames = PolicyTypeNames(compilation, constraintAttribute);
        var hits = new List<SyntaxToken>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            SyntaxSearch.FindIdentifiers(tree, policyNames, hits, token);
            if (hits.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    // The policy types a referenced assembly defines, per constraint attribute: compilations that share their
    // references (an IDE's successive snapshots, clones) share the referenced assembly symbols, so an assembly's
    // types are walked once, not once per compilation. Weak keys: nothing is kept alive by the cache.
    private static readonly ConditionalWeakTable<INamedTypeSymbol, ConditionalWeakTable<IAssemblySymbol, string[]>> PolicyNamesByAssembly = new();

    private static string[] PolicyTypeNames(Compilation compilation, INamedTypeSymbol constraintAttribute)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        AddNames(constraintAttribute, names);
        var perAssembly = PolicyNamesByAssembly.GetValue(constraintAttribute, _ => new ConditionalWeakTable<IAssemblySymbol, string[]>());
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            names.UnionWith(perAssembly.GetValue(assembly, a => PolicyTypeNamesIn(a, constraintAttribute)));
        }

        var result = new string[names.Count];
        names.CopyTo(result);
        return result;
    }

    private static string[] PolicyTypeNamesIn(IAssemblySymbol assembly, INamedTypeSymbol constraintAttribute)
    {
        if (!MayDefinePolicies(assembly))
        {
            return Array.Empty<string>();
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(assembly.GlobalNamespace);
        while (stack.Count > 0)
        {
            foreach (var member in stack.Pop().GetMembers())
            {
                if (member is INamedTypeSymbol type && DerivesFrom(type, constraintAttribute))
                {
                    AddNames(type, names);
                }

                if (member is INamespaceOrTypeSymbol container)
                {
                    stack.Push(container);
                }
            }
        }

        var result = new string[names.Count];
        names.CopyTo(result);
        return result;
    }

    private static bool MayDefinePolicies(IAssemblySymbol assembly)
    {
        if (assembly.Name.StartsWith(KnownTypes.FairnessGuardAssemblyPrefix, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (referenced.Name.StartsWith(KnownTypes.FairnessGuardAssemblyPrefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AddNames(INamedTypeSymbol type, HashSet<string> names)
    {
        names.Add(type.Name);
        const string Suffix = "Attribute";
        if (type.Name.Length > Suffix.Length && type.Name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            names.Add(type.Name.Substring(0, type.Name.Length - Suffix.Length));
        }
    }
}
