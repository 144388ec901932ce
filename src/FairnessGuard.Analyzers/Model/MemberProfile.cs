using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Model;

/// <summary>One readable member of a model input or entity type, as the rules see it.</summary>
internal sealed class MemberProfile
{
    public MemberProfile(ISymbol symbol, string columnName, bool isSensitive, bool isProxy, bool hasNoColumn)
    {
        Symbol = symbol;
        ColumnName = columnName;
        IsSensitive = isSensitive;
        IsProxy = isProxy;
        HasNoColumn = hasNoColumn;
    }

    /// <summary>The property or field.</summary>
    public ISymbol Symbol { get; }

    public string Name => Symbol.Name;

    /// <summary>The ML.NET column name: <c>[ColumnName]</c> when present, else the member name.</summary>
    public string ColumnName { get; }

    public bool IsSensitive { get; }

    public bool IsProxy { get; }

    /// <summary>Marked <c>[NoColumn]</c>: ML.NET leaves it out of the data view.</summary>
    public bool HasNoColumn { get; }
}
