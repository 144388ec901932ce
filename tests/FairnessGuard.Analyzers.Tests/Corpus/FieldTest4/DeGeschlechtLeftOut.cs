// Field test 4 (German HR example): an applicant ranking model keeps the applicant's Alter (age, on a type named for a
// person) and experience but not Geschlecht. One FG0001 on the concatenation; the kept age is FG0004.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Personal.Auswahl;

public class Bewerber
{
    [LoadColumn(0)] public float Alter { get; set; }
    [LoadColumn(1)] public float Berufserfahrung { get; set; }
    [LoadColumn(2)] public float Abschlussnote { get; set; }
    [LoadColumn(3)] public string Geschlecht { get; set; } = "";
    [LoadColumn(4)] public bool Eingeladen { get; set; }
}

public static class Auswahlmodell
{
    public static ITransformer Trainieren(MLContext ml, string pfad)
    {
        var daten = ml.Data.LoadFromTextFile<Bewerber>(pfad, separatorChar: ';', hasHeader: true);
        var pipeline = {|FG0001:ml.Transforms.Concatenate("Features", {|FG0004:nameof(Bewerber.Alter)|}, nameof(Bewerber.Berufserfahrung), nameof(Bewerber.Abschlussnote))|}
            .Append(ml.BinaryClassification.Trainers.FastTree(labelColumnName: nameof(Bewerber.Eingeladen)));
        return pipeline.Fit(daten);
    }
}
