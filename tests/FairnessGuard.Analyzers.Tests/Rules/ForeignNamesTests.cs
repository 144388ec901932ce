using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// FG0001 on model code written in other languages: unambiguous words (Sexo, Geschlecht, EstadoCivil, Idade) are
/// sensitive like their English counterparts; words that also name other things (Genero: a genre, Raza: a breed,
/// Alter: the English verb) are sensitive only on a person; an enum named like its property is no use of the column.
/// </summary>
public class ForeignNamesTests
{
    private static string Scorer(string type, string members, string read) => $$"""
        public sealed class {{type}}
        {
            public double Renda { get; init; }
            public double Dividas { get; init; }
        {{members}}
        }

        public static class Pontos
        {
            public static double Score({{type}} x) => {{read}};
        }
        """;

    [Theory]
    [InlineData("Cliente", "public string Sexo { get; init; } = \"\";")]
    [InlineData("Antrag", "public string Geschlecht { get; init; } = \"\";")]
    [InlineData("Dossier", "public string EstadoCivil { get; init; } = \"\";")]
    [InlineData("Dossier", "public string Nacionalidade { get; init; } = \"\";")]
    [InlineData("Dossier", "public System.DateTime DataNascimento { get; init; }")]
    [InlineData("Dossier", "public string Etnia { get; init; } = \"\";")]
    [InlineData("Dossier", "public string Cinsiyet { get; init; } = \"\";")]
    [InlineData("Dossier", "public int Idade { get; init; }")]
    [InlineData("Solicitante", "public string Genero { get; init; } = \"\";")]
    [InlineData("Mitarbeiter", "public int Alter { get; init; }")]
    [InlineData("GamePlayer", "public int Age { get; init; }")]
    public async Task AnUnreadForeignSensitiveMemberIsAWarning(string type, string members)
    {
        var diagnostics = await new TestProject().WithSource(Scorer(type, members, "{|FG0001:0.5 * x.Renda - 0.2 * x.Dividas|}")).VerifyAsync();

        Assert.All(diagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task AContextualWordCountsWhenAnotherMemberSaysTheRowsArePeople()
    {
        // Neither the type's name nor Raza says "person", the Sexo next to it does: both are dropped.
        await new TestProject().WithSource(Scorer("Dossier", "public string Raza { get; init; } = \"\";\n    public string Sexo { get; init; } = \"\";",
            "{|FG0001:{|FG0001:0.5 * x.Renda - 0.2 * x.Dividas|}|}")).VerifyAsync();
    }

    [Theory]
    [InlineData("Pelicula", "public string Genero { get; init; } = \"\";")]
    [InlineData("ModeloEntrada", "public string Genero { get; init; } = \"\";")]
    [InlineData("Mascota", "public string Raza { get; init; } = \"\";\n    public int Edad { get; init; }")]
    [InlineData("Cachorro", "public string Raca { get; init; } = \"\";\n    public float Idade { get; init; }")]
    [InlineData("MigrationStep", "public bool Alter { get; init; }")]
    [InlineData("Song", "public string Genre { get; init; } = \"\";")]
    [InlineData("Usuario", "public string GeneroFavorito { get; init; } = \"\";")]
    [InlineData("Dossier", "public string AlterTable { get; init; } = \"\";")]
    [InlineData("ModeloEntrada", "public string Genero { get; init; } = \"\";\n    public int IdadeMinima { get; init; }")]
    public async Task AWordThatAlsoNamesAThingIsSilentOffAPerson(string type, string members)
    {
        await new TestProject().WithSource(Scorer(type, members, "0.5 * x.Renda - 0.2 * x.Dividas")).VerifyAsync();
    }

    private static string Training(string parameters, string body) => $$"""
        using Microsoft.ML;

        public enum Sexo { Masculino, Feminino }

        public class Perfil
        {
            public float Renda { get; set; }
            public float Dividas { get; set; }
            public Sexo Sexo { get; set; }
            public bool Label { get; set; }
        }

        public static class Treino
        {
            public static ITransformer Treinar(MLContext ml{{parameters}})
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public async Task AnEnumNamedLikeItsColumnInTheTrainingRowsIsNoUse()
    {
        await new TestProject().WithSource(Training(string.Empty, """
                    var linhas = new List<Perfil> { new Perfil { Renda = 1, Dividas = 2, Sexo = Sexo.Feminino } };
                    var dados = ml.Data.LoadFromEnumerable(linhas);
                    return {|FG0001:ml.Transforms.Concatenate("Features", "Renda", "Dividas")|}
                        .Append(ml.BinaryClassification.Trainers.FastTree())
                        .Fit(dados);
            """)).VerifyAsync();
    }

    [Fact]
    public async Task AColumnReadAsAValueIsStillAUse()
    {
        await new TestProject().WithSource(Training(", List<Perfil> linhas", """
                    var mulheres = linhas.Count(p => p.Sexo == Sexo.Feminino);
                    var dados = ml.Data.LoadFromEnumerable(linhas);
                    return ml.Transforms.Concatenate("Features", "Renda", "Dividas")
                        .Append(ml.BinaryClassification.Trainers.FastTree())
                        .Fit(dados);
            """)).VerifyAsync();
    }
}
