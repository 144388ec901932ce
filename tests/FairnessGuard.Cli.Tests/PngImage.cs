using System.Buffers.Binary;
using System.IO.Compression;

namespace FairnessGuard.Cli.Tests;

/// <summary>A minimal PNG decoder (8-bit RGB or RGBA, non-interlaced: what Chromium writes) for checking screenshots.</summary>
internal sealed class PngImage
{
    private readonly byte[] _rgb;

    private PngImage(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        _rgb = rgb;
    }

    public int Width { get; }

    public int Height { get; }

    public (byte R, byte G, byte B) this[int x, int y] => (_rgb[(((y * Width) + x) * 3) + 0], _rgb[(((y * Width) + x) * 3) + 1], _rgb[(((y * Width) + x) * 3) + 2]);

    public static PngImage Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0 || data[10] != 0)
                {
                    throw new NotSupportedException($"bit depth {data[8]}, interlace {data[12]}");
                }

                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"colour type {data[9]}") };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return new PngImage(width, height, Unfilter(raw.ToArray(), width, height, channels));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, current, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? current[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                Array.Copy(current, x * channels, rgb, ((y * width) + x) * 3, 3);
            }

            (previous, current) = (current, previous);
        }

        return rgb;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
