namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// Maps protein sequences (one-letter amino-acid codes) to token ids and back.
/// Ids: 0 = PAD, 1..20 = the standard residues in the order of <see cref="StandardResidues"/>
/// (A C D E F G H I K L M N P Q R S T V W Y), 21 = X (unknown or ambiguous: B, Z, U, O and X),
/// 22 = MASK (the masked-residue pre-training placeholder). Letters are case-insensitive.
/// Decoding writes X for id 21 and '#' for MASK and skips PAD.
/// </summary>
public static class AminoAcidTokenizer
{
    public const string StandardResidues = "ACDEFGHIKLMNPQRSTVWY";
    /// <summary>Residue letters that are not standard and become <see cref="Unknown"/>.</summary>
    public const string AmbiguousResidues = "BZUOX";
    public const long Pad = 0;
    public const long Unknown = 21;
    public const long Mask = 22;
    public const int VocabularySize = 23;
    public const char MaskChar = '#';

    /// <summary>One id per residue; ArgumentException (parameter "sequence") for characters that are not residue letters.</summary>
    public static long[] Encode(string sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var ids = new long[sequence.Length];
        for (var i = 0; i < sequence.Length; i++)
            ids[i] = IdOf(sequence[i], i);
        return ids;
    }

    /// <summary>Encodes, then truncates to <paramref name="length"/> or pads the end with <see cref="Pad"/>.</summary>
    public static long[] Encode(string sequence, int length)
    {
        if (length < 1)
            throw new ArgumentException($"The length must be at least 1, not {length}.", nameof(length));
        var ids = Encode(sequence);
        Array.Resize(ref ids, length);   // new slots are 0 == Pad
        return ids;
    }

    public static string Decode(IEnumerable<long> ids) =>
        string.Concat(ids.Where(id => id != Pad).Select(CharOf));

    public static char CharOf(long id) => id switch
    {
        >= 1 and <= 20 => StandardResidues[(int)id - 1],
        Unknown => 'X',
        Mask => MaskChar,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, $"Token ids are 0..{VocabularySize - 1}; PAD (0) has no character."),
    };

    private static long IdOf(char residue, int position)
    {
        var upper = char.ToUpperInvariant(residue);
        var index = StandardResidues.IndexOf(upper);
        if (index >= 0)
            return index + 1;
        if (AmbiguousResidues.Contains(upper))
            return Unknown;
        throw new ArgumentException(
            $"Expected one-letter amino-acid codes ({StandardResidues}, or {AmbiguousResidues} for unknown), found '{residue}' at position {position}. Remove alignment gaps first.",
            "sequence");
    }
}
