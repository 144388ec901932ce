using Microsoft.ML;

namespace FairnessGuard.ML;

/// <summary>The entry points of FairnessGuard in ML.NET's catalogs.</summary>
public static class FairnessCatalogExtensions
{
    /// <summary>
    /// An estimator that corrects a score column to demographic parity across the groups of
    /// <paramref name="groupColumnName"/> with the exact Wasserstein-barycenter map.
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="groupColumnName">The group (sensitive attribute) column; it must be present at prediction time.</param>
    /// <param name="scoreColumnName">The score column to correct.</param>
    /// <param name="outputColumnName">The corrected column; null corrects in place (and also Probability and PredictedLabel).</param>
    /// <param name="strength">The strength λ in [0, 1]; 1 is full parity.</param>
    /// <param name="seed">The seed of the tie-breaking draws.</param>
    /// <param name="unseenGroup">What a missing or unseen group gets.</param>
    /// <returns>The estimator.</returns>
    public static DemographicParityEstimator DemographicParity(
        this TransformsCatalog catalog,
        string groupColumnName,
        string scoreColumnName = "Score",
        string? outputColumnName = null,
        double strength = 1.0,
        ulong seed = 0,
        UnseenGroupFallback unseenGroup = UnseenGroupFallback.PassThrough)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new DemographicParityEstimator(new DemographicParityOptions
        {
            GroupColumnNames = [groupColumnName],
            ScoreColumnName = scoreColumnName,
            OutputColumnName = outputColumnName,
            Strength = strength,
            Seed = seed,
            UnseenGroup = unseenGroup,
        });
    }

    /// <summary>The demographic-parity estimator with every option, including several group columns.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="options">The settings.</param>
    /// <returns>The estimator.</returns>
    public static DemographicParityEstimator DemographicParity(this TransformsCatalog catalog, DemographicParityOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new DemographicParityEstimator(options);
    }

    /// <summary>
    /// The fair linear projection of Donini et al. (NeurIPS 2018): removes from the feature vector the
    /// directions along which the groups' mean positive examples differ, so any linear trainer downstream
    /// satisfies their first-order equal-opportunity constraint.
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="groupColumnName">The group column (read at fit time only).</param>
    /// <param name="featureColumnName">The known-size Single vector of features.</param>
    /// <param name="labelColumnName">The label: Boolean, or a number where positive means &gt; 0.</param>
    /// <param name="outputColumnName">The projected column; null replaces the features in place.</param>
    /// <param name="referenceGroup">The group every other group's mean is compared to; the one with most positives when null.</param>
    /// <returns>The estimator.</returns>
    public static FairLinearProjectionEstimator FairLinearProjection(
        this TransformsCatalog catalog,
        string groupColumnName,
        string featureColumnName = "Features",
        string labelColumnName = "Label",
        string? outputColumnName = null,
        string? referenceGroup = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new FairLinearProjectionEstimator(groupColumnName, featureColumnName, labelColumnName, outputColumnName, referenceGroup);
    }

    /// <summary>FairnessGuard's catalog: evaluation of an <see cref="IDataView"/>, and model save/load.</summary>
    /// <param name="context">The ML.NET context.</param>
    /// <returns>The catalog.</returns>
    public static FairnessCatalog Fairness(this MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FairnessCatalog(context);
    }
}
