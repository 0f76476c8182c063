using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LrNotebooks.Training;

/// <summary>CSV and JSON writing shared by the result types.</summary>
internal static class ResultFormats
{
    /// <summary>
    /// Named floating-point literals keep NaN and ±Infinity ("NaN", "Infinity", "-Infinity"), which a
    /// diverged or cancelled run produces; enums are written by name.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A "step" column, then one column per series; numbers round-trip (invariant culture, "R").</summary>
    public static string Csv(IReadOnlyList<(string Name, IReadOnlyList<double> Values)> columns)
    {
        var csv = new StringBuilder();
        csv.Append("step");
        foreach (var (name, _) in columns) csv.Append(',').Append(name);
        csv.Append('\n');
        int rows = columns.Count == 0 ? 0 : columns.Max(c => c.Values.Count);
        for (int row = 0; row < rows; row++)
        {
            csv.Append(row.ToString(CultureInfo.InvariantCulture));
            foreach (var (_, values) in columns)
                csv.Append(',').Append(row < values.Count ? values[row].ToString("R", CultureInfo.InvariantCulture) : "");
            csv.Append('\n');
        }
        return csv.ToString();
    }
}
