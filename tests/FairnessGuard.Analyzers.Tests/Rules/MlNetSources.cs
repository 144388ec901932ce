namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>Model input types shaped like the ML.NET samples (adult census, loans), shared by the rule tests.</summary>
internal static class MlNetSources
{
    public const string AdultInput = """
        using Microsoft.ML.Data;

        public class AdultInput
        {
            [LoadColumn(0)] public float Age { get; set; }
            [LoadColumn(1)] public string Workclass { get; set; } = "";
            [LoadColumn(2)] public string Education { get; set; } = "";
            [LoadColumn(3), ColumnName("marital-status")] public string MaritalStatus { get; set; } = "";
            [LoadColumn(4)] public string Relationship { get; set; } = "";
            [LoadColumn(5)] public string Race { get; set; } = "";
            [LoadColumn(6)] public string Sex { get; set; } = "";
            [LoadColumn(7)] public float HoursPerWeek { get; set; }
            [LoadColumn(8), ColumnName("Label")] public bool Over50K { get; set; }
        }

        public class AdultPrediction
        {
            [ColumnName("PredictedLabel")] public bool Prediction { get; set; }
            public float Probability { get; set; }
            public float Score { get; set; }
        }
        """;

    public const string LoanInput = """
        using Microsoft.ML.Data;

        public class LoanInput
        {
            [LoadColumn(0)] public float Income { get; set; }
            [LoadColumn(1)] public float Debt { get; set; }
            [LoadColumn(2)] public float Years { get; set; }
            [LoadColumn(3)] public string Gender { get; set; } = "";
            [LoadColumn(4)] public string ZipCode { get; set; } = "";
            [LoadColumn(5), ColumnName("Label")] public bool Approved { get; set; }
        }

        public class LoanScore
        {
            public float Score { get; set; }
        }
        """;
}
