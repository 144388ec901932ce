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

    private sealed class StringCodec : IGroupKeyCodec<string>
    {
        public byte[] Encode(string key) => Encoding.UTF8.GetBytes(key);

        public string Decode(ReadOnlySpan<byte> bytes) => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
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
