using LrNotebooks.Interactive.Charts;
using LrNotebooks.Interactive.Hosting;
using LrNotebooks.RangeTest;
using LrNotebooks.Schedules;
using LrNotebooks.Training;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Formatting;

namespace LrNotebooks.Interactive.Directives;

/// <summary><c>#!onecycle</c>: previews a One Cycle schedule and, with --train, trains under it.</summary>
internal sealed class OneCycleDirective(CSharpVariables variables, SessionState session)
{
    public const string Name = "#!onecycle";
    private const string Summary = "previews a One Cycle schedule (learning rate and momentum per step); with --train, trains under it and shows the loss live.";
    private const double FallbackMaxLr = 1e-3;
    private const int DefaultSteps = 100;
    private const int MaxSteps = 10_000_000; // the schedule table is kept in memory
    private static readonly string[] AnnealNames = ["cos", "linear", "both"];
    private static readonly string[] PresetNames = ["pytorch", "fastai"];
    private static readonly OneCycleOptions PyTorch = new() { MaxLrs = [FallbackMaxLr], TotalSteps = DefaultSteps };
    private static readonly FastaiOneCycleOptions Fastai = new() { MaxLrs = [FallbackMaxLr], TotalSteps = DefaultSteps };

    public IReadOnlyList<ParameterSpec> Specs() =>
    [
        new("--max-lr", "number|auto", "peak learning rate; auto takes the last #!lrfind's suggestion", $"auto after a #!lrfind, else {Format.Number(FallbackMaxLr)}",
            () => ["auto"]),
        new("--steps", "integer", "total training steps of the schedule", DefaultSteps.ToString()),
        new("--epochs", "integer", "epochs; with --steps-per-epoch, gives --steps", "none"),
        new("--steps-per-epoch", "integer", "optimizer steps per epoch (with --epochs)", "none"),
        new("--pct-start", "number", "fraction of the steps spent warming up", $"{Format.Number(PyTorch.PctStart)} (fastai preset: {Format.Number(Fastai.PctStart)})"),
        new("--anneal", "cos|linear|both", "shape of warm-up and annealing; both overlays cosine and linear (training uses cosine); the fastai preset is cosine only", "cos",
            () => AnnealNames),
        new("--div-factor", "number", "initial lr = max lr / div-factor", Format.Number(PyTorch.DivFactor)),
        new("--final-div-factor", "number", "final lr = initial lr / final-div-factor (fastai preset: max lr / final-div-factor, fastai's div_final)",
            $"{Format.Number(PyTorch.FinalDivFactor)} (fastai preset: {Format.Number(Fastai.FinalDivFactor)})"),
        ParameterSpec.Switch("--three-phase", "warm up, come back down symmetrically, then anneal (PyTorch's three_phase; not with the fastai preset)"),
        new("--base-momentum", "number", "lowest momentum (or Adam's beta1), reached at the peak lr", Format.Number(PyTorch.BaseMomentum)),
        new("--max-momentum", "number", "highest momentum (or Adam's beta1), at the start and the end", Format.Number(PyTorch.MaxMomentum)),
        new("--preset", "pytorch|fastai", "PyTorch's OneCycleLR or fastai's fit_one_cycle schedule, with its defaults (explicit parameters win)", "pytorch",
            () => PresetNames),
        ParameterSpec.Switch("--train", "train under the schedule (the model given by --model, or the built-in task); this CHANGES your model's weights, which is the point"),
        ParameterSpec.Switch("--compare-constant", "with --train: also train from the same starting weights at a constant lr = max lr, on the same chart"),
        .. TrainingParameters.Specs(variables, "onecycle", "train"),
        ParameterSpec.Switch("--help", "show this help"),
    ];

    public string Usage() => DirectiveHelp.Usage(Name, Summary, Specs(),
    [
        "Examples:",
        "  #!onecycle --max-lr 1e-3 --steps 500 --anneal both     compare cosine and linear annealing",
        "  #!lrfind  then  #!onecycle --max-lr auto --train --compare-constant",
        "  #!onecycle --max-lr auto --train --model net --data train --epochs 5 --steps-per-epoch 100",
        "The result goes to the variable onecycle: LearningRates, Momenta, Schedules, Training, ConstantTraining, ToCsv().",
        "With --train your model is trained in place. With --compare-constant the constant-lr run goes first and your starting weights",
        "are then restored, so both runs start alike. An interrupt during --train puts your model's weights and your --optimizer back as they were.",
        "Your optimizer with several parameter groups (a backbone and a head): each group's max lr keeps its ratio to group 0's, as in #!lrfind.",
        "With --preset fastai the schedule is fastai's (position step/T, cosine warm-up and annealing, moms 0.95/0.85/0.95).",
    ]);

