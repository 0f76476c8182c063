using LrNotebooks.Tasks;

namespace LrNotebooks.Tests.Tasks;

public class BuiltInTasksTests
{
    [Fact]
    public void ListsEveryTaskByName_DefaultIsSpirals()
    {
        Assert.Equal(["spirals", "sine", "logistic", "shapes", "motifs", "attention", "protein-family-cnn", "protein-family-transformer"], BuiltInTasks.Names);
        Assert.Equal(BuiltInTasks.Names, BuiltInTasks.All.Select(t => t.Name));
        Assert.Equal("spirals", BuiltInTasks.Default.Name);
        Assert.All(BuiltInTasks.All, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
    }

    [Fact]
    public void Get_IsCaseInsensitive()
    {
        Assert.Same(BuiltInTasks.Get("sine"), BuiltInTasks.Get(" Sine "));
    }

    [Theory]
    [InlineData("mnist")]
    [InlineData("")]
    [InlineData(null)]
    public void Get_UnknownName_ThrowsListingNames(string? name)
    {
        var e = Assert.Throws<ArgumentException>(() => BuiltInTasks.Get(name!));
        Assert.Equal("task", e.ParamName);
        Assert.All(BuiltInTasks.Names, n => Assert.Contains(n, e.Message));
    }
}
