using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace FairnessGuard.Cli.Csv;

/// <summary>
/// A flat string column read without a string a row: Parquet.Net's raw column data are slices of one character
/// buffer, and each slice is matched against the last few distinct keys before a string is made (and interned)
/// for a new one. Missing and null values read as null, exactly as the general path reads them.
/// </summary>
internal sealed partial class ParquetRowSource
{
    // Distinct keys matched by their characters before a string is made; a column with more keys makes one a row.
    private const int RecentKeys = 16;

    /// <summary>The column's keys (null where missing), or null when its raw data are not character slices of the expected shape.</summary>
    private string?[]? RawTexts(ParquetRowGroupReader group, DataField field)
    {
        if ((field.ClrType != typeof(string) && field.ClrType != typeof(ReadOnlyMemory<char>)) || field.IsArray || field.MaxRepetitionLevel != 0)
        {
            return null;
        }

        return Guard(field, () =>
        {
            using var raw = ParquetColumns.Run(() => group.ReadRawColumnDataBaseAsync(field, default).AsTask());
            if (raw is not RawColumnData<ReadOnlyMemory<char>> text)
            {
                return null;
            }

            var values = text.Values;
            var levels = text.DefinitionLevels;
            var max = field.MaxDefinitionLevel;
            if (!levels.IsEmpty && levels.Length != _length)
            {
                return null;
            }

            var keys = new string[RecentKeys];
            var interned = new string?[RecentKeys];
            var known = 0;
            var result = new string?[_length];
            var v = 0;
            for (var i = 0; i < result.Length; i++)
            {
                if (!levels.IsEmpty && levels[i] < max)
                {
                    continue;
                }

                if (v == values.Length)
                {
                    return null;
                }

                var chars = values[v++].Span;
                var k = 0;
                while (k < known && !chars.SequenceEqual(keys[k]))
                {
                    k++;
                }

                if (k == known)
                {
                    var key = new string(chars);
                    var value = MissingValues.IsMissing(key) ? null : Intern(key);
                    if (known == RecentKeys)
                    {
                        result[i] = value;
                        continue;
                    }

                    (keys[k], interned[k]) = (key, value);
                    known++;
                }

                result[i] = interned[k];
            }

            return v == values.Length ? result : null;
        });
    }

    /// <summary>A flat nullable double column with nulls as NaN, from the raw values (no <c>double?</c> copy); null when not of the expected shape.</summary>
    private double[]? RawDoubles(ParquetRowGroupReader group, DataField field)
    {
        if (field.IsArray || field.MaxRepetitionLevel != 0)
        {
            return null;
        }

        return Guard(field, () =>
        {
            using var raw = ParquetColumns.Run(() => group.ReadRawColumnDataBaseAsync(field, default).AsTask());
            if (raw is not RawColumnData<double> numbers)
            {
                return null;
            }

            var values = numbers.Values;
            var levels = numbers.DefinitionLevels;
            var max = field.MaxDefinitionLevel;
            if (levels.IsEmpty)
            {
                return values.Length == _length ? values.ToArray() : null;
            }

            if (levels.Length != _length)
            {
                return null;
            }

            var result = new double[_length];
            var v = 0;
            for (var i = 0; i < result.Length; i++)
            {
                if (levels[i] < max)
                {
                    result[i] = double.NaN;
                }
                else if (v < values.Length)
                {
                    result[i] = values[v++];
                }
                else
                {
                    return null;
                }
            }

            return v == values.Length ? result : null;
        });
    }
}
