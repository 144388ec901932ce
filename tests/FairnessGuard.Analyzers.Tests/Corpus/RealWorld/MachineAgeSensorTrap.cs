// Trap: predictive maintenance on pumps; a bare Age is the pump's.
namespace Plant;

public sealed class PumpTelemetry
{
    public double Pressure { get; init; }
    public double Temperature { get; init; }
    public double Age { get; init; }
}

public interface IAnomalyModel { double Score(double[] features); }

public sealed class PumpMonitor(IAnomalyModel model)
{
    public double Predict(PumpTelemetry t) => model.Score(new[] { t.Pressure, t.Temperature });
}
