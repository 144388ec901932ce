// Trap: the scorer uses every member; nameof appears only in a log message.
namespace Logs;

public sealed class Applicant
{
    public double Income { get; init; }
    public string Gender { get; init; } = "";
}

public interface IModel { double Predict(double income, string gender); }

public sealed class Scorer(IModel model)
{
    public double Score(Applicant a)
    {
        Console.WriteLine($"scoring with {nameof(Applicant.Income)} and {nameof(Applicant.Gender)}");
        return model.Predict(a.Income, a.Gender);
    }
}
