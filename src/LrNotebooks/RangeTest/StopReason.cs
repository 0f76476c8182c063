namespace LrNotebooks.RangeTest;

/// <summary>Why a range test or a training run ended.</summary>
public enum StopReason
{
    /// <summary>Every planned step ran.</summary>
    Completed,
    /// <summary>The smoothed loss rose above <c>DivergenceFactor</c> times the best smoothed loss.</summary>
    Diverged,
    /// <summary>A loss was NaN or infinite; the run stopped at once.</summary>
    NonFiniteLoss,
    /// <summary>The caller's cancellation token fired (a notebook interrupt).</summary>
    Cancelled,
}
