// A feature builder returning a dictionary for a gradient-boosting service.
namespace Marketing;

public sealed class Lead
{
    public double PageViews { get; set; }
    public double SessionMinutes { get; set; }
    public int EmailsOpened { get; set; }
    public string Religion { get; set; } = "";
}

public static class LeadFeatures
{
    public static Dictionary<string, double> BuildFeatures(Lead lead) => {|FG0001:new Dictionary<string, double>
    {
        ["page_views"] = lead.PageViews,
        ["session_minutes"] = lead.SessionMinutes,
        ["emails_opened"] = lead.EmailsOpened,
    }|};
}
