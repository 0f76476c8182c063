using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>A loss: (prediction, target) to a scalar tensor.</summary>
public delegate Tensor LossFunction(Tensor prediction, Tensor target);
