namespace FairnessGuard.State;

/// <summary>Turns group keys into bytes and back, for guard snapshots of key types without a built-in codec.</summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
public interface IGroupKeyCodec<TGroup>
{
    /// <summary>The key's bytes.</summary>
    /// <param name="key">A key.</param>
    /// <returns>Bytes that <see cref="Decode"/> turns back into an equal key.</returns>
    byte[] Encode(TGroup key);

    /// <summary>The key from its bytes.</summary>
    /// <param name="bytes">Bytes made by <see cref="Encode"/>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The bytes are not a key.</exception>
    TGroup Decode(ReadOnlySpan<byte> bytes);
}
