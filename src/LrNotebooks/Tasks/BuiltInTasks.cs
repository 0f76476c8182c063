namespace LrNotebooks.Tasks;

public static class BuiltInTasks
{
    public const string DefaultName = "spirals";
    public static IReadOnlyList<BuiltInTask> All => throw new NotImplementedException();
    public static BuiltInTask Default => Get(DefaultName);
    /// <summary>ArgumentException (parameter "task") listing the names for an unknown name.</summary>
    public static BuiltInTask Get(string name) => throw new NotImplementedException();
}
