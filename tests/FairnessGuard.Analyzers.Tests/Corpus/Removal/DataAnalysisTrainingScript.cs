// A Microsoft.Data.Analysis training script: the census frame is loaded, protected columns are removed by
// name and by position, and the frame goes to the trainer. Nothing constrains the trained model's outputs.
namespace Microsoft.Data.Analysis
{
    public abstract class DataFrameColumn
    {
        public string Name { get; set; } = "";
    }

    public class DataFrameColumnCollection : System.Collections.ObjectModel.Collection<DataFrameColumn>
    {
        public void Remove(string columnName) { }
        public int IndexOf(string columnName) => -1;
    }

    public class DataFrame
    {
        public DataFrameColumnCollection Columns { get; } = new();
        public static DataFrame LoadCsv(string filename, char separator = ',', bool header = true) => new();
    }
}

namespace Census.Training
{
    using Microsoft.Data.Analysis;

    public interface IIncomeTrainer
    {
        object Fit(DataFrame frame, string labelColumn);
    }

    public static class IncomeModelBuilder
    {
        public static object Build(IIncomeTrainer trainer, string csvPath)
        {
            var frame = DataFrame.LoadCsv(csvPath);
            {|FG0001:frame.Columns.Remove("race")|};
            {|FG0001:frame.Columns.RemoveAt(frame.Columns.IndexOf("native-country"))|};
            frame.Columns.RemoveAt(frame.Columns.IndexOf("fnlwgt"));
            return trainer.Fit(frame, "income");
        }
    }
}