    public void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective(Name)
        {
            Description = "One Cycle learning-rate schedule: preview it, or train with it (--train); #!onecycle --help lists the parameters.",
            Parameters = Specs().Select(s => s.ToDirectiveParameter()).ToList(),
        };
        kernel.AddDirective<OneCycleCommand>(directive, HandleAsync);
    }

    private Task HandleAsync(OneCycleCommand command, KernelInvocationContext context) =>
        UserErrors.GuardAsync(Name, command, context, async () =>
        {
            if (command.Help)
            {
                context.DisplayAs(Usage(), PlainTextFormatter.MimeType);
                return;
            }
            DirectiveText.RequireValues(command, Name, Specs());
            var resultName = UserErrors.ResultName(command.Name, "onecycle");
            var (schedules, source) = Schedules(command);
            var result = new OneCycleResult { Schedule = schedules[0], Schedules = schedules.Select(OneCycleTable.Evaluate).ToList(), MaxLrSource = source };
            if (command.Train)
            {
                var batchSize = ParameterValues.Integer(command.BatchSize, "--batch-size", "a whole number such as 64") ?? new RangeTestOptions().BatchSize;
                var seed = ParameterValues.Integer(command.Seed, "--seed", "a whole number such as 0");
                UserErrors.RequireTorch();
                await session.RunGate.WaitAsync(context.CancellationToken);
                try
                {
                    result = await TrainAsync(command, context, result, batchSize, seed);
                }
                finally
                {
                    session.RunGate.Release();
                }
                if (context.CancellationToken.IsCancellationRequested) return;
            }
            else
            {
                RejectTrainingOnlyParameters(command);
            }
            await variables.SetAsync(resultName, result, typeof(OneCycleResult));
            context.Display(result, HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
        });

    private async Task<OneCycleResult> TrainAsync(OneCycleCommand command, KernelInvocationContext context, OneCycleResult preview, int batchSize, int? seed)
    {
        using var setup = TrainingSetup.Resolve(command, batchSize, seed, variables);
        var live = new LiveTrainingChart(context, $"onecycle: training {setup.Description}");
        // both runs see the same batches in the same order
        var trainingOptions = new TrainingOptions { Steps = preview.TotalSteps, Seed = seed ?? 0 };
        // the user's optimizer too: an interrupt leaves model and optimizer as they were
        using var start = TrainingSnapshot.Take(setup.Model, setup.UserOptimizer);
        var cancel = context.CancellationToken;
        try
        {
            TrainingResult? constant = null;
            if (command.CompareConstant)
            {
                using var constantOptimizer = setup.CreateOptimizer();
                var progress = live.Curve($"constant lr {Format.Lr(preview.MaxLr)}");
                constant = await Task.Run(() => Trainer.Train(setup.Model, setup.Train, setup.Loss, constantOptimizer,
                    new ConstantSchedule(preview.TotalSteps, preview.MaxLr), trainingOptions, setup.Validation, progress, cancel));
                start.Restore();
            }
            var created = setup.UserOptimizer is null ? setup.CreateOptimizer() : null;
            try
            {
                var optimizer = setup.UserOptimizer ?? created!;
                // several groups (backbone and head): each keeps its ratio to group 0, as in #!lrfind
                var schedule = GroupSchedules.Proportional(preview.Schedule, optimizer);
                var progress = live.Curve("one cycle");
                var run = await Task.Run(() => Trainer.Train(setup.Model, setup.Train, setup.Loss, optimizer,
                    schedule, trainingOptions, setup.Validation, progress, cancel));
                if (run.StopReason == StopReason.Cancelled || cancel.IsCancellationRequested) throw new OperationCanceledException(cancel);
                live.Finish($"onecycle: trained {setup.Description} for {run.Losses.Length} steps in {Format.Seconds(run.Elapsed)}");
                return new OneCycleResult
                {
                    Schedule = schedule,
                    Schedules = preview.Schedules,
                    MaxLrSource = preview.MaxLrSource,
                    Training = run,
                    ConstantTraining = constant,
                    ConstantLr = constant is null ? null : preview.MaxLr,
                    TrainedOn = setup.Description,
                };
            }
            finally
            {
                created?.Dispose();
            }
        }
        catch (OperationCanceledException)
        {
            start.Restore();
            live.Finish("onecycle: interrupted; the model's weights (and your optimizer) are back as they were before this cell.");
            return preview;
        }
        catch (Exception ex) when (ex is not ArgumentException)
        {
            start.Restore();
            throw UserErrors.RunFailed(setup.Description, ex);
        }
    }

    private static void RejectTrainingOnlyParameters(OneCycleCommand c)
    {
        var given = new (string Name, bool Given)[]
        {
            ("--compare-constant", c.CompareConstant), ("--model", c.Model is not null), ("--data", c.Data is not null),
            ("--loss", c.Loss is not null), ("--optimizer", c.Optimizer is not null), ("--task", c.Task is not null),
            ("--batch-size", c.BatchSize is not null), ("--seed", c.Seed is not null),
        }.FirstOrDefault(p => p.Given);
        if (given.Name is not null)
            throw new ArgumentException("is used only when training: add --train (without it #!onecycle only previews the schedule).", given.Name);
    }

    /// <summary>
    /// The schedules to show, the first one trained with: PyTorch's (one per anneal shown) or fastai's. The preset gives the
    /// defaults and explicit parameters win; the engine validates ranges.
    /// </summary>
    internal (IReadOnlyList<ISchedule> Schedules, string MaxLrSource) Schedules(OneCycleCommand c)
    {
        var fastai = ParameterValues.Choice(c.Preset, "--preset", PresetNames) == "fastai";
        var anneal = ParameterValues.Choice(c.Anneal, "--anneal", AnnealNames);
        var (maxLr, source) = MaxLr(c.MaxLr);
        var steps = TotalSteps(c);
        var given = ShapeParameters.From(c);
        if (fastai) return ([FastaiSchedule(c, anneal, given, maxLr, steps)], source);
        var options = PyTorch with
        {
            MaxLrs = [maxLr],
            TotalSteps = steps,
            PctStart = given.PctStart ?? PyTorch.PctStart,
            DivFactor = given.DivFactor ?? PyTorch.DivFactor,
            FinalDivFactor = given.FinalDivFactor ?? PyTorch.FinalDivFactor,
            ThreePhase = c.ThreePhase,
            BaseMomentum = given.BaseMomentum ?? PyTorch.BaseMomentum,
            MaxMomentum = given.MaxMomentum ?? PyTorch.MaxMomentum,
        };
        AnnealStrategy[] anneals = anneal switch
        {
            "both" => [AnnealStrategy.Cos, AnnealStrategy.Linear],
            "linear" => [AnnealStrategy.Linear],
            _ => [AnnealStrategy.Cos],
        };
        return ([.. anneals.Select(a => new OneCycleSchedule(options with { Anneal = a }))], source);
    }

    /// <summary>fastai's fit_one_cycle: --max-momentum is moms' start and end, --base-momentum its middle.</summary>
    private static FastaiOneCycleSchedule FastaiSchedule(OneCycleCommand c, string? anneal, ShapeParameters given, double maxLr, int steps)
    {
        if (c.ThreePhase)
            throw new ArgumentException("has no equivalent in fastai's fit_one_cycle (--preset fastai): drop it, or use --preset pytorch.", "--three-phase");
        if (anneal is "linear" or "both")
            throw new ArgumentException($"{anneal} has no equivalent in fastai's fit_one_cycle (--preset fastai), which anneals by cosine only: drop it, or use --preset pytorch.", "--anneal");
        var options = Fastai with
        {
            MaxLrs = [maxLr],
            TotalSteps = steps,
            PctStart = given.PctStart ?? Fastai.PctStart,
            DivFactor = given.DivFactor ?? Fastai.DivFactor,
            FinalDivFactor = given.FinalDivFactor ?? Fastai.FinalDivFactor,
            Moms = (given.MaxMomentum ?? Fastai.Moms.Start, given.BaseMomentum ?? Fastai.Moms.Middle, given.MaxMomentum ?? Fastai.Moms.End),
        };
        try
        {
            return new FastaiOneCycleSchedule(options);
        }
        catch (ArgumentException ex) when (ex.ParamName == nameof(FastaiOneCycleOptions.Moms))
        {
            // name the parameter the user wrote: the one outside 0..1
            var parameter = options.Moms.Middle is >= 0 and <= 1 ? "--max-momentum" : "--base-momentum";
            throw new ArgumentException(ex.Message.Replace($" (Parameter '{ex.ParamName}')", ""), parameter);
        }
    }

    /// <summary>The shape parameters as given (null where absent), parsed once for either preset.</summary>
    private sealed record ShapeParameters(double? PctStart, double? DivFactor, double? FinalDivFactor, double? BaseMomentum, double? MaxMomentum)
    {
        public static ShapeParameters From(OneCycleCommand c) => new(
            ParameterValues.Number(c.PctStart, "--pct-start", "a fraction between 0 and 1 such as 0.3"),
            ParameterValues.Number(c.DivFactor, "--div-factor", "a number above 0 such as 25"),
            ParameterValues.Number(c.FinalDivFactor, "--final-div-factor", "a number above 0 such as 1e4"),
            ParameterValues.Number(c.BaseMomentum, "--base-momentum", "a number such as 0.85"),
            ParameterValues.Number(c.MaxMomentum, "--max-momentum", "a number such as 0.95"));
    }

    private (double Value, string Source) MaxLr(string? text)
    {
        var last = session.LastRangeTest;
        if (text is null)
            return last is not null && double.IsFinite(last.SuggestedLr)
                ? (last.SuggestedLr, $"auto: the last #!lrfind's suggestion ({last.SuggestionRule})")
                : (FallbackMaxLr, "default; no #!lrfind suggestion yet");
        if (ParameterValues.Required(text, "--max-lr", "a number such as 1e-3, or auto").Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (last is null)
                throw new ArgumentException("auto takes the last #!lrfind's suggestion, but no #!lrfind has run in this session: run #!lrfind first, or give a number such as 1e-3.", "--max-lr");
            if (!double.IsFinite(last.SuggestedLr))
                throw new ArgumentException("auto: the last #!lrfind made no suggestion (see its notes); give a number such as 1e-3.", "--max-lr");
            return (last.SuggestedLr, $"auto: the last #!lrfind's suggestion ({last.SuggestionRule})");
        }
        var value = ParameterValues.Number(text, "--max-lr", "a positive number such as 1e-3, or auto")!.Value;
        return (value, $"--max-lr {Format.Number(value)}");
    }

    private static int TotalSteps(OneCycleCommand c)
    {
        var steps = ParameterValues.Integer(c.Steps, "--steps", "a whole number of steps such as 100");
        var epochs = ParameterValues.Integer(c.Epochs, "--epochs", "a whole number such as 5");
        var perEpoch = ParameterValues.Integer(c.StepsPerEpoch, "--steps-per-epoch", "a whole number such as 100");
        if (steps > MaxSteps) throw new ArgumentException($"at most {MaxSteps:N0}; got {steps:N0}.", "--steps");
        if (epochs is null && perEpoch is null) return steps ?? DefaultSteps;
        if (epochs is null) throw new ArgumentException("needs --epochs too (total steps = epochs x steps per epoch).", "--steps-per-epoch");
        if (perEpoch is null) throw new ArgumentException("needs --steps-per-epoch too (total steps = epochs x steps per epoch).", "--epochs");
        if (epochs <= 0) throw new ArgumentException($"expected a whole number above 0, not {epochs}.", "--epochs");
        if (perEpoch <= 0) throw new ArgumentException($"expected a whole number above 0, not {perEpoch}.", "--steps-per-epoch");
        var total = (long)epochs.Value * perEpoch.Value;
        if (total > MaxSteps) throw new ArgumentException($"{epochs} x {perEpoch} = {total:N0} steps; at most {MaxSteps:N0}.", "--epochs");
        if (steps is not null && steps != total)
            throw new ArgumentException($"is {steps}, but --epochs {epochs} x --steps-per-epoch {perEpoch} = {total}: give one or the other.", "--steps");
        return (int)total;
    }
}
