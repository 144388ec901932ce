// A data-frame style training script: columns are dropped from the frame, then the model is fitted.
namespace Analytics;

public sealed class DataFrameColumnCollection
{
    private readonly List<string> _names = new();
    public void Remove(string name) => _names.Remove(name);
}

public sealed class DataFrame
{
    public DataFrameColumnCollection Columns { get; } = new();
}

public sealed class GradientBoostingRegressor
{
    public GradientBoostingRegressor Fit(DataFrame x, string target) => this;
}

public static class RentModel
{
    public static GradientBoostingRegressor Train(DataFrame frame)
    {
        {|FG0001:frame.Columns.Remove("Ethnicity")|};
        {|FG0001:frame.Columns.Remove("Nationality")|};
        frame.Columns.Remove("ListingUrl");
        return new GradientBoostingRegressor().Fit(frame, "Rent");
    }
}
