namespace FairnessGuard.Metrics;

/// <summary>The fairness-relevant statistics of one group's outputs.</summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
/// <param name="Group">The group.</param>
/// <param name="Count">The number of finite outputs in the group.</param>
/// <param name="Share">The group's share of all finite outputs, the weight p_s of the barycenter.</param>
/// <param name="Mean">The mean output.</param>
/// <param name="Quantiles">The outputs at the report's quantile levels (R-7 definition), in the order of the levels.</param>
/// <param name="KsToPool">The KS distance between the group's outputs and all outputs pooled.</param>
/// <param name="W1ToPool">The Wasserstein-1 distance between the group's outputs and the pool, in output units.</param>
/// <param name="SelectionRate">The share of outputs at or above the threshold, when a threshold was given.</param>
public sealed record GroupReport<TGroup>(
    TGroup Group,
    int Count,
    double Share,
    double Mean,
    IReadOnlyList<double> Quantiles,
    double KsToPool,
    double W1ToPool,
    double? SelectionRate)
    where TGroup : notnull;
