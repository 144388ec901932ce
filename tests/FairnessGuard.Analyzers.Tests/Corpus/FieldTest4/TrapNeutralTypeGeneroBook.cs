// Trap (field test 4, Portuguese bookshop): the model input's name says nothing (ModeloEntrada), and Genero is the
// book's genre; no other member names a person, so the genre left out of the features is no FG0001.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Livraria.Vendas;

public class ModeloEntrada
{
    [LoadColumn(0)] public float Paginas { get; set; }
    [LoadColumn(1)] public float Preco { get; set; }
    [LoadColumn(2)] public string Genero { get; set; } = "";
    [LoadColumn(3), ColumnName("Label")] public float VendasMes { get; set; }
}

public static class Previsao
{
    public static ITransformer Treinar(MLContext ml, IDataView dados)
        => ml.Transforms.Concatenate("Features", "Paginas", "Preco")
            .Append(ml.Regression.Trainers.Sdca())
            .Fit(dados);
}
