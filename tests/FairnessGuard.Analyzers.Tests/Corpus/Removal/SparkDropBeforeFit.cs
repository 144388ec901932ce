// .NET for Apache Spark: Drop returns a new frame without the named columns, and that frame is what the
// pipeline is fitted on. Gender and marital status are dropped, nothing constrains the outputs.
namespace Microsoft.Spark.Sql
{
    public sealed class DataFrame
    {
        public DataFrame Drop(params string[] colNames) => this;
        public DataFrame Na() => this;
    }
}

namespace Hr.Attrition
{
    using Microsoft.Spark.Sql;

    public interface IAttritionPipeline
    {
        object Fit(DataFrame dataset);
    }

    public static class AttritionTraining
    {
        public static object Train(IAttritionPipeline pipeline, DataFrame employees)
        {
            var training = employees.Drop("EmployeeNumber", {|FG0001:"Gender"|}, {|FG0001:"MaritalStatus"|}).Na();
            return pipeline.Fit(training);
        }
    }
}
