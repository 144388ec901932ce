// Field test 4 (Portuguese training rows written in code): the client's sex is an enum property named like its enum
// (Sexo Sexo), set in the training rows, and left out of the features. Naming the enum type in the rows is no use of
// the column: one FG0001 on the concatenation (the kept age is FG0004).
using System.Collections.Generic;
using Microsoft.ML;

namespace Recomendacao.Modelo;

public enum Sexo { Masculino, Feminino }

public class Perfil
{
    public float Idade { get; set; }
    public Sexo Sexo { get; set; }
    public float Renda { get; set; }
    public string Produto { get; set; } = "";
}

public static class Treino
{
    public static ITransformer Executar(MLContext ml)
    {
        var linhas = new List<Perfil>
        {
            new Perfil { Idade = 31, Sexo = Sexo.Feminino, Renda = 5200, Produto = "A" },
            new Perfil { Idade = 45, Sexo = Sexo.Masculino, Renda = 3100, Produto = "B" },
        };
        var dados = ml.Data.LoadFromEnumerable(linhas);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Produto")
            .Append({|FG0001:ml.Transforms.Concatenate("Features", {|FG0004:"Idade"|}, "Renda")|})
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
        return pipeline.Fit(dados);
    }
}
