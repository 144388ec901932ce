using System.Diagnostics.CodeAnalysis;

namespace FairnessGuard.Cli.Correction;

/// <summary>The counts of a streamed correction, row by row, as <see cref="CorrectSummary"/> reports them.</summary>
internal struct CorrectionTally
{
    private long _rows;
    private long _corrected;
    private long _changed;
    private long _missingScore;
    private long _missingGroup;

    /// <summary>Whether the row can be corrected (a group and a finite score); counts it as passed through when not.</summary>
    public bool Correctable([NotNullWhen(true)] string? group, double score)
    {
        _rows++;
        if (group is not null && double.IsFinite(score))
        {
            return true;
        }

        _missingGroup += group is null ? 1 : 0;
        _missingScore += group is null ? 0 : 1;
        return false;
    }

    /// <summary>Counts a corrected row, and whether its returned score differs from the raw one.</summary>
    public void Corrected(double score, double fair)
    {
        _corrected++;
        _changed += fair.Equals(score) ? 0 : 1;
    }

    /// <summary>The summary of the rows counted.</summary>
    public readonly CorrectSummary Summary(string fairColumn) => new(_rows, _corrected, _changed, _missingScore, _missingGroup, fairColumn);
}
