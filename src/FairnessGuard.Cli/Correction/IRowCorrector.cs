namespace FairnessGuard.Cli.Correction;

/// <summary>Corrects one row's score; rows come in file order.</summary>
internal interface IRowCorrector : IDisposable
{
    /// <summary>Why rows of <paramref name="group"/> cannot be corrected, or null when they can.</summary>
    string? Reject(string group);

    /// <summary>The fair score of a row with a finite score and a known group.</summary>
    /// <param name="score">The raw score.</param>
    /// <param name="group">The row's group.</param>
    /// <param name="rowIndex">The 0-based data row index (selects the tie-breaking draw in batch mode).</param>
    double Correct(double score, string group, long rowIndex);
}
