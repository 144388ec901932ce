// Trap (field test 4, Portuguese clinic model): the patient's sex is one-hot encoded into its own column and that
// column is concatenated with age, weight and height. Nothing is dropped: no FG0001 (the kept columns are FG0004).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clinica.Modelo;

public class DadosPaciente
{
    [LoadColumn(0)] public float Idade { get; set; }
    [LoadColumn(1)] public float Peso { get; set; }
    [LoadColumn(2)] public float Altura { get; set; }
    [LoadColumn(3)] public string Sexo { get; set; } = "";
    [LoadColumn(4), ColumnName("Label")] public bool Internado { get; set; }
}

public static class Treinamento
{
    public static ITransformer Treinar(MLContext ml, IDataView dados)
        => ml.Transforms.Categorical.OneHotEncoding("SexoCodificado", {|FG0004:nameof(DadosPaciente.Sexo)|})
            .Append(ml.Transforms.Concatenate("Features", {|FG0004:nameof(DadosPaciente.Idade)|}, nameof(DadosPaciente.Peso), nameof(DadosPaciente.Altura), "SexoCodificado"))
            .Append(ml.BinaryClassification.Trainers.FastTree())
            .Fit(dados);
}
