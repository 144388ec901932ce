namespace FairnessGuard.Cli.Output;

/// <summary>The output formats of <c>audit</c>.</summary>
internal enum AuditFormat
{
    /// <summary>A fixed-width table for people.</summary>
    Text,

    /// <summary>One JSON object for tools.</summary>
    Json,

    /// <summary>Markdown tables, e.g. for a pull-request comment or a CI job summary.</summary>
    Markdown,
}
