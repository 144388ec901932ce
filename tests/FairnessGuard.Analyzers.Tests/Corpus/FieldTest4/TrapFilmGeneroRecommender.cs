// Trap (field test 4, Spanish film recommender): Genero on a film is its genre. The model predicts the rating from
// duration and year and leaves the genre out; nothing about a person is dropped, so no FG0001.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Cine.Recomendador;

public class Pelicula
{
    [LoadColumn(0)] public float Duracion { get; set; }
    [LoadColumn(1)] public float Anio { get; set; }
    [LoadColumn(2)] public string Genero { get; set; } = "";
    [LoadColumn(3), ColumnName("Label")] public float Puntuacion { get; set; }
}

public static class Entrenamiento
{
    public static ITransformer Entrenar(MLContext ml, string ruta)
    {
        var datos = ml.Data.LoadFromTextFile<Pelicula>(ruta, separatorChar: ',', hasHeader: true);
        return ml.Transforms.Concatenate("Features", "Duracion", "Anio")
            .Append(ml.Regression.Trainers.Sdca())
            .Fit(datos);
    }
}
