using LrNotebooks.EndToEnd.Tests.Infrastructure;

namespace LrNotebooks.EndToEnd.Tests.Notebooks;

/// <summary>Every walkthrough runs top to bottom through the runner and through Jupyter's nbconvert.</summary>
[Collection(NotebookCollection.Name)]
public class NotebookExecutionTests(ExecutedNotebooks executed)
{
    public static TheoryData<string> Walkthroughs => new(Repo.NotebookFiles);

    [Fact]
    public void There_are_at_least_three_walkthroughs_saved_without_outputs()
    {
        Assert.True(Repo.NotebookFiles.Count() >= 3);
        foreach (var file in Repo.NotebookFiles)
        {
            var notebook = LrNotebooks.NotebookRunner.Notebooks.NotebookDocument.Load(Repo.NotebookPath(file));
            Assert.All(notebook.Cells, c => Assert.Empty(c.Outputs));
            Assert.True(NotebookExpectations.ExpectedCharts(notebook) > 0, $"{file} draws no chart");
        }
    }

    [Theory]
    [MemberData(nameof(Walkthroughs))]
    public async Task Runs_through_the_runner(string notebook)
    {
        var outcome = await executed.ByRunnerAsync(notebook);

        Assert.True(outcome.Succeeded, $"{notebook}: {outcome.Failure}");
        NotebookExpectations.AssertExecutedCleanly(outcome.Executed);
        Assert.True(File.Exists(outcome.ReportPath));
    }

    [Theory]
    [MemberData(nameof(Walkthroughs))]
    public async Task Runs_through_jupyter_nbconvert(string notebook)
    {
        var output = Directory.CreateTempSubdirectory("lrnb-nbconvert-").FullName;

        var executedNotebook = await Nbconvert.ExecuteAsync(Repo.NotebookPath(notebook), output);

        NotebookExpectations.AssertExecutedCleanly(executedNotebook);
    }
}
