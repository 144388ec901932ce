using System.Globalization;
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

    private string?[] Texts(ParquetRowGroupReader group, DataField field)
    {
        var raw = new string?[_length];
        return RawTexts(group, field, raw, 0) ? raw : BoxedTexts(group, field);
    }

    private string?[] BoxedTexts(ParquetRowGroupReader group, DataField field)
    {
        var data = Boxed(group, field);
        var result = new string?[data.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var text = data[i] switch
            {
                null => null,
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
            result[i] = text is null || MissingValues.IsMissing(text) ? null : Intern(text);
        }

        return result;
    }

    /// <summary>
    /// Writes the column's keys (null where missing) to <paramref name="result"/> from <paramref name="offset"/>; false
    /// when its raw data are not character slices of the expected shape (the range may then hold anything).
    /// </summary>
    private bool RawTexts(ParquetRowGroupReader group, DataField field, string?[] result, int offset)
    {
        if ((field.ClrType != typeof(string) && field.ClrType != typeof(ReadOnlyMemory<char>)) || field.IsArray || field.MaxRepetitionLevel != 0)
        {
            return false;
        }

        return Guard(field, () =>
        {
            using var raw = ParquetColumns.Run(() => group.ReadRawColumnDataBaseAsync(field, default).AsTask());
            if (raw is not RawColumnData<ReadOnlyMemory<char>> text)
            {
                return false;
            }

            var values = text.Values;
            var levels = text.DefinitionLevels;
            var max = field.MaxDefinitionLevel;
            if (!levels.IsEmpty && levels.Length != _length)
            {
                return false;
            }

            var keys = new string[RecentKeys];
            var interned = new string?[RecentKeys];
            var known = 0;
            var v = 0;
            for (var i = offset; i < offset + _length; i++)
            {
                if (!levels.IsEmpty && levels[i - offset] < max)
                {
                    result[i] = null;
                    continue;
                }

                if (v == values.Length)
                {
                    return false;
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

            return v == values.Length;
        });
    }

    /// <summary>
    /// Writes a flat nullable double column, nulls as NaN, from the raw values (no <c>double?</c> copy) to
    /// <paramref name="result"/> from <paramref name="offset"/>; false when not of the expected shape.
    /// </summary>
    private bool RawDoubles(ParquetRowGroupReader group, DataField field, double[] result, int offset)
    {
        if (field.IsArray || field.MaxRepetitionLevel != 0)
        {
            return false;
        }

        return Guard(field, () =>
        {
            using var raw = ParquetColumns.Run(() => group.ReadRawColumnDataBaseAsync(field, default).AsTask());
            if (raw is not RawColumnData<double> numbers)
            {
                return false;
            }

            var values = numbers.Values;
            var levels = numbers.DefinitionLevels;
            var max = field.MaxDefinitionLevel;
            if (levels.IsEmpty)
            {
                return values.Length == _length && values.TryCopyTo(result.AsSpan(offset));
            }

            if (levels.Length != _length)
            {
                return false;
            }

            var v = 0;
            for (var i = 0; i < _length; i++)
            {
                if (levels[i] < max)
                {
                    result[offset + i] = double.NaN;
                }
                else if (v < values.Length)
                {
                    result[offset + i] = values[v++];
                }
                else
                {
                    return false;
                }
            }

            return v == values.Length;
        });
    }
}
