using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FairnessGuard.Generators.Reading;

/// <summary>How symbols and constants are spelled in generated code: fully qualified, nullable-aware, escaped.</summary>
internal static class SymbolText
{
    /// <summary><c>global::</c>-qualified types with <c>?</c> on nullable reference types (the partial parts must agree).</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>"Namespace.Outer.Type": the key of a method's guards in the registry and in configuration.</summary>
    public static readonly SymbolDisplayFormat KeyFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    public static string Type(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "D";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A file-name-safe form of <paramref name="text"/> for hint names.</summary>
    public static string Safe(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>FNV-1a, stable across processes (string.GetHashCode is not): names overloads' fields and files.</summary>
    public static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
