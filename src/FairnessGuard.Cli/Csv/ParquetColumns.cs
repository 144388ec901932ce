using System.Reflection;
using Parquet;
using Parquet.Schema;

namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Whole Parquet columns of any flat type, read and written untyped (as arrays) so <c>correct</c> can copy every
/// input column of a row group and add one. Parquet.Net is asynchronous: each call runs on the thread pool and is
/// awaited synchronously (no caller's context is captured).
/// </summary>
internal static class ParquetColumns
{
    private static readonly MethodInfo ReadStructMethod = typeof(ParquetColumns).GetMethod(nameof(ReadStruct), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo WriteStructMethod = typeof(ParquetColumns).GetMethod(nameof(WriteStruct), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Runs an asynchronous Parquet.Net call to completion (see <see cref="Run{T}"/>).</summary>
    public static void Run(Func<Task> call)
    {
        if (NoContext)
        {
            call().GetAwaiter().GetResult();
        }
        else
        {
            Task.Run(call).GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Runs an asynchronous Parquet.Net call to completion and returns its result: on this thread when it has no
    /// synchronization context or task scheduler a continuation could need (a command's threads), else on the
    /// thread pool. Started here, the call's pooled buffers are rented and returned on one thread: hopping to a
    /// pool thread a call left about 170 MB of them cached across pool threads on a 10M-row file.
    /// </summary>
    public static T Run<T>(Func<Task<T>> call) => NoContext ? call().GetAwaiter().GetResult() : Task.Run(call).GetAwaiter().GetResult();

    private static bool NoContext => SynchronizationContext.Current is null && TaskScheduler.Current == TaskScheduler.Default;

    /// <summary>The top-level columns of <paramref name="schema"/>; a nested or repeated column is refused (exit 2).</summary>
    public static DataField[] Flat(string path, ParquetSchema schema)
    {
        var fields = new DataField[schema.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            if (schema.Fields[i] is not DataField { IsArray: false } data)
            {
                throw new CsvInputException(path, 0, 0, schema.Fields[i].Name, $"column '{TextCap.Echo(schema.Fields[i].Name)}' is a {schema.Fields[i].SchemaType.ToString().ToLowerInvariant()}; correct copies flat Parquet columns only");
            }

            fields[i] = data;
        }

        return fields;
    }

    /// <summary>A whole column of a row group: <c>T[]</c> or <c>T?[]</c> for value types, <c>string?[]</c> or <c>byte[]?[]</c>.</summary>
    public static Array Read(ParquetRowGroupReader group, DataField field, int rows)
    {
        var t = field.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[rows];
            Run(() => group.ReadAsync(field, text.AsMemory(), null, default).AsTask());
            return text;
        }

        if (t == typeof(byte[]))
        {
            var bytes = new byte[]?[rows];
            Run(() => group.ReadAsync(field, bytes.AsMemory(), null, default).AsTask());
            return bytes;
        }

        return (Array)ReadStructMethod.MakeGenericMethod(t).Invoke(null, [group, field, rows])!;
    }

    /// <summary>Writes one row group: the columns in the schema's order, each an array from <see cref="Read"/> (or <c>string?[]</c>, <c>double?[]</c>), <paramref name="rows"/> long or longer.</summary>
    public static void WriteRowGroup(ParquetWriter writer, IReadOnlyList<DataField> fields, IReadOnlyList<Array> columns, int rows)
    {
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < fields.Count; c++)
        {
            var (field, values) = (fields[c], columns[c]);
            switch (values)
            {
                case string?[] text:
                    var strings = text.Length == rows ? text : text[..rows];
                    Run(async () => await group.WriteAsync(field, strings!, null).ConfigureAwait(false));
                    break;
                case byte[]?[] bytes:
                    var blobs = bytes.Length == rows ? bytes : bytes[..rows];
                    Run(async () => await group.WriteAsync(field, blobs!, null).ConfigureAwait(false));
                    break;
                default:
                    var element = values.GetType().GetElementType()!;
                    var type = Nullable.GetUnderlyingType(element) ?? element;
                    WriteStructMethod.MakeGenericMethod(type).Invoke(null, [group, field, values, rows]);
                    break;
            }
        }
    }

    private static Array ReadStruct<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            Run(() => group.ReadAsync<T>(field, nullable.AsMemory(), null, default).AsTask());
            return nullable;
        }

        var values = new T[rows];
        Run(() => group.ReadAsync<T>(field, values.AsMemory(), null, default).AsTask());
        return values;
    }

    private static void WriteStruct<T>(ParquetRowGroupWriter group, DataField field, Array values, int rows)
        where T : struct
    {
        if (values is T?[] nullable)
        {
            Run(async () => await group.WriteAsync<T>(field, nullable.AsMemory(0, rows), null, null, default).ConfigureAwait(false));
        }
        else
        {
            var plain = (T[])values;
            Run(async () => await group.WriteAsync<T>(field, plain.AsMemory(0, rows), null, null, default).ConfigureAwait(false));
        }
    }
}
