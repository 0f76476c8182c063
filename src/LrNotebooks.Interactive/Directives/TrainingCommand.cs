using Microsoft.DotNet.Interactive.Commands;

namespace LrNotebooks.Interactive.Directives;

/// <summary>
/// Parameters both directives share: what to train (the user's model and data, or a built-in task) and how.
/// Values bind as text and are parsed by the handler (see <see cref="ParameterValues"/>).
/// </summary>
public abstract class TrainingCommand : KernelDirectiveCommand
{
    public string? Model { get; set; }
    public string? Data { get; set; }
    public string? Loss { get; set; }
    public string? Optimizer { get; set; }
    public string? Task { get; set; }
    public string? BatchSize { get; set; }
    public string? Seed { get; set; }
    public string? Name { get; set; }
    public bool Help { get; set; }
}
