// Trap (field test 4, scores through helpers): the triage score hands the patient to two helpers; one of them reads
// Genero. Followed one level, the attribute is used, not dropped: no FG0001 (the use is FG0004, at the helper's read).
namespace Clinica.Triagem;

public sealed class Paciente
{
    public int Idade { get; init; }
    public double PressaoSistolica { get; init; }
    public double Glicemia { get; init; }
    public string Genero { get; init; } = "";
}

public static class Triagem
{
    public static double CalcularPontuacao(Paciente paciente) => 0.5 * Cardio(paciente) + 0.5 * Metabolico(paciente);

    private static double Cardio(Paciente p) => p.PressaoSistolica / 140.0 + ({|FG0004:p.Idade|} > 60 ? 0.3 : 0.0);

    private static double Metabolico(Paciente p) => p.Glicemia / 100.0 * ({|FG0004:p.Genero|} == "F" ? 0.9 : 1.0);
}
