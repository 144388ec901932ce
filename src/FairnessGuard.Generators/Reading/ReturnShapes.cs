using FairnessGuard.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Generators.Reading;

/// <summary>Recognises the return types the generator can guard.</summary>
internal static class ReturnShapes
{
    public static ReturnShape? Of(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Double:
                return ReturnShape.Double;
            case SpecialType.System_Single:
                return ReturnShape.Single;
            case SpecialType.System_Decimal:
                return ReturnShape.Decimal;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            var definition = named.OriginalDefinition.ToDisplayString();
            if (definition is "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>")
            {
                return named.TypeArguments[0].SpecialType switch
                {
                    SpecialType.System_Double => ReturnShape.TaskOfDouble,
                    SpecialType.System_Single => ReturnShape.TaskOfSingle,
                    SpecialType.System_Decimal => ReturnShape.TaskOfDecimal,
                    _ => null,
                };
            }
        }

        return null;
    }
}
