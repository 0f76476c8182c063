using LrNotebooks.Interactive.Hosting;
using LrNotebooks.Tasks;
using LrNotebooks.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Interactive.Directives;

/// <summary>
/// What a run trains, resolved from the shared parameters: the user's model, data, loss and optimizer held in C#
/// variables, or a built-in task. Every problem is an <see cref="ArgumentException"/> naming the parameter.
/// </summary>
internal sealed class TrainingSetup : IDisposable
{
    private readonly TaskInstance? _task;

    private TrainingSetup(TaskInstance? task) => _task = task;

    public required nn.Module<Tensor, Tensor> Model { get; init; }
    public required TrainingData Train { get; init; }
    public TrainingData? Validation { get; init; }
    public required LossFunction Loss { get; init; }
    /// <summary>The user's optimizer instance (--optimizer variable), or null for a fresh one of <see cref="OptimizerKind"/>.</summary>
    public optim.Optimizer? UserOptimizer { get; init; }
    public required OptimizerKind OptimizerKind { get; init; }
    /// <summary>e.g. "built-in task 'spirals'" or "model 'net' on data 'train'".</summary>
    public required string Description { get; init; }
    public bool IsUserModel => _task is null;

    public OptimizerChoice OptimizerChoice =>
        UserOptimizer is { } optimizer ? OptimizerChoice.Existing(optimizer) : OptimizerChoice.Fresh(OptimizerKind);

    /// <summary>A new optimizer of <see cref="OptimizerKind"/> over the model's parameters (the schedule sets LR and momentum).</summary>
    public optim.Optimizer CreateOptimizer() => OptimizerKind switch
    {
        OptimizerKind.Adam => optim.Adam(Model.parameters()),
        OptimizerKind.Sgd => optim.SGD(Model.parameters(), 1e-3, momentum: 0.9),
        _ => optim.AdamW(Model.parameters(), weight_decay: 0.01),
    };

    public void Dispose() => _task?.Dispose();

    public static TrainingSetup Resolve(TrainingCommand command, int batchSize, int? seed, CSharpVariables variables)
    {
        var optimizer = ResolveOptimizer(command, variables);
        return command.Model is null
            ? FromTask(command, seed, optimizer)
            : FromVariables(command, batchSize, variables, optimizer);
    }

    private static TrainingSetup FromTask(TrainingCommand command, int? seed, (optim.Optimizer? Instance, OptimizerKind Kind) optimizer)
    {
        if (command.Data is not null)
            throw new ArgumentException("needs --model too: give the C# variables of your model and your data, or neither to use a built-in task.", "--data");
        var name = command.Task is null ? BuiltInTasks.DefaultName : ParameterValues.Required(command.Task, "--task", "a built-in task name");
        var task = BuiltInTasks.Get(name).Create(seed ?? 0);
        try
        {
            return new TrainingSetup(task)
            {
                Model = task.Model,
                Train = task.Train,
                Validation = task.Validation,
                Loss = command.Loss is null ? task.Loss : ResolveLoss(command.Loss, variables: null),
                OptimizerKind = optimizer.Kind,
                Description = $"built-in task '{task.Name}'",
            };
        }
        catch
        {
            task.Dispose();
            throw;
        }
    }

