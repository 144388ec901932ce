using System.Text;

namespace FairnessGuard.Storage.PostgreSql;

/// <summary>Text PostgreSQL can store: no NUL, no lone UTF-16 surrogate (neither encodes to valid UTF-8).</summary>
internal static class PostgreSqlText
{
    /// <summary>
    /// The text itself when it is storable (same reference), otherwise a copy where each NUL or lone surrogate
    /// is written <c>\uXXXX</c> and each backslash <c>\\</c>, so the escaped form is unambiguous and printable.
    /// </summary>
    public static string Escape(string text)
    {
        if (IsStorable(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c == '\\')
            {
                builder.Append(@"\\");
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                builder.Append(@"\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
