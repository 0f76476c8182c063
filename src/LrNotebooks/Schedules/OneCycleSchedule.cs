namespace LrNotebooks.Schedules;

/// <summary>
/// PyTorch's OneCycleLR as a pure function of the step, correct for several parameter groups and at step T
/// (where PyTorch extrapolates the last phase and TorchSharp returns 0).
/// </summary>
public sealed class OneCycleSchedule : ISchedule
{
    private readonly Phase[] _phases;
    private readonly GroupLevels[] _groups;

    public OneCycleSchedule(OneCycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options with { MaxLrs = [.. options.MaxLrs] };   // the array is the caller's: keep our own
        _phases = PhasesOf(Options);
        _groups = [.. Options.MaxLrs.Select(maxLr => GroupLevels.Of(maxLr, Options))];
    }

    /// <summary>A single-group schedule with PyTorch's defaults otherwise.</summary>
    public OneCycleSchedule(double maxLr, int totalSteps) : this(new OneCycleOptions { MaxLrs = [maxLr], TotalSteps = totalSteps }) { }

    /// <summary>fastai's fit_one_cycle schedule (see <see cref="FastaiOneCycleSchedule"/>).</summary>
    public static FastaiOneCycleSchedule Fastai(int totalSteps, params double[] maxLrs) =>
        new(new FastaiOneCycleOptions { MaxLrs = maxLrs, TotalSteps = totalSteps });

    public OneCycleOptions Options { get; }
    public int TotalSteps => Options.TotalSteps;
    public int GroupCount => _groups.Length;

    public HyperParameters At(int step, int group = 0)
    {
        OptionChecks.StepInRange(step, TotalSteps);
        OptionChecks.GroupInRange(group, GroupCount);
        var levels = _groups[group];
        // PyTorch's phase loop: the first phase whose end the step has not passed; the last phase takes every later step.
        double start = 0;
        for (int i = 0; i < _phases.Length; i++)
        {
            var phase = _phases[i];
            if (step <= phase.EndStep || i == _phases.Length - 1)
            {
                double pct = Annealing.Position(step, start, phase.EndStep);
                double lr = Annealing.By(Options.Anneal, levels[phase.StartLr], levels[phase.EndLr], pct);
                double? momentum = Options.CycleMomentum
                    ? Annealing.By(Options.Anneal, levels[phase.StartMomentum], levels[phase.EndMomentum], pct)
                    : null;
                return new HyperParameters(lr, momentum);
            }
            start = phase.EndStep;
        }
        throw new InvalidOperationException("unreachable: the last phase accepts every step");
    }

    /// <summary>Initial, max and min learning rate of parameter group <paramref name="group"/>.</summary>
    public (double Initial, double Max, double Min) LearningRateLevels(int group = 0)
    {
        OptionChecks.GroupInRange(group, GroupCount);
        var g = _groups[group];
        return (g[Level.InitialLr], g[Level.MaxLr], g[Level.MinLr]);
    }

    /// <summary>The steps (as PyTorch computes them, possibly fractional) at which each phase ends.</summary>
    public IReadOnlyList<double> PhaseEndSteps => [.. _phases.Select(p => p.EndStep)];

    private enum Level { InitialLr, MaxLr, MinLr, BaseMomentum, MaxMomentum }

    private sealed record Phase(double EndStep, Level StartLr, Level EndLr, Level StartMomentum, Level EndMomentum);

    // PyTorch's _schedule_phases table, end steps computed with the same float arithmetic.
    private static Phase[] PhasesOf(OneCycleOptions o)
    {
        double warmUpEnd = o.PctStart * o.TotalSteps - 1;
        double lastStep = o.TotalSteps - 1;
        return o.ThreePhase
            ? [
                new(warmUpEnd, Level.InitialLr, Level.MaxLr, Level.MaxMomentum, Level.BaseMomentum),
                new(2 * o.PctStart * o.TotalSteps - 2, Level.MaxLr, Level.InitialLr, Level.BaseMomentum, Level.MaxMomentum),
                new(lastStep, Level.InitialLr, Level.MinLr, Level.MaxMomentum, Level.MaxMomentum),
            ]
            : [
                new(warmUpEnd, Level.InitialLr, Level.MaxLr, Level.MaxMomentum, Level.BaseMomentum),
                new(lastStep, Level.MaxLr, Level.MinLr, Level.BaseMomentum, Level.MaxMomentum),
            ];
    }

    private sealed class GroupLevels(double initialLr, double maxLr, double minLr, double baseMomentum, double maxMomentum)
    {
        public static GroupLevels Of(double maxLr, OneCycleOptions o)
        {
            double initial = maxLr / o.DivFactor;
            return new GroupLevels(initial, maxLr, initial / o.FinalDivFactor, o.BaseMomentum, o.MaxMomentum);
        }

        public double this[Level level] => level switch
        {
            Level.InitialLr => initialLr,
            Level.MaxLr => maxLr,
            Level.MinLr => minLr,
            Level.BaseMomentum => baseMomentum,
            Level.MaxMomentum => maxMomentum,
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
    }
}
