namespace LrNotebooks.Tests.Schedules;

/// <summary>
/// An independent transcription of PyTorch's OneCycleLR (torch/optim/lr_scheduler.py): the phase table of
/// __init__ and the loop of get_lr, with the same dict-of-names style and float arithmetic, so the test does not
/// share code or structure with the implementation under test. Like Python, it fails on a zero-width phase.
/// </summary>
internal static class PyTorchOneCycleReference
{
    public static (double Lr, double Momentum) GetLr(
        int stepNum, int totalSteps, double maxLr, double pctStart = 0.3, string annealStrategy = "cos",
        bool threePhase = false, double divFactor = 25.0, double finalDivFactor = 1e4,
        double baseMomentum = 0.85, double maxMomentum = 0.95)
    {
        if (stepNum > totalSteps)
            throw new InvalidOperationException($"Tried to step {stepNum} times. The specified number of total steps is {totalSteps}");

        var schedulePhases = threePhase
            ? new List<Dictionary<string, object>>
            {
                new() { ["end_step"] = (double)(pctStart * totalSteps) - 1, ["start_lr"] = "initial_lr", ["end_lr"] = "max_lr", ["start_momentum"] = "max_momentum", ["end_momentum"] = "base_momentum" },
                new() { ["end_step"] = (double)(2 * pctStart * totalSteps) - 2, ["start_lr"] = "max_lr", ["end_lr"] = "initial_lr", ["start_momentum"] = "base_momentum", ["end_momentum"] = "max_momentum" },
                new() { ["end_step"] = (double)(totalSteps - 1), ["start_lr"] = "initial_lr", ["end_lr"] = "min_lr", ["start_momentum"] = "max_momentum", ["end_momentum"] = "max_momentum" },
            }
            : new List<Dictionary<string, object>>
            {
                new() { ["end_step"] = (double)(pctStart * totalSteps) - 1, ["start_lr"] = "initial_lr", ["end_lr"] = "max_lr", ["start_momentum"] = "max_momentum", ["end_momentum"] = "base_momentum" },
                new() { ["end_step"] = (double)(totalSteps - 1), ["start_lr"] = "max_lr", ["end_lr"] = "min_lr", ["start_momentum"] = "base_momentum", ["end_momentum"] = "max_momentum" },
            };

        var group = new Dictionary<string, double>();
        group["initial_lr"] = maxLr / divFactor;
        group["max_lr"] = maxLr;
        group["min_lr"] = group["initial_lr"] / finalDivFactor;
        group["max_momentum"] = maxMomentum;
        group["base_momentum"] = baseMomentum;

        double startStep = 0.0;
        for (int i = 0; i < schedulePhases.Count; i++)
        {
            var phase = schedulePhases[i];
            double endStep = (double)phase["end_step"];
            if (stepNum <= endStep || i == schedulePhases.Count - 1)
            {
                double pct = PyDivide(stepNum - startStep, endStep - startStep);
                double computedLr = Anneal(annealStrategy, group[(string)phase["start_lr"]], group[(string)phase["end_lr"]], pct);
                double computedMomentum = Anneal(annealStrategy, group[(string)phase["start_momentum"]], group[(string)phase["end_momentum"]], pct);
                return (computedLr, computedMomentum);
            }
            startStep = phase["end_step"] is double d ? d : throw new InvalidOperationException();
        }
        throw new InvalidOperationException("no phase");
    }

    private static double PyDivide(double a, double b) => b == 0 ? throw new DivideByZeroException("float division by zero") : a / b;

    private static double Anneal(string strategy, double start, double end, double pct)
    {
        if (strategy == "cos")
        {
            double cosOut = Math.Cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }
}
