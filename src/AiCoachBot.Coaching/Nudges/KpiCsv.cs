using System.Globalization;
using System.Text;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>A project's KPI history as CSV (RFC 4180, invariant numbers): week, KPI, unit, value, baseline, target, who and when.</summary>
public static class KpiCsv
{
    public static string Of(ProjectChannel setup, KpiHistory history)
    {
        var csv = new StringBuilder("week,kpi,unit,value,baseline,target,direction,recorded_by,recorded_at\n");
        foreach (var week in history.Weeks)
        {
            foreach (var kpi in setup.Kpis.Where(k => week.Values.ContainsKey(k.Id)))
            {
                csv.AppendJoin(',', [
                    week.Week, Field(kpi.Name), Field(kpi.Unit),
                    Number(week.Values[kpi.Id]), Number(kpi.Baseline), Number(kpi.Target),
                    kpi.Direction == KpiDirection.HigherIsBetter ? "higher" : "lower",
                    Field(week.ByName), week.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)]).Append('\n');
            }
        }
        return csv.ToString();
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quoted when it holds a comma, quote or line break; a leading =, +, - or @ is neutralised so no spreadsheet runs it.</summary>
    internal static string Field(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
