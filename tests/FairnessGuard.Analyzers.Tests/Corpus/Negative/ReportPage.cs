// A report page hides personal columns from an exported table.
using System.Data;

namespace HR.Reports;

public sealed class HeadcountReport
{
    public DataTable Export(DataTable staff)
    {
        var table = staff.Copy();
        table.Columns.Remove("SEX");
        table.Columns.Remove("DATE_OF_BIRTH");
        table.Columns.Remove("RELIGION");
        return table;
    }

    public string Score(DataTable staff) => staff.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
