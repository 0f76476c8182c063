namespace LrNotebooks.Tasks;

public static class BuiltInTasks
{
    public const string DefaultName = "spirals";

    public static IReadOnlyList<BuiltInTask> All { get; } =
    [
        new SpiralsTask(), new SineTask(), new LogisticTask(), new ShapesTask(), new MotifsTask(), new AttentionTask(),
        Protein.ProteinFamilyTask.Cnn, Protein.ProteinFamilyTask.Transformer,
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(t => t.Name)];

    public static BuiltInTask Default => Get(DefaultName);

    /// <summary>ArgumentException (parameter "task") listing the names for an unknown name. Case-insensitive.</summary>
    public static BuiltInTask Get(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown task '{name}'. Expected one of: {string.Join(", ", Names)}.", "task");
}
