// Field test 4 (French insurance kata, scores through helpers): the risk score weights two sub-scores, each a helper of
// the same class handed the whole insured person. Each helper only reads members of it, so those are the score's
// features; Sexe is read by neither: one FG0001 on the returned arithmetic.
namespace Assurance.Tarif;

public sealed class Assure
{
    public double KilometresAn { get; init; }
    public int Sinistres { get; init; }
    public double ValeurVehicule { get; init; }
    public string Sexe { get; init; } = "";
}

public static class Tarification
{
    public static double CalculerScore(Assure assure) => {|FG0001:0.6 * RisqueConduite(assure) + 0.4 * RisqueVehicule(assure)|};

    private static double RisqueConduite(Assure a) => a.KilometresAn / 10000.0 + a.Sinistres * 0.5;

    private static double RisqueVehicule(Assure a) => a.ValeurVehicule > 30000 ? 1.2 : 0.8;
}
