using System;
using System.Collections.Generic;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>The columns an ML.NET pipeline's input offers, and the feature columns followed back to the columns they read.</summary>
internal static partial class MlNetPipelineReader
{
    /// <summary>The feature columns, followed back through one-to-one transforms to the columns they read.</summary>
    internal static List<NamedColumn> Expand(MlNetPipeline pipeline, List<NamedColumn> features)
    {
        // Breadth first, as a queue would: the list holds the queue, the index is its head.
        var queue = new List<NamedColumn>(features);
        var depths = new List<int>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            depths.Add(0);
        }

        var expanded = new List<NamedColumn>();
        for (var head = 0; head < queue.Count; head++)
        {
            var column = queue[head];
            var depth = depths[head];
            var mapped = false;
            if (depth <= 4)
            {
                foreach (var (output, input) in pipeline.Mappings)
                {
                    if (string.Equals(output, column.Name, StringComparison.OrdinalIgnoreCase) && !string.Equals(input.Name, output, StringComparison.OrdinalIgnoreCase))
                    {
                        queue.Add(input);
                        depths.Add(depth + 1);
                        mapped = true;
                    }
                }
            }

            if (!mapped)
            {
                expanded.Add(column);
            }
        }

        return expanded;
    }

    /// <summary>Whether a column of the list is named <paramref name="name"/> or <paramref name="other"/> (case-insensitive).</summary>
    private static bool Names(List<NamedColumn> columns, string name, string? other)
    {
        foreach (var column in columns)
        {
            if (string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase) || (other is not null && string.Equals(column.Name, other, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static Column? Find(List<Column> columns, string name)
    {
        foreach (var column in columns)
        {
            if (string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        return null;
    }

    private static Column? WithMemberName(List<Column> columns, string memberName)
    {
        foreach (var column in columns)
        {
            if (string.Equals(column.MemberName, memberName, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }

    private static List<Column> AvailableColumns(MlNetPipeline pipeline, FairnessCompilationContext context, NameMatchers names)
    {
        var columns = new List<Column>();
        if (pipeline.InputType is { TypeKind: TypeKind.Class or TypeKind.Struct } type)
        {
            foreach (var member in context.ProfileOf(type, names).Members)
            {
                columns.Add(new Column(member.ColumnName, member, member.IsSensitive, member.IsProxy, member.HasNoColumn, $"{type.Name}.{member.Name}"));
            }
        }

        foreach (var loaded in pipeline.LoaderColumns)
        {
            columns.Add(new Column(loaded.Name, null, names.IsSensitive(loaded.Name), names.IsProxy(loaded.Name), false, loaded.Name));
        }

        return columns;
    }

    private sealed class Column
    {
        public Column(string name, MemberProfile? member, bool isSensitive, bool isProxy, bool noColumn, string display)
        {
            Name = name;
            Member = member;
            IsSensitive = isSensitive;
            IsProxy = isProxy;
            NoColumn = noColumn;
            Display = display;
        }

        public string Name { get; }

        public MemberProfile? Member { get; }

        public string MemberName => Member?.Name ?? Name;

        public bool IsSensitive { get; }

        public bool IsProxy { get; }

        public bool NoColumn { get; }

        public string Display { get; }
    }
}
