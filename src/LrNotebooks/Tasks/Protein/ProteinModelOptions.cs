namespace LrNotebooks.Tasks.Protein;

public enum ProteinModelKind { Cnn, Transformer }

/// <summary>Sizes of a protein sequence encoder. The defaults keep a 100-step range test within seconds on 2 CPU cores.</summary>
public sealed record ProteinModelOptions
{
    /// <summary>Longest token sequence the encoder accepts (the transformer learns one position embedding per slot).</summary>
    public int MaxLength { get; init; } = 32;
    /// <summary>Width of the per-residue features (d_model).</summary>
    public int EmbeddingSize { get; init; } = 48;
    /// <summary>Convolution layers (CNN) or encoder layers (transformer).</summary>
    public int Layers { get; init; } = 2;
    /// <summary>Attention heads (transformer only); must divide <see cref="EmbeddingSize"/>.</summary>
    public int Heads { get; init; } = 4;
    /// <summary>Convolution kernel width (CNN only); odd, so the output keeps the input length.</summary>
    public int KernelSize { get; init; } = 5;
    public double Dropout { get; init; } = 0.1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option and what is expected.</summary>
    public void Validate()
    {
        Require(MaxLength >= 1, nameof(MaxLength), $"at least 1, not {MaxLength}");
        Require(EmbeddingSize >= 1, nameof(EmbeddingSize), $"at least 1, not {EmbeddingSize}");
        Require(Layers >= 1, nameof(Layers), $"at least 1, not {Layers}");
        Require(Heads >= 1 && EmbeddingSize % Heads == 0, nameof(Heads), $"at least 1 and a divisor of EmbeddingSize ({EmbeddingSize}), not {Heads}");
        Require(KernelSize >= 1 && KernelSize % 2 == 1, nameof(KernelSize), $"an odd number of at least 1, not {KernelSize}");
        Require(Dropout is >= 0 and < 1, nameof(Dropout), $"in [0, 1), not {Dropout}");
    }

    private static void Require(bool ok, string option, string expected)
    {
        if (!ok)
            throw new ArgumentException($"{option} must be {expected}.", option);
    }
}
