using System.Buffers;
using System.Text.Unicode;

namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Decodes captured field bytes strictly: UTF-8 (an invalid sequence is reported with its byte offset, never
/// replaced by U+FFFD, which would silently merge two groups) or Latin-1 (every byte is a character).
/// </summary>
internal static class StrictText
{
    /// <summary>Decodes <paramref name="bytes"/>; undoubles <c>""</c> when the field was quoted.</summary>
    /// <param name="bytes">The field's bytes.</param>
    /// <param name="encoding">The input's encoding.</param>
    /// <param name="quoted">Whether the field was quoted.</param>
    /// <param name="text">The text; empty when invalid.</param>
    /// <param name="invalidAt">The offset in <paramref name="bytes"/> of the first invalid byte; -1 when valid.</param>
    /// <returns>Whether the bytes were valid.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, InputEncoding encoding, bool quoted, out string text, out int invalidAt)
    {
        invalidAt = -1;
        if (encoding == InputEncoding.Latin1)
        {
            text = System.Text.Encoding.Latin1.GetString(bytes);
        }
        else
        {
            var chars = bytes.Length <= 256 ? stackalloc char[bytes.Length] : new char[bytes.Length];
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                invalidAt = read;
                text = string.Empty;
                return false;
            }

            text = new string(chars[..written]);
        }

        if (quoted && text.Contains("\"\"", StringComparison.Ordinal))
        {
            text = text.Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        return true;
    }

    /// <summary>Decodes a captured field or throws the error naming the file, line, column and byte offset.</summary>
    public static string Decode(CapturedField field, InputEncoding encoding, string path, long line)
    {
        if (TryDecode(field.Bytes, encoding, field.Quoted, out var text, out var at))
        {
            return text;
        }

        throw new CsvInputException(
            path,
            line,
            field.Column + 1,
            field.Name.Length == 0 ? null : field.Name,
            $"invalid UTF-8 at byte offset {field.Start + at} (0x{field.Bytes[at]:X2}); if the file is Latin-1, pass --encoding latin1");
    }

    /// <summary>Bytes shown in an error message (at most 800), decoded leniently: the message must not fail.</summary>
    public static string Shown(ReadOnlySpan<byte> bytes, InputEncoding encoding)
    {
        var head = bytes[..Math.Min(bytes.Length, 800)];
        return encoding == InputEncoding.Latin1 ? System.Text.Encoding.Latin1.GetString(head) : System.Text.Encoding.UTF8.GetString(head);
    }
}

/// <summary>How the text of an input file is decoded.</summary>
internal enum InputEncoding
{
    /// <summary>UTF-8, strictly: an invalid byte is an error.</summary>
    Utf8,

    /// <summary>ISO-8859-1: every byte is a character.</summary>
    Latin1,
}
