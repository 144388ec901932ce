using System;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Model;

/// <summary>
/// Finds the FairnessGuard and ML.NET types the rules recognise, in source and in the referenced assemblies
/// that can define them only.
/// </summary>
/// <remarks>
/// <c>Compilation.GetTypeByMetadataName</c> searches every reference; its first call in a compilation reads
/// the type tables of all of them (about 170 ms for a net10.0 project on the benchmark machine), and that
/// time is charged to whichever analyzer asks first, long before the compiler would have needed the tables.
/// </remarks>
internal static class KnownTypes
{
    public const string FairnessGuardAssemblyPrefix = "FairnessGuard";
    public const string MlNetAssemblyPrefix = "Microsoft.ML";

    /// <summary>The type with this metadata name in source, or in a reference whose name starts with <paramref name="assemblyPrefix"/>.</summary>
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName, string assemblyPrefix)
    {
        if (compilation.Assembly.GetTypeByMetadataName(metadataName) is { } inSource)
        {
            return inSource;
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name.StartsWith(assemblyPrefix, StringComparison.Ordinal)
                && assembly.GetTypeByMetadataName(metadataName) is { } type)
            {
                return type;
            }
        }

        return null;
    }
}
