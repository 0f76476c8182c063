using System.Net;
using LrNotebooks.Interactive.Charts;
using LrNotebooks.Interactive.Formatting;
using LrNotebooks.Training;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace LrNotebooks.Interactive.Directives;

/// <summary>The loss curve(s) of a training run, redrawn in one output while it trains (at most once per second).</summary>
internal sealed class LiveTrainingChart
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly List<Recorder> _curves = [];
    private readonly ThrottledDisplay<string> _display;

    public LiveTrainingChart(KernelInvocationContext context, string status)
    {
        var display = context.Display(Status(status), HtmlFormatter.MimeType);
        _display = new ThrottledDisplay<string>(display, Render, Interval);
    }

    public int Updates => _display.Updates;

    /// <summary>A new curve on the chart; report the run's progress to it.</summary>
    public IProgress<TrainingProgress> Curve(string label)
    {
        var curve = new Recorder(label, this);
        _curves.Add(curve);
        return curve;
    }

    public void Finish(string status) => _display.Finish(Status(status));

    private LiveHtml Render(string status) =>
        new(ChartHtml.Render(TrainingChart.Build(_curves.Select(c => c.Snapshot()).ToList(), "Training (live)")) + Status(status).Html);

    private static LiveHtml Status(string text) => new($"<div class=\"lrnb-status\">{WebUtility.HtmlEncode(text)}</div>");

    private sealed class Recorder(string label, LiveTrainingChart chart) : IProgress<TrainingProgress>
    {
        private readonly List<double> _losses = [], _smoothed = [], _lrs = [], _validationLosses = [];
        private readonly List<int> _validationSteps = [];

        public void Report(TrainingProgress p)
        {
            _losses.Add(p.Loss);
            _smoothed.Add(p.SmoothedLoss);
            _lrs.Add(p.LearningRate);
            if (p.ValidationLoss is double validation)
            {
                _validationSteps.Add(p.Step);
                _validationLosses.Add(validation);
            }
            chart._display.Report($"{label}: step {p.Step + 1}/{p.TotalSteps}  lr {Format.Lr(p.LearningRate)}  loss {Format.Loss(p.Loss)}  smoothed {Format.Loss(p.SmoothedLoss)}");
        }

        public TrainingCurve Snapshot() =>
            new(label, _losses.ToArray(), _smoothed.ToArray(), _lrs.ToArray(), _validationSteps.ToArray(), _validationLosses.ToArray());
    }
}
