// Trap (issue 14.3): labelColumnName names the patient's age as the target (bone-age estimation); the age is
// the label, not a dropped feature. The data is loaded in another class.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Radiology;

public sealed class HandScan
{
    [LoadColumn(0)] public float GrowthPlateWidth { get; set; }
    [LoadColumn(1)] public float BoneDensity { get; set; }
    [LoadColumn(2)] public float PatientAge { get; set; }
}

public static class ScanData
{
    public static IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile<HandScan>(path, ',', hasHeader: true);
}

public static class BoneAgePipeline
{
    public static IEstimator<ITransformer> Create(MLContext ml) =>
        ml.Transforms.Concatenate("Features", "GrowthPlateWidth", "BoneDensity")
            .Append(ml.Regression.Trainers.FastTree(labelColumnName: nameof(HandScan.PatientAge)));
}
