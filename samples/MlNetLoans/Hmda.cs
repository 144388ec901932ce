using System.Globalization;

namespace MlNetLoans;

/// <summary>One Boston HMDA mortgage application (Munnell et al. 1996; samples/data/README.md has the provenance).</summary>
public sealed class HmdaRow
{
    /// <summary>The label: the application was approved (deny = "no").</summary>
    public bool Label { get; set; }

    /// <summary>"afam" for an African American applicant, "other" otherwise: the group, never a feature.</summary>
    public string Race { get; set; } = string.Empty;

    /// <summary>Payments to income ratio.</summary>
    public float Pirat { get; set; }

    /// <summary>Housing expense to income ratio.</summary>
    public float Hirat { get; set; }

    /// <summary>Loan to value ratio.</summary>
    public float Lvrat { get; set; }

    /// <summary>Consumer credit score (1 best – 6).</summary>
    public float Chist { get; set; }

    /// <summary>Mortgage credit score (1 best – 4).</summary>
    public float Mhist { get; set; }

    /// <summary>Public bad credit record.</summary>
    public float Phist { get; set; }

    /// <summary>Unemployment rate of the applicant's industry.</summary>
    public float Unemp { get; set; }

    /// <summary>Self-employed.</summary>
    public float Selfemp { get; set; }

    /// <summary>Denied mortgage insurance.</summary>
    public float Insurance { get; set; }

    /// <summary>Unit is a condominium.</summary>
    public float Condomin { get; set; }

    /// <summary>Applicant is single.</summary>
    public float Single { get; set; }

    /// <summary>Applicant has a high-school diploma.</summary>
    public float Hschool { get; set; }

    /// <summary>The feature columns: everything but race and the label.</summary>
    public static readonly string[] FeatureColumns =
        [nameof(Pirat), nameof(Hirat), nameof(Lvrat), nameof(Chist), nameof(Mhist), nameof(Phist), nameof(Unemp), nameof(Selfemp), nameof(Insurance), nameof(Condomin), nameof(Single), nameof(Hschool)];

    /// <summary>The data file, next to the program.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "hmda.csv");

    /// <summary>Reads hmda.csv (header: deny, pirat, hirat, lvrat, chist, mhist, phist, unemp, selfemp, insurance, condomin, afam, single, hschool).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The rows.</returns>
    public static List<HmdaRow> Load(string path)
    {
        var rows = new List<HmdaRow>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',').Select(s => s.Trim('"')).ToArray();
            float N(int i) => float.Parse(f[i], CultureInfo.InvariantCulture);
            float B(int i) => f[i] == "yes" ? 1 : 0;
            rows.Add(new HmdaRow
            {
                Label = f[0] == "no",
                Pirat = N(1),
                Hirat = N(2),
                Lvrat = N(3),
                Chist = N(4),
                Mhist = N(5),
                Phist = B(6),
                Unemp = N(7),
                Selfemp = B(8),
                Insurance = B(9),
                Condomin = B(10),
                Race = f[11] == "yes" ? "afam" : "other",
                Single = B(12),
                Hschool = B(13),
            });
        }

        return rows;
    }
}
