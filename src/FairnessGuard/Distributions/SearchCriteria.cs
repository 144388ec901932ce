namespace FairnessGuard.Distributions;

/// <summary>
/// Whether a rank counts the weight <em>at</em> the searched item, as DataSketches' <c>QuantileSearchCriteria</c>.
/// </summary>
public enum SearchCriteria
{
    /// <summary>
    /// Ranks count items <c>&lt;= x</c> (the right-continuous CDF F(x)); a quantile is the smallest item whose
    /// rank is at least the given rank, <c>inf{x : F(x) ≥ r}</c>.
    /// </summary>
    Inclusive,

    /// <summary>
    /// Ranks count items <c>&lt; x</c> (the left limit F(x−)); a quantile is the smallest item whose inclusive
    /// rank is strictly above the given rank (the largest item when none is).
    /// </summary>
    Exclusive,
}
