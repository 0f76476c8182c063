namespace LrNotebooks.RangeTest;

/// <summary>How the learning rate grows from <c>MinLr</c> to <c>MaxLr</c> during a range test.</summary>
public enum LadderMode
{
    /// <summary>Geometric steps: equal spacing on a log axis (the usual choice).</summary>
    Exp,
    /// <summary>Equal arithmetic steps.</summary>
    Linear,
}
