using System.Globalization;
using System.Text;

namespace LrNotebooks.Schedules;

/// <summary>A schedule sampled at every step, per parameter group: the data behind schedule charts and CSV export.</summary>
public sealed class ScheduleTable
{
    private ScheduleTable(int[] steps, double[][] learningRates, double[][]? momenta)
    {
        Steps = steps;
        LearningRates = learningRates;
        Momenta = momenta;
    }

    public int[] Steps { get; }
    /// <summary>LearningRates[group][i] is the LR of that group at Steps[i].</summary>
    public IReadOnlyList<double[]> LearningRates { get; }
    /// <summary>Momenta[group][i], or null when the schedule leaves momentum alone.</summary>
    public IReadOnlyList<double[]>? Momenta { get; }

    /// <summary>Samples steps 0..T-1 (the training steps), or 0..T with <paramref name="includeFinalStep"/>.</summary>
    public static ScheduleTable Of(ISchedule schedule, bool includeFinalStep = false)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        int[] steps = [.. Enumerable.Range(0, schedule.TotalSteps + (includeFinalStep ? 1 : 0))];
        var values = Enumerable.Range(0, schedule.GroupCount)
            .Select(g => steps.Select(s => schedule.At(s, g)).ToArray())
            .ToArray();
        double[][] lrs = [.. values.Select(v => v.Select(h => h.LearningRate).ToArray())];
        double[][]? momenta = values.All(v => v.All(h => h.Momentum is not null))
            ? [.. values.Select(v => v.Select(h => h.Momentum!.Value).ToArray())]
            : null;
        return new ScheduleTable(steps, lrs, momenta);
    }

    /// <summary>Columns step, lr, momentum for one group; step, lr_g0, momentum_g0, lr_g1, ... for several. Round-trip numbers.</summary>
    public string ToCsv()
    {
        bool several = LearningRates.Count > 1;
        string Suffix(int g) => several ? $"_g{g}" : "";
        var header = new List<string> { "step" };
        for (int g = 0; g < LearningRates.Count; g++)
        {
            header.Add("lr" + Suffix(g));
            if (Momenta is not null) header.Add("momentum" + Suffix(g));
        }
        var csv = new StringBuilder().AppendJoin(',', header).Append('\n');
        for (int i = 0; i < Steps.Length; i++)
        {
            var row = new List<string> { Steps[i].ToString(CultureInfo.InvariantCulture) };
            for (int g = 0; g < LearningRates.Count; g++)
            {
                row.Add(LearningRates[g][i].ToString("R", CultureInfo.InvariantCulture));
                if (Momenta is not null) row.Add(Momenta[g][i].ToString("R", CultureInfo.InvariantCulture));
            }
            csv.AppendJoin(',', row).Append('\n');
        }
        return csv.ToString();
    }
}

public static class ScheduleTableExtensions
{
    /// <inheritdoc cref="ScheduleTable.Of"/>
    public static ScheduleTable Tabulate(this ISchedule schedule, bool includeFinalStep = false) => ScheduleTable.Of(schedule, includeFinalStep);
}
