using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Commands;

/// <summary>Options and error handling shared by the commands.</summary>
internal static class CommonOptions
{
    /// <summary>--group COL, repeatable: several columns form the intersection.</summary>
    public static Option<string[]> Group() => new("--group")
    {
        Description = "The sensitive attribute column; repeat for the intersection of several (values joined by '/').",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>--score COL.</summary>
    public static Option<string> Score() => new("--score") { Description = "The model output column.", Required = true };

    /// <summary>--encoding utf-8|latin1.</summary>
    public static Option<InputEncoding> Encoding() => new("--encoding")
    {
        Description = "Text encoding of the input: utf-8 (strict: an invalid byte is an error naming its offset) or latin1.",
        DefaultValueFactory = _ => InputEncoding.Utf8,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "utf-8" : result.Tokens[0].Value;
            switch (text.ToUpperInvariant())
            {
                case "UTF-8" or "UTF8":
                    return InputEncoding.Utf8;
                case "LATIN1" or "LATIN-1" or "ISO-8859-1":
                    return InputEncoding.Latin1;
                default:
                    result.AddError($"--encoding must be utf-8 or latin1; got '{TextCap.Echo(text)}'.");
                    return InputEncoding.Utf8;
            }
        },
    };

    /// <summary>--decimal-comma: numbers are written 0,75 (the delimiter is then usually ';').</summary>
    public static Option<bool> DecimalComma() => new("--decimal-comma")
    {
        Description = "Numbers use a decimal comma (0,75), as many European exports do; a period is then refused.",
    };

    /// <summary>An enum option; an unknown value is an error listing the allowed values (lower case, any case accepted).</summary>
    public static Option<T> Choice<T>(string name, string description, T defaultValue)
        where T : struct, Enum
    {
        var allowed = string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        return new Option<T>(name)
        {
            Description = $"{description} One of {allowed}; default {defaultValue.ToString().ToLowerInvariant()}.",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? defaultValue.ToString() : result.Tokens[0].Value;
                if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
                {
                    return value;
                }

                result.AddError($"{name} must be one of {allowed}; got '{TextCap.Echo(text)}'.");
                return defaultValue;
            },
        };
    }

    /// <summary>A real-valued option in a range, parsed strictly (invariant culture, finite): errors name the option and the range.</summary>
    public static Option<double> Real(string name, string description, double defaultValue, double low, double high, bool lowInclusive, bool highInclusive)
    {
        var range = Range(low, high, lowInclusive, highInclusive);
        return new Option<double>(name)
        {
            Description = $"{description} Range {range}; default {defaultValue.ToString(CultureInfo.InvariantCulture)}.",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseReal(result, name, range, low, high, lowInclusive, highInclusive) ?? defaultValue,
        };
    }

    /// <summary>An optional real-valued option (no default), parsed like <see cref="Real"/>.</summary>
    public static Option<double?> OptionalReal(string name, string description, double low, double high, bool lowInclusive, bool highInclusive)
    {
        var range = Range(low, high, lowInclusive, highInclusive);
        return new Option<double?>(name)
        {
            Description = $"{description} Range {range}.",
            CustomParser = result => ParseReal(result, name, range, low, high, lowInclusive, highInclusive),
        };
    }

    /// <summary>An integer option in [<paramref name="low"/>, <paramref name="high"/>], parsed strictly.</summary>
    public static Option<long> Integer(string name, string description, long defaultValue, long low, long high)
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"[{low}, {high}]");
        return new Option<long>(name)
        {
            Description = $"{description} Range {range}; default {defaultValue.ToString(CultureInfo.InvariantCulture)}.",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseInteger(result, name, range, low, high) ?? defaultValue,
        };
    }

    /// <summary>An optional integer option in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static Option<long?> OptionalInteger(string name, string description, long low, long high)
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"[{low}, {high}]");
        return new Option<long?>(name)
        {
            Description = $"{description} Range {range}.",
            CustomParser = result => ParseInteger(result, name, range, low, high),
        };
    }

    /// <summary>Runs a command body: bad input → exit 2 with a message naming the line and column; a cancellation → 130 after deleting partial output; anything unexpected → 70 without a stack trace.</summary>
    public static int Guarded(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CsvInputException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (IOException ex)
        {
            console.Error.WriteLine($"error: {TextCap.Echo(ex.Message)}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            console.Error.WriteLine($"error: {TextCap.Echo(ex.Message)}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("cancelled: the partial output (temporary file) was deleted; no output or report was written.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OutOfMemoryException or FormatException or OverflowException)
        {
            console.Error.WriteLine($"internal error ({ex.GetType().Name}): {TextCap.Echo(ex.Message)}; please report it. Nothing was written.");
            return ExitCodes.InternalError;
        }
    }

    private static string Range(double low, double high, bool lowInclusive, bool highInclusive) =>
        string.Create(CultureInfo.InvariantCulture, $"{(lowInclusive ? "[" : "(")}{low}, {high}{(highInclusive ? "]" : ")")}");

    private static double? ParseReal(ArgumentResult result, string name, string range, double low, double high, bool lowInclusive, bool highInclusive)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            result.AddError($"{name} must be a finite number in {range}; got '{TextCap.Echo(text)}'.");
            return null;
        }

        var ok = (lowInclusive ? value >= low : value > low) && (highInclusive ? value <= high : value < high);
        if (!ok)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be in {range}; got {value}."));
            return null;
        }

        return value;
    }

    private static long? ParseInteger(ArgumentResult result, string name, string range, long low, long high)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < low || value > high)
        {
            result.AddError($"{name} must be in {range} (a whole number); got '{TextCap.Echo(text)}'.");
            return null;
        }

        return value;
    }
}
