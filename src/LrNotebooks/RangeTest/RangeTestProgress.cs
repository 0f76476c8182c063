namespace LrNotebooks.RangeTest;

/// <summary>Reported after each optimizer step of a range test.</summary>
/// <param name="Step">Zero-based index of the step just run.</param>
public sealed record RangeTestProgress(int Step, int TotalSteps, double LearningRate, double Loss, double SmoothedLoss);
