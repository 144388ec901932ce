namespace FairnessGuard.Sketches;

/// <summary>A serialised <see cref="QuantileSketch"/> is truncated, corrupted, foreign or of an unknown version.</summary>
public sealed class SketchFormatException : FormatException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public SketchFormatException()
        : base("The bytes are not a valid serialised QuantileSketch.")
    {
    }

    /// <summary>Creates the exception with a message saying what is wrong.</summary>
    public SketchFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public SketchFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
