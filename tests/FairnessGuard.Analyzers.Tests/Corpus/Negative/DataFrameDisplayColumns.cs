// Columns are dropped from frames in code that also scores, but never from what the model gets: a preview
// shown to an analyst drops personal columns from a copy (Spark's Drop returns a new frame), and a
// Microsoft.Data.Analysis frame trimmed for export is returned, not scored.
namespace Microsoft.Spark.Sql
{
    public sealed class DataFrame
    {
        public DataFrame Drop(params string[] colNames) => this;
        public void Show(int numRows = 20) { }
    }
}

namespace Microsoft.Data.Analysis
{
    public class DataFrameColumnCollection
    {
        public void Remove(string columnName) { }
        public int IndexOf(string columnName) => -1;
        public void RemoveAt(int index) { }
    }

    public class DataFrame
    {
        public DataFrameColumnCollection Columns { get; } = new();
        public DataFrame Clone() => new();
    }
}

namespace Underwriting.Review
{
    public interface IRiskModel
    {
        object Predict(Microsoft.Spark.Sql.DataFrame applicants);
        float[] Predict(Microsoft.Data.Analysis.DataFrame applicants);
    }

    public static class ReviewPage
    {
        public static object ScoreAndPreview(IRiskModel model, Microsoft.Spark.Sql.DataFrame applicants)
        {
            applicants.Drop("Gender", "Religion", "DateOfBirth").Show();
            return model.Predict(applicants);
        }

        public static Microsoft.Data.Analysis.DataFrame ScoreAndExport(IRiskModel model, Microsoft.Data.Analysis.DataFrame applicants)
        {
            var scores = model.Predict(applicants);
            var export = applicants.Clone();
            export.Columns.RemoveAt(export.Columns.IndexOf("Ethnicity"));
            export.Columns.Remove("Sex");
            return scores.Length > 0 ? export : applicants;
        }
    }
}
