// Trap (field test 4, Spanish pet-adoption app): Raza on a pet is its breed and Edad its age, neither a protected
// attribute. The adoption-time model leaves the breed out: no FG0001, and the age it keeps is no FG0004.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Refugio.Adopciones;

public class Mascota
{
    [LoadColumn(0)] public float Edad { get; set; }
    [LoadColumn(1)] public float Peso { get; set; }
    [LoadColumn(2)] public string Raza { get; set; } = "";
    [LoadColumn(3), ColumnName("Label")] public float DiasHastaAdopcion { get; set; }
}

public static class ModeloAdopcion
{
    public static ITransformer Entrenar(MLContext ml, IDataView datos)
        => ml.Transforms.Concatenate("Features", nameof(Mascota.Edad), nameof(Mascota.Peso))
            .Append(ml.Regression.Trainers.FastTree())
            .Fit(datos);
}
