using System.Globalization;

namespace LrNotebooks.Interactive.Charts;

/// <summary>How numbers read in charts, summaries and messages.</summary>
internal static class Format
{
    public static string Lr(double lr) => double.IsFinite(lr) ? lr.ToString("0.0#e+0", CultureInfo.InvariantCulture) : "none";

    public static string Loss(double loss) => double.IsFinite(loss) ? loss.ToString("0.####", CultureInfo.InvariantCulture) : loss.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
