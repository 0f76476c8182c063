namespace LrNotebooks.NotebookRunner;

/// <summary>The command line: notebooks to run, where to write, whether to pack missing packages.</summary>
public sealed record RunnerOptions(IReadOnlyList<string> Notebooks, string? OutputDirectory, bool Pack, TimeSpan CellTimeout)
{
    public const string Usage = """
        Usage: dotnet run --project src/LrNotebooks.NotebookRunner -- <notebook.ipynb>... [options]

        Executes each notebook cell by cell through the real notebook host (`dotnet interactive stdio`), stops at
        the first failing cell, and writes <name>.ipynb (with outputs) and <name>.html (self-contained report).

        Options:
          --out <dir>              output folder (default: artifacts/notebooks in the repo)
          --pack                   run `dotnet pack` first when artifacts/packages lacks our packages
          --cell-timeout <seconds> interrupt a cell that runs longer (default: 900)
        """;

    public static RunnerOptions Parse(IReadOnlyList<string> args)
    {
        var notebooks = new List<string>();
        string? output = null;
        var pack = false;
        var timeout = TimeSpan.FromSeconds(900);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out":
                    output = ValueAfter(args, ref i);
                    break;
                case "--pack":
                    pack = true;
                    break;
                case "--cell-timeout":
                    var text = ValueAfter(args, ref i);
                    if (!double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                        throw new ArgumentException($"--cell-timeout expects a positive number of seconds, not '{text}'.", "cell-timeout");
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new ArgumentException($"Unknown option '{option}'.", option);
                default:
                    notebooks.Add(args[i]);
                    break;
            }
        }
        if (notebooks.Count == 0) throw new ArgumentException("Name at least one .ipynb to run.", "notebook");
        return new RunnerOptions(notebooks, output, pack, timeout);
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.", args[i - 1].TrimStart('-'));
}
