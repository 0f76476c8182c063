using LrNotebooks.Interactive.Hosting;
using LrNotebooks.Tasks;
using LrNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Interactive.Directives;

/// <summary>The shared parameters' descriptions and completions (variable names of the right type).</summary>
internal static class TrainingParameters
{
    public static readonly string[] OptimizerNames = ["adamw", "adam", "sgd"];

    public static IReadOnlyList<ParameterSpec> Specs(CSharpVariables variables, string resultVariable, string taskUse) =>
    [
        new("--model", "variable", "C# variable holding your TorchSharp Module<Tensor, Tensor>", "the built-in task's model",
            () => variables.NamesWhere(TrainingSetup.IsModel)),
        new("--data", "variable", "C# variable holding the data: a (Tensor X, Tensor Y) tuple, an IEnumerable<(Tensor, Tensor)> of batches or a DataLoader", "the built-in task's data",
            () => variables.NamesWhere(TrainingSetup.IsData)),
        new("--loss", "name|variable", "cross_entropy, mse, bce, l1, or a variable holding a LossFunction, Func<Tensor, Tensor, Tensor> or TorchSharp loss module", "inferred from the target type (integers: cross_entropy, floats: mse)",
            () => LossFunctions.Names.Concat(variables.NamesWhere(TrainingSetup.IsLoss))),
        new("--optimizer", "name|variable", "adamw, adam, sgd, or a variable holding a torch.optim.Optimizer", "adamw",
            () => OptimizerNames.Concat(variables.NamesWhere(v => v is optim.Optimizer))),
        new("--task", "name", $"built-in task to {taskUse} when no --model is given", BuiltInTasks.DefaultName,
            () => BuiltInTasks.All.Select(t => t.Name)),
        new("--batch-size", "integer", "batch size when --data is a (X, Y) tensor pair", "64"),
        new("--seed", "integer", "seed for torch's random numbers during the run (your RNG state is restored afterwards)", "none"),
        new("--name", "identifier", "C# variable that receives the result", resultVariable),
    ];
}
