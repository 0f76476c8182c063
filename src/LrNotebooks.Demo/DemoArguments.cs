using System.Globalization;
using LrNotebooks.Tasks;

namespace LrNotebooks.Demo;

/// <summary>The demo's command line: --task NAME, --steps N (One Cycle training steps), --seed N.</summary>
internal sealed record DemoArguments(string Task, int Steps, int Seed, bool Help)
{
    public const string Usage =
        "usage: LrNotebooks.Demo [--task NAME] [--steps N] [--seed N]\n" +
        "  --task   built-in task (default spirals)\n" +
        "  --steps  One Cycle training steps after the range test (default 300)\n" +
        "  --seed   seed of data, initial weights and batch order (default 0)";

    /// <summary>Throws ArgumentException naming the bad parameter.</summary>
    public static DemoArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new DemoArguments(BuiltInTasks.DefaultName, 300, 0, false);
        for (int i = 0; i < args.Count; i++)
        {
            string ValueOf(string name) => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.", name);
            parsed = args[i] switch
            {
                "--task" => parsed with { Task = BuiltInTasks.Get(ValueOf("--task")).Name },
                "--steps" => parsed with { Steps = PositiveInt(ValueOf("--steps"), "--steps") },
                "--seed" => parsed with { Seed = Int(ValueOf("--seed"), "--seed") },
                "--help" or "-h" => parsed with { Help = true },
                var other => throw new ArgumentException($"Unknown argument '{other}'.\n{Usage}", "args"),
            };
        }
        return parsed;
    }

    private static int Int(string text, string name) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{name} expects an integer, got '{text}'.", name);

    private static int PositiveInt(string text, string name) =>
        Int(text, name) is var value and > 0 ? value : throw new ArgumentException($"{name} expects a positive integer, got '{text}'.", name);
}
