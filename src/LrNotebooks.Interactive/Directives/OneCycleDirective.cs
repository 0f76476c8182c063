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
    // fastai's fit_one_cycle: pct_start 0.25, div 25, div_final 1e5, moms (0.95, 0.85, 0.95)
    private static readonly OneCycleOptions FastAi = PyTorch with { PctStart = 0.25, FinalDivFactor = 1e5 };

    public IReadOnlyList<ParameterSpec> Specs() =>
    [
        new("--max-lr", "number|auto", "peak learning rate; auto takes the last #!lrfind's suggestion", $"auto after a #!lrfind, else {Format.Number(FallbackMaxLr)}",
            () => ["auto"]),
        new("--steps", "integer", "total training steps of the schedule", DefaultSteps.ToString()),
        new("--epochs", "integer", "epochs; with --steps-per-epoch, gives --steps", "none"),
        new("--steps-per-epoch", "integer", "optimizer steps per epoch (with --epochs)", "none"),
        new("--pct-start", "number", "fraction of the steps spent warming up", "0.3 (fastai preset: 0.25)"),
        new("--anneal", "cos|linear|both", "shape of warm-up and annealing; both overlays cosine and linear (training uses cosine)", "cos",
            () => AnnealNames),
        new("--div-factor", "number", "initial lr = max lr / div-factor", Format.Number(PyTorch.DivFactor)),
        new("--final-div-factor", "number", "final lr = initial lr / final-div-factor", "1e4 (fastai preset: 1e5)"),
        ParameterSpec.Switch("--three-phase", "warm up, come back down symmetrically, then anneal (PyTorch's three_phase)"),
        new("--base-momentum", "number", "lowest momentum (or Adam's beta1), reached at the peak lr", Format.Number(PyTorch.BaseMomentum)),
        new("--max-momentum", "number", "highest momentum (or Adam's beta1), at the start and the end", Format.Number(PyTorch.MaxMomentum)),
        new("--preset", "pytorch|fastai", "defaults of PyTorch's OneCycleLR or fastai's fit_one_cycle (explicit parameters win)", "pytorch",
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
        "are then restored, so both runs start alike. An interrupt during --train puts your model's weights back as they were.",
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
            var (options, source) = Options(command);
            var schedules = (command.Anneal?.Trim().ToLowerInvariant() == "both"
                    ? new[] { options with { Anneal = AnnealStrategy.Cos }, options with { Anneal = AnnealStrategy.Linear } }
                    : [options])
                .Select(OneCycleTable.Evaluate)
                .ToList();
            var result = new OneCycleResult { Options = schedules.Count > 1 ? options with { Anneal = AnnealStrategy.Cos } : options, Schedules = schedules, MaxLrSource = source };
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
        using var start = WeightsSnapshot.Take(setup.Model);
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
                start.Restore(setup.Model);
            }
            var created = setup.UserOptimizer is null ? setup.CreateOptimizer() : null;
            try
            {
                var optimizer = setup.UserOptimizer ?? created!;
                var progress = live.Curve("one cycle");
                var run = await Task.Run(() => Trainer.Train(setup.Model, setup.Train, setup.Loss, optimizer,
                    new OneCycleSchedule(preview.Options), trainingOptions, setup.Validation, progress, cancel));
                if (run.StopReason == StopReason.Cancelled || cancel.IsCancellationRequested) throw new OperationCanceledException(cancel);
                live.Finish($"onecycle: trained {setup.Description} for {run.Losses.Length} steps in {Format.Seconds(run.Elapsed)}");
                return new OneCycleResult
                {
                    Options = preview.Options,
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
            start.Restore(setup.Model);
            live.Finish("onecycle: interrupted; the model's weights are back as they were before this cell.");
            return preview;
        }
        catch (Exception ex) when (ex is not ArgumentException)
        {
            start.Restore(setup.Model);
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

    /// <summary>The schedule's options from the parameters (preset first, explicit values win); the engine validates ranges.</summary>
    internal (OneCycleOptions Options, string MaxLrSource) Options(OneCycleCommand c)
    {
        var preset = ParameterValues.Choice(c.Preset, "--preset", PresetNames) == "fastai" ? FastAi : PyTorch;
        var anneal = ParameterValues.Choice(c.Anneal, "--anneal", AnnealNames);
        var (maxLr, source) = MaxLr(c.MaxLr);
        var options = preset with
        {
            MaxLrs = [maxLr],
            TotalSteps = TotalSteps(c),
            PctStart = ParameterValues.Number(c.PctStart, "--pct-start", "a fraction between 0 and 1 such as 0.3") ?? preset.PctStart,
            Anneal = anneal == "linear" ? AnnealStrategy.Linear : AnnealStrategy.Cos,
            DivFactor = ParameterValues.Number(c.DivFactor, "--div-factor", "a number above 0 such as 25") ?? preset.DivFactor,
            FinalDivFactor = ParameterValues.Number(c.FinalDivFactor, "--final-div-factor", "a number above 0 such as 1e4") ?? preset.FinalDivFactor,
            ThreePhase = c.ThreePhase,
            BaseMomentum = ParameterValues.Number(c.BaseMomentum, "--base-momentum", "a number such as 0.85") ?? preset.BaseMomentum,
            MaxMomentum = ParameterValues.Number(c.MaxMomentum, "--max-momentum", "a number such as 0.95") ?? preset.MaxMomentum,
        };
        options.Validate();
        return (options, source);
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
