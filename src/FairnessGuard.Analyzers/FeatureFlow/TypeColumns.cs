using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Column names listed from a type rather than written out: <c>typeof(Row).GetProperties().Select(p =&gt; p.Name)</c>
/// (the type's public instance properties) and <c>data.Schema.Select(c =&gt; c.Name)</c> where <c>data</c> is a local
/// loaded by <c>LoadFromTextFile&lt;Row&gt;</c> or <c>LoadFromEnumerable&lt;Row&gt;</c> (the type's loaded columns, under
/// their <c>[ColumnName]</c>), also through the schema queries <see cref="SchemaColumns"/> resolves. Anything else — a data view that went through transforms, a parameter — is unknown (null).
/// </summary>
internal static class TypeColumns
{
    public static List<string>? NamesOf(ExpressionSyntax expression, SemanticModel model, FairnessCompilationContext context, CancellationToken token)
    {
        if (expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Select" } select } call
            || call.ArgumentList.Arguments.Count != 1
            || call.ArgumentList.Arguments[0].Expression is not SimpleLambdaExpressionSyntax { ExpressionBody: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Name", Expression: IdentifierNameSyntax item } } lambda
            || item.Identifier.ValueText != lambda.Parameter.Identifier.ValueText)
        {
            return null;
        }

        switch (select.Expression)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetProperties", Expression: TypeOfExpressionSyntax type_ }, ArgumentList.Arguments.Count: 0 }
                when model.GetTypeInfo(type_.Type, token).Type is INamedTypeSymbol type:
                return Members(type, context).Where(m => m.Symbol is IPropertySymbol).Select(m => m.Name).ToList();
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Schema", Expression: IdentifierNameSyntax data }
                when model.GetSymbolInfo(data, token).Symbol is ILocalSymbol local && LoadedType(local, model, token) is { } row:
                return LoadedColumns(row, context);
            default:
                return SchemaColumns.Of(select.Expression, model, context, 0, token)?.Select(c => c.Name).ToList();
        }
    }

    /// <summary>The row type of a local initialised by <c>LoadFromTextFile&lt;T&gt;</c> or <c>LoadFromEnumerable&lt;T&gt;</c> in the same tree.</summary>
    internal static INamedTypeSymbol? LoadedType(ILocalSymbol local, SemanticModel model, CancellationToken token)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(token) is not VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax load }
            || load.SyntaxTree != model.SyntaxTree
            || model.GetSymbolInfo(load, token).Symbol is not IMethodSymbol { Name: "LoadFromTextFile" or "LoadFromEnumerable", TypeArguments.Length: 1 } method)
        {
            return null;
        }

        return method.TypeArguments[0] as INamedTypeSymbol;
    }

    private static List<string> LoadedColumns(INamedTypeSymbol row, FairnessCompilationContext context)
        => LoadedMembers(row, context).Select(m => m.ColumnName).ToList();

    /// <summary>The loaded columns with the name of their ML.NET type, as <c>column.Type.ToString()</c> gives it.</summary>
    internal static List<SchemaColumn> LoadedColumnsWithTypes(INamedTypeSymbol row, FairnessCompilationContext context)
        => LoadedMembers(row, context).Select(m => new SchemaColumn(m.ColumnName, ScalarTypeName(m.Symbol))).ToList();

    private static List<MemberProfile> LoadedMembers(INamedTypeSymbol row, FairnessCompilationContext context)
    {
        var members = Members(row, context).Where(m => !m.HasNoColumn).ToList();
        if (members.Any(m => context.HasLoadColumn(m.Symbol)))
        {
            members = members.Where(m => context.HasLoadColumn(m.Symbol)).ToList();
        }

        return members;
    }

    // ML.NET's scalar column types by their ToString(); a vector (array, VBuffer) or anything else has no name here.
    private static string? ScalarTypeName(ISymbol member) => (member switch { IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, _ => null })?.SpecialType switch
    {
        SpecialType.System_Single => "Single",
        SpecialType.System_Double => "Double",
        SpecialType.System_String => "String",
        SpecialType.System_Boolean => "Boolean",
        SpecialType.System_SByte => "SByte",
        SpecialType.System_Byte => "Byte",
        SpecialType.System_Int16 => "Int16",
        SpecialType.System_UInt16 => "UInt16",
        SpecialType.System_Int32 => "Int32",
        SpecialType.System_UInt32 => "UInt32",
        SpecialType.System_Int64 => "Int64",
        SpecialType.System_UInt64 => "UInt64",
        SpecialType.System_DateTime => "DateTime",
        _ => null,
    };

    // The type's readable public instance data members with their ML.NET column names, as every rule sees them (the
    // profile is cached per type; the name lists play no part in what is read here).
    private static ImmutableArray<MemberProfile> Members(INamedTypeSymbol type, FairnessCompilationContext context)
        => context.ProfileOf(type, NameMatchers.Default).Members;
}
