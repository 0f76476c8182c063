using LrNotebooks.Demo;
using LrNotebooks.RangeTest;
using LrNotebooks.Schedules;
using LrNotebooks.Tasks;
using LrNotebooks.Training;
using static TorchSharp.torch;

// The workflow the package automates, end to end on a built-in task:
// 1. LR range test (the model is left as it was), 2. One Cycle training at the suggested LR.
DemoArguments arguments;
try
{
    arguments = DemoArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (arguments.Help)
{
    Console.WriteLine(DemoArguments.Usage);
    return 0;
}

const double FallbackLr = 1e-3;   // only when no rule could suggest anything (the notes say why)
var task = BuiltInTasks.Get(arguments.Task);
using var instance = task.Create(arguments.Seed);

Console.WriteLine($"Range test on '{task.Name}': {task.Description}");
var rangeTest = LrFinder.Run(instance.Model, instance.Train, instance.Loss,
    OptimizerChoice.Fresh(OptimizerKind.AdamW), new RangeTestOptions { Seed = arguments.Seed });
ConsoleReport.RangeTest(rangeTest);

double maxLr = double.IsFinite(rangeTest.SuggestedLr) ? rangeTest.SuggestedLr : FallbackLr;
if (maxLr != rangeTest.SuggestedLr) Console.WriteLine($"  no suggestion: training at {FallbackLr} instead");

Console.WriteLine($"\nOne Cycle training for {arguments.Steps} steps, max LR {maxLr:0.00e+0} (AdamW, PyTorch's OneCycleLR defaults)");
using var optimizer = optim.AdamW(instance.Model.parameters(), lr: maxLr, weight_decay: 0.01);
var training = Trainer.Train(instance.Model, instance.Train, instance.Loss, optimizer,
    new OneCycleSchedule(maxLr, arguments.Steps),
    new TrainingOptions { Seed = arguments.Seed },
    instance.Validation,
    new ImmediateProgress<TrainingProgress>(p => ConsoleReport.TrainingStep(p)));
ConsoleReport.Training(training);
return 0;
