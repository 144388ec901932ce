using System.Buffers.Binary;
using System.Text;

namespace FairnessGuard.State;

/// <summary>Codecs for the common key types: string, bool, integers, enums, Guid, char.</summary>
internal static class BuiltInKeyCodec
{
    public static IGroupKeyCodec<TGroup>? For<TGroup>()
    {
        var t = typeof(TGroup);
        object? codec = t == typeof(string) ? new StringCodec()
            : t == typeof(bool) ? new Int64Codec<bool>(v => v ? 1 : 0, v => v != 0)
            : t == typeof(int) ? new Int64Codec<int>(v => v, v => checked((int)v))
            : t == typeof(long) ? new Int64Codec<long>(v => v, v => v)
            : t == typeof(short) ? new Int64Codec<short>(v => v, v => checked((short)v))
            : t == typeof(byte) ? new Int64Codec<byte>(v => v, v => checked((byte)v))
            : t == typeof(char) ? new Int64Codec<char>(v => v, v => checked((char)v))
            : t == typeof(Guid) ? new GuidCodec()
            : t.IsEnum ? new Int64Codec<TGroup>(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture), v => (TGroup)Enum.ToObject(t, v))
            : null;
        return codec as IGroupKeyCodec<TGroup>;
    }

    /// <summary>
    /// UTF-8 for well-formed strings. A string with a lone surrogate has no UTF-8 form (a lossy encoder would
    /// write U+FFFD, so "a\uD800" and "a\uDC00" would come back as one group after a restart or on another
    /// replica): it is written as the byte 0xFF, which never occurs in UTF-8, followed by its UTF-16LE code
    /// units, and comes back exactly.
    /// </summary>
    private sealed class StringCodec : IGroupKeyCodec<string>
    {
        private const byte Utf16Marker = 0xFF;
        private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

        public byte[] Encode(string key)
        {
            if (IsWellFormed(key))
            {
                return Strict.GetBytes(key);
            }

            var bytes = new byte[1 + (2 * key.Length)];
            bytes[0] = Utf16Marker;
            for (var i = 0; i < key.Length; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(1 + (2 * i)), key[i]);
            }

            return bytes;
        }

        public string Decode(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty || bytes[0] != Utf16Marker)
            {
                return Strict.GetString(bytes);
            }

            if ((bytes.Length - 1) % 2 != 0)
            {
                throw new FormatException($"A UTF-16 string key needs an even number of bytes after its marker, not {bytes.Length - 1}.");
            }

            var chars = new char[(bytes.Length - 1) / 2];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(bytes[(1 + (2 * i))..]);
            }

            return new string(chars);
        }

        private static bool IsWellFormed(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private sealed class GuidCodec : IGroupKeyCodec<Guid>
    {
        public byte[] Encode(Guid key) => key.ToByteArray();

        public Guid Decode(ReadOnlySpan<byte> bytes) => bytes.Length == 16 ? new Guid(bytes) : throw new FormatException($"A Guid key needs 16 bytes, not {bytes.Length}.");
    }

    private sealed class Int64Codec<T>(Func<T, long> toLong, Func<long, T> fromLong) : IGroupKeyCodec<T>
    {
        public byte[] Encode(T key)
        {
            var bytes = new byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, toLong(key));
            return bytes;
        }

        public T Decode(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length != 8)
            {
                throw new FormatException($"An integral key needs 8 bytes, not {bytes.Length}.");
            }

            try
            {
                return fromLong(BinaryPrimitives.ReadInt64LittleEndian(bytes));
            }
            catch (OverflowException ex)
            {
                throw new FormatException("The key is out of range for its type.", ex);
            }
        }
    }
}
