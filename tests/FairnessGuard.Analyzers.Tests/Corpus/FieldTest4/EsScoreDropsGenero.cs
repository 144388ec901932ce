// Field test 4 (Spanish credit exercise): a points score on the applicant reads income, debts and seniority; the
// applicant's Genero is on the same type and never read. On a type whose name says it is a person, Genero is gender,
// not a genre: one FG0001 on the returned sum.
namespace Prestamos.Evaluacion;

public sealed class Solicitante
{
    public decimal Ingresos { get; init; }
    public decimal Deudas { get; init; }
    public int AniosEmpleo { get; init; }
    public string Genero { get; init; } = "";
}

public static class Puntaje
{
    public static decimal Calcular(Solicitante solicitante)
        => {|FG0001:300 + solicitante.Ingresos / 100 - solicitante.Deudas / 50 + 10 * solicitante.AniosEmpleo|};
}
