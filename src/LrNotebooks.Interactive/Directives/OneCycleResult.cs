using System.Globalization;
using System.Text;
using LrNotebooks.Schedules;
using LrNotebooks.Training;

namespace LrNotebooks.Interactive;

/// <summary>What <c>#!onecycle</c> made: the schedule per step (one table per anneal shown) and, with --train, the run(s).</summary>
public sealed class OneCycleResult
{
    /// <summary>
    /// The schedule that was (or would be) trained with, tabulated first in <see cref="Schedules"/>: a
    /// <see cref="OneCycleSchedule"/> (PyTorch's OneCycleLR) or, with <c>--preset fastai</c>, a
    /// <see cref="FastaiOneCycleSchedule"/>; its Options hold every parameter. Pass it to <see cref="Trainer.Train"/> to train with it.
    /// </summary>
    public required ISchedule Schedule { get; init; }
    /// <summary>One table per anneal strategy shown (two with <c>--anneal both</c>: cosine first).</summary>
    public required IReadOnlyList<OneCycleTable> Schedules { get; init; }
    /// <summary>Where the max LR came from, e.g. "--max-lr 0.001" or "auto: lrfind's suggestion (consensus)".</summary>
    public required string MaxLrSource { get; init; }
    /// <summary>The training run under the schedule (with --train), else null.</summary>
    public TrainingResult? Training { get; init; }
    /// <summary>The same model trained from the same start at the constant <see cref="ConstantLr"/> (--compare-constant).</summary>
    public TrainingResult? ConstantTraining { get; init; }
    public double? ConstantLr { get; init; }
    /// <summary>What was trained, e.g. "built-in task 'spirals'" or "model 'net' on 'data'".</summary>
    public string? TrainedOn { get; init; }

    /// <summary>"pytorch" or "fastai": whose One Cycle <see cref="Schedule"/> is.</summary>
    public string Preset => Shape.Preset;
    public double MaxLr => Shape.MaxLr;
    public int TotalSteps => Schedule.TotalSteps;
    /// <summary>Learning rate per step of the first schedule.</summary>
    public double[] LearningRates => Schedules[0].LearningRates;
    /// <summary>Momentum (or Adam's beta1) per step of the first schedule.</summary>
    public double[] Momenta => Schedules[0].Momenta;

    /// <summary>step, then lr and momentum of every schedule shown.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("step");
        foreach (var table in Schedules) csv.Append($",lr_{Name(table.Anneal)},momentum_{Name(table.Anneal)}");
        csv.AppendLine();
        for (var step = 0; step < TotalSteps; step++)
        {
            csv.Append(step.ToString(CultureInfo.InvariantCulture));
            foreach (var table in Schedules)
                csv.Append(',').Append(table.LearningRates[step].ToString("R", CultureInfo.InvariantCulture))
                   .Append(',').Append(table.Momenta[step].ToString("R", CultureInfo.InvariantCulture));
            csv.AppendLine();
        }
        return csv.ToString();
    }

    internal OneCycleShape Shape => OneCycleShape.Of(Schedule);

    internal static string Name(AnnealStrategy anneal) => anneal == AnnealStrategy.Cos ? "cos" : "linear";
}

/// <summary>A One Cycle schedule evaluated at every training step (0 to TotalSteps - 1) for parameter group 0.</summary>
public sealed record OneCycleTable(AnnealStrategy Anneal, double[] LearningRates, double[] Momenta)
{
    /// <summary>Tabulates a <see cref="OneCycleSchedule"/> or a <see cref="FastaiOneCycleSchedule"/>.</summary>
    public static OneCycleTable Evaluate(ISchedule schedule)
    {
        var table = ScheduleTable.Of(schedule);
        return new OneCycleTable(OneCycleShape.Of(schedule).Anneal, table.LearningRates[0],
            table.Momenta?[0] ?? Enumerable.Repeat(double.NaN, table.Steps.Length).ToArray());
    }
}
