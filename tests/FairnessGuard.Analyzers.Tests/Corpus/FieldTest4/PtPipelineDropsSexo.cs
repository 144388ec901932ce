// Field test 4 (Portuguese ML.NET course code): a health-plan classifier loads the client's sex with the other columns
// but concatenates only age, income and visits. Sexo is sensitive in any language: one FG0001 on the concatenation;
// the age it keeps is FG0004 (opt-in).
using Microsoft.ML;
using Microsoft.ML.Data;

namespace PlanoSaude.Treino;

public class DadosCliente
{
    [LoadColumn(0)] public float Idade { get; set; }
    [LoadColumn(1)] public string Sexo { get; set; } = "";
    [LoadColumn(2)] public float RendaMensal { get; set; }
    [LoadColumn(3)] public float ConsultasAno { get; set; }
    [LoadColumn(4)] public string Plano { get; set; } = "";
}

public static class TreinadorPlano
{
    public static ITransformer Treinar(MLContext contexto, string arquivo)
    {
        var dados = contexto.Data.LoadFromTextFile<DadosCliente>(arquivo, separatorChar: ';', hasHeader: true);
        var pipeline = contexto.Transforms.Conversion.MapValueToKey("Label", nameof(DadosCliente.Plano))
            .Append({|FG0001:contexto.Transforms.Concatenate("Features", {|FG0004:"Idade"|}, "RendaMensal", "ConsultasAno")|})
            .Append(contexto.MulticlassClassification.Trainers.SdcaMaximumEntropy());
        return pipeline.Fit(dados);
    }
}