    private static TrainingSetup FromVariables(TrainingCommand command, int batchSize, CSharpVariables variables,
        (optim.Optimizer? Instance, OptimizerKind Kind) optimizer)
    {
        if (command.Task is not null)
            throw new ArgumentException("give either --task or your own --model and --data, not both.", "--task");
        var modelName = VariableName(command.Model!, "--model", "the C# variable holding your model");
        var model = Variable(variables, modelName, "--model") as nn.Module<Tensor, Tensor>
            ?? throw WrongType(variables, modelName, "--model", "a TorchSharp Module<Tensor, Tensor> (e.g. nn.Sequential(...))");
        if (command.Data is null)
            throw new ArgumentException("needs a value with --model: the C# variable holding your data.", "--data");
        var dataName = VariableName(command.Data, "--data", "the C# variable holding your data");
        var raw = Variable(variables, dataName, "--data");
        if (!IsData(raw)) throw WrongType(variables, dataName, "--data", "a (Tensor X, Tensor Y) tuple, an IEnumerable<(Tensor, Tensor)> of batches or a TorchSharp DataLoader");
        TrainingData data;
        try
        {
            data = TrainingData.From(raw!, batchSize);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"'{dataName}': {UserErrors.FirstLine(ex.Message.Replace($" (Parameter '{ex.ParamName}')", ""))}", "--data");
        }
        return new TrainingSetup(task: null)
        {
            Model = model,
            Train = data,
            Loss = command.Loss is null ? LossFunctions.ByName(InferLossName(raw!, dataName)) : ResolveLoss(command.Loss, variables),
            UserOptimizer = optimizer.Instance,
            OptimizerKind = optimizer.Kind,
            Description = $"model '{modelName}' on data '{dataName}'",
        };
    }

    private static (optim.Optimizer? Instance, OptimizerKind Kind) ResolveOptimizer(TrainingCommand command, CSharpVariables variables)
    {
        if (command.Optimizer is null) return (null, OptimizerKind.AdamW);
        var value = ParameterValues.Required(command.Optimizer, "--optimizer", "adamw, adam, sgd or a variable holding an optimizer");
        var kind = value.ToLowerInvariant() switch
        {
            "adamw" => OptimizerKind.AdamW,
            "adam" => OptimizerKind.Adam,
            "sgd" => OptimizerKind.Sgd,
            _ => (OptimizerKind?)null,
        };
        if (kind is { } named) return (null, named);
        if (!variables.TryGet(value, out var instance))
            throw new ArgumentException($"expected adamw, adam, sgd or the name of a C# variable holding a torch.optim.Optimizer; there is no variable '{value}'{Spelling.DidYouMean(value, OptimizerNames(variables))}.", "--optimizer");
        if (instance is not optim.Optimizer optimizer)
            throw WrongType(variables, value, "--optimizer", "a torch.optim.Optimizer (e.g. torch.optim.AdamW(model.parameters()))");
        if (command.Model is null)
            throw new ArgumentException($"'{value}' is your own optimizer, but no --model is given: an optimizer variable works only with your --model (for a built-in task use adamw, adam or sgd).", "--optimizer");
        return (optimizer, KindOf(optimizer));
    }

    private static IEnumerable<string> OptimizerNames(CSharpVariables variables) =>
        TrainingParameters.OptimizerNames.Concat(variables.NamesWhere(v => v is optim.Optimizer));

    /// <summary>The kind a fresh optimizer takes to mirror the user's (used by --compare-constant).</summary>
    private static OptimizerKind KindOf(optim.Optimizer optimizer) => optimizer switch
    {
        AdamW => OptimizerKind.AdamW,
        Adam => OptimizerKind.Adam,
        SGD => OptimizerKind.Sgd,
        _ => OptimizerKind.AdamW,
    };

    private static LossFunction ResolveLoss(string text, CSharpVariables? variables)
    {
        var value = ParameterValues.Required(text, "--loss", "cross_entropy, mse, bce, l1 or a variable holding a loss");
        if (LossFunctions.Names.Contains(value, StringComparer.OrdinalIgnoreCase))
            return LossFunctions.ByName(value.ToLowerInvariant());
        object? loss = null;
        if (variables is null || !variables.TryGet(value, out loss))
            throw new ArgumentException($"expected cross_entropy, mse, bce, l1 or the name of a C# variable holding a loss, not '{value}'{Spelling.DidYouMean(value, LossFunctions.Names.Concat(variables?.NamesWhere(IsLoss) ?? []))}.", "--loss");
        return loss switch
        {
            LossFunction function => function,
            Func<Tensor, Tensor, Tensor> function => (prediction, target) => function(prediction, target),
            nn.Module<Tensor, Tensor, Tensor> module => module.forward,
            _ => throw WrongType(variables, value, "--loss", "a LossFunction, a Func<Tensor, Tensor, Tensor> or a TorchSharp loss module (e.g. nn.CrossEntropyLoss())"),
        };
    }

    /// <summary>The loss the target type calls for: cross-entropy for class indices, MSE for numbers.</summary>
    private static string InferLossName(object data, string dataName)
    {
        var target = data switch
        {
            ValueTuple<Tensor, Tensor> pair => pair.Item2,
            Tuple<Tensor, Tensor> pair => pair.Item2,
            IEnumerable<(Tensor, Tensor)> batches => batches.Select(b => b.Item2).FirstOrDefault(),
            _ => null,
        };
        return target is null
            ? throw new ArgumentException($"cannot tell the loss from '{dataName}': give --loss cross_entropy, mse, bce or l1.", "--loss")
            : LossFunctions.InferName(target.dtype);
    }

    public static bool IsModel(object? value) => value is nn.Module<Tensor, Tensor>;

    public static bool IsLoss(object? value) =>
        value is LossFunction or Func<Tensor, Tensor, Tensor> or nn.Module<Tensor, Tensor, Tensor>;

    public static bool IsData(object? value) =>
        value is ValueTuple<Tensor, Tensor> or Tuple<Tensor, Tensor> or IEnumerable<(Tensor, Tensor)>
        || IsDataLoader(value?.GetType());

    private static bool IsDataLoader(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(DataLoader<,>)) return true;
        return false;
    }

    private static string VariableName(string text, string parameter, string expected) =>
        ParameterValues.Required(text, parameter, expected);

    private static object? Variable(CSharpVariables variables, string name, string parameter)
    {
        if (!variables.Available) throw new ArgumentException("needs the C# kernel: run the directive in a C# cell.", parameter);
        if (variables.TryGet(name, out var value)) return value;
        var known = variables.NamesWhere(_ => true);
        throw new ArgumentException($"there is no C# variable named '{name}'{Spelling.DidYouMean(name, known)}; define it in a C# cell first.", parameter);
    }

    private static ArgumentException WrongType(CSharpVariables? variables, string name, string parameter, string expected)
    {
        object? value = null;
        variables?.TryGet(name, out value);
        var actual = value is null ? "null" : WithArticle(TypeName(value.GetType()));
        return new ArgumentException($"'{name}' holds {actual}; expected {expected}.", parameter);
    }

    private static string WithArticle(string noun) => ("AEIOUaeiou".Contains(noun[0]) ? "an " : "a ") + noun;

    private static string TypeName(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
            : type.Name;
}
