using LrNotebooks.Interactive.Charts;
using LrNotebooks.Interactive.Hosting;
using LrNotebooks.RangeTest;
using LrNotebooks.Suggestions;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Formatting;

namespace LrNotebooks.Interactive.Directives;

/// <summary><c>#!lrfind</c>: the learning-rate range test on a built-in task or the user's model and data.</summary>
internal sealed class LrFindDirective(CSharpVariables variables, SessionState session)
{
    public const string Name = "#!lrfind";
    private const string Summary = "learning-rate range test: trains briefly while the learning rate grows, plots loss against learning rate and suggests one. Your model and optimizer are left exactly as they were.";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public IReadOnlyList<ParameterSpec> Specs() =>
    [
        .. TrainingParameters.Specs(variables, "lrfind", "test"),
        new("--min-lr", "number", "smallest learning rate of the ladder", Format.Number(Defaults.MinLr)),
        new("--max-lr", "number", "largest learning rate of the ladder", Format.Number(Defaults.MaxLr)),
        new("--steps", "integer", "optimizer steps, each at a new learning rate (the run stops early when the loss blows up)", Defaults.Steps.ToString()),
        new("--mode", "exp|linear", "how the learning rate grows: exp (equal steps on a log axis) or linear", "exp", () => ModeNames),
        new("--suggest", "rule", "rule that picks the suggested learning rate", SuggestionRules.DefaultName,
            () => SuggestionRules.All.Select(r => r.Name)),
        new("--accumulate", "integer", "mini-batches whose gradients make one optimizer step", Defaults.AccumulationSteps.ToString()),
        new("--divergence", "number|off", "stop when the smoothed loss exceeds this multiple of the best one", Format.Number(Defaults.DivergenceFactor)),
        new("--smoothing", "number", "EMA factor of the smoothed loss, from 0 (none) to below 1", Format.Number(Defaults.SmoothingBeta)),
        ParameterSpec.Switch("--help", "show this help"),
    ];

    public string Usage() => DirectiveHelp.Usage(Name, Summary, Specs(),
    [
        "Examples:",
        "  #!lrfind                                          range test on the built-in task",
        "  #!lrfind --model net --data train --steps 200     your model and data held in C# variables",
        "Afterwards: lrfind.SuggestedLr, lrfind.LearningRates, lrfind.Losses; then #!onecycle --max-lr auto.",
        "An interrupt stops the run within one step and leaves your model and optimizer as they were.",
    ]);

    public void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective(Name)
        {
            Description = "Learning-rate range test (LR finder) with an interactive chart; #!lrfind --help lists the parameters.",
            Parameters = Specs().Select(s => s.ToDirectiveParameter()).ToList(),
        };
        kernel.AddDirective<LrFindCommand>(directive, HandleAsync);
    }

    private static readonly string[] ModeNames = ["exp", "linear"];
    private static RangeTestOptions Defaults { get; } = new();

    private Task HandleAsync(LrFindCommand command, KernelInvocationContext context) =>
        UserErrors.GuardAsync(Name, command, context, async () =>
        {
            if (command.Help)
            {
                context.DisplayAs(Usage(), PlainTextFormatter.MimeType);
                return;
            }
            DirectiveText.RequireValues(command, Name, Specs());
            var resultName = UserErrors.ResultName(command.Name, "lrfind");
            var options = Options(command);
            UserErrors.RequireTorch();
            await session.RunGate.WaitAsync(context.CancellationToken);
            try
            {
                await RunAsync(command, context, options, resultName);
            }
            finally
            {
                session.RunGate.Release();
            }
        });

    private async Task RunAsync(LrFindCommand command, KernelInvocationContext context, RangeTestOptions options, string resultName)
    {
        using var setup = TrainingSetup.Resolve(command, options.BatchSize, options.Seed, variables);
        var display = context.Display((object)$"lrfind: starting on {setup.Description}", PlainTextFormatter.MimeType);
        var progress = new ThrottledDisplay<RangeTestProgress>(display, Describe, ProgressInterval);
        RangeTestResult result;
        try
        {
            result = await Task.Run(() => LrFinder.Run(setup.Model, setup.Train, setup.Loss, setup.OptimizerChoice, options,
                validation: null, progress, context.CancellationToken));
        }
        catch (OperationCanceledException)
        {
            progress.Finish(Interrupted);
            return;
        }
        catch (Exception ex) when (ex is not ArgumentException)
        {
            throw UserErrors.RunFailed(setup.Description, ex);
        }
        if (result.StopReason == StopReason.Cancelled || context.CancellationToken.IsCancellationRequested)
        {
            progress.Finish(Interrupted);
            return;
        }
        progress.Finish($"lrfind: {result.Losses.Length} steps in {Format.Seconds(result.Elapsed)}; suggested lr {Format.Lr(result.SuggestedLr)}; result in '{resultName}'");
        session.LastRangeTest = result;
        await variables.SetAsync(resultName, result, typeof(RangeTestResult));
        context.Display(result, HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }

    private const string Interrupted = "lrfind: interrupted; the model and optimizer are as they were.";

    private static string Describe(RangeTestProgress p) =>
        $"lrfind: step {p.Step + 1}/{p.TotalSteps}  lr {Format.Lr(p.LearningRate)}  loss {Format.Loss(p.Loss)}  smoothed {Format.Loss(p.SmoothedLoss)}";

    /// <summary>The engine's options from the parameters; the engine's <see cref="RangeTestOptions.Validate"/> checks ranges.</summary>
    internal static RangeTestOptions Options(LrFindCommand c)
    {
        var options = Defaults with
        {
            MinLr = ParameterValues.Number(c.MinLr, "--min-lr", "a positive number such as 1e-7") ?? Defaults.MinLr,
            MaxLr = ParameterValues.Number(c.MaxLr, "--max-lr", "a positive number such as 10") ?? Defaults.MaxLr,
            Steps = ParameterValues.Integer(c.Steps, "--steps", "a whole number of steps such as 100") ?? Defaults.Steps,
            Mode = ParameterValues.Choice(c.Mode, "--mode", ModeNames) == "linear" ? LadderMode.Linear : Defaults.Mode,
            Suggest = c.Suggest is null ? Defaults.Suggest : ParameterValues.Choice(c.Suggest, "--suggest", SuggestionRules.All.Select(r => r.Name).ToList())!,
            AccumulationSteps = ParameterValues.Integer(c.Accumulate, "--accumulate", "a whole number such as 1") ?? Defaults.AccumulationSteps,
            DivergenceFactor = Divergence(c.Divergence) ?? Defaults.DivergenceFactor,
            SmoothingBeta = ParameterValues.Number(c.Smoothing, "--smoothing", "a number from 0 to below 1 such as 0.98") ?? Defaults.SmoothingBeta,
            BatchSize = ParameterValues.Integer(c.BatchSize, "--batch-size", "a whole number such as 64") ?? Defaults.BatchSize,
            Seed = ParameterValues.Integer(c.Seed, "--seed", "a whole number such as 0"),
        };
        options.Validate();
        if (options.Steps > MaxSteps)
            throw new ArgumentException($"at most {MaxSteps:N0}: a range test needs about 100 to 1,000 steps; got {options.Steps:N0}.", "--steps");
        return options;
    }

    private const int MaxSteps = 100_000;

    private static double? Divergence(string? text) =>
        text?.Trim().ToLowerInvariant() is "off" or "none"
            ? double.PositiveInfinity
            : ParameterValues.Number(text, "--divergence", "a number above 1 such as 4, or off");
}
