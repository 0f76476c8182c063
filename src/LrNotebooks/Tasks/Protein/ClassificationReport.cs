using System.Globalization;
using static TorchSharp.torch;

namespace LrNotebooks.Tasks.Protein;

/// <summary>Accuracy and confusion matrix of a classifier on labelled data.</summary>
public sealed class ClassificationReport
{
    /// <summary>Counts[true class][predicted class].</summary>
    public required int[][] ConfusionMatrix { get; init; }
    /// <summary>Names of the classes in index order (e.g. <see cref="ProteinFamilyData.Families"/>); their indices when not given.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }
    public int Total => ConfusionMatrix.Sum(row => row.Sum());
    public int Correct => ConfusionMatrix.Select((row, i) => row[i]).Sum();
    public double Accuracy => (double)Correct / Total;
    /// <summary>The accuracy of always predicting the most frequent class: the bar a model must beat.</summary>
    public double MajorityBaseline => (double)ConfusionMatrix.Max(row => row.Sum()) / Total;

    /// <summary>
    /// Predicts <paramref name="inputs"/> in batches in evaluation mode (no gradients) and counts the outcomes
    /// against <paramref name="labels"/> (int64 class indices into <paramref name="classNames"/>).
    /// The model's training mode is restored afterwards.
    /// </summary>
    public static ClassificationReport Evaluate(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor labels, IReadOnlyList<string> classNames, int batchSize = 256)
    {
        var classCount = classNames.Count;
        if (inputs.shape[0] != labels.shape[0] || labels.shape[0] == 0)
            throw new ArgumentException($"Expected as many labels as inputs (at least one), got {labels.shape[0]} and {inputs.shape[0]}.", nameof(labels));
        var counts = Enumerable.Range(0, classCount).Select(_ => new int[classCount]).ToArray();
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            for (long start = 0; start < inputs.shape[0]; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var size = Math.Min(batchSize, inputs.shape[0] - start);
                var predicted = model.call(inputs.narrow(0, start, size)).argmax(1).data<long>().ToArray();
                var actual = labels.narrow(0, start, size).data<long>().ToArray();
                for (var i = 0; i < predicted.Length; i++)
                    counts[actual[i]][predicted[i]]++;
            }
        }
        finally
        {
            model.train(wasTraining);
        }
        return new ClassificationReport { ConfusionMatrix = counts, ClassNames = classNames };
    }

    /// <summary>Accuracy, then the confusion matrix as a text table (rows: true class, columns: predicted).</summary>
    public override string ToString()
    {
        const string corner = "true \\ predicted";
        var first = Math.Max(corner.Length, ClassNames.Max(n => n.Length)) + 2;
        var cell = Math.Max(ClassNames.Max(n => n.Length), Total.ToString(CultureInfo.InvariantCulture).Length) + 2;
        string Row(string label, IEnumerable<string> cells) => label.PadRight(first) + string.Concat(cells.Select(c => c.PadLeft(cell)));
        return string.Join(Environment.NewLine,
        [
            string.Format(CultureInfo.InvariantCulture, "accuracy {0:0.0%} ({1}/{2}), majority baseline {3:0.0%}", Accuracy, Correct, Total, MajorityBaseline),
            Row(corner, ClassNames),
            .. ConfusionMatrix.Select((counts, i) => Row(ClassNames[i], counts.Select(c => c.ToString(CultureInfo.InvariantCulture)))),
        ]);
    }
}
