using LrNotebooks.Tasks.Protein;

namespace LrNotebooks.Tests.Protein;

public class AminoAcidTokenizerTests
{
    [Fact]
    public void Standard_residues_get_ids_1_to_20_in_alphabet_order_and_round_trip()
    {
        var ids = AminoAcidTokenizer.Encode(AminoAcidTokenizer.StandardResidues);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), ids);
        Assert.Equal(AminoAcidTokenizer.StandardResidues, AminoAcidTokenizer.Decode(ids));
    }

    [Fact]
    public void A_real_sequence_round_trips_and_lower_case_encodes_like_upper_case()
    {
        const string hbbHuman = "VHLTPEEKSAVTALWGKVNVDEVGGEALGRLLVVYPWTQRFFESFGDLSTPDAVMGNPKV";

        Assert.Equal(hbbHuman, AminoAcidTokenizer.Decode(AminoAcidTokenizer.Encode(hbbHuman)));
        Assert.Equal(AminoAcidTokenizer.Encode(hbbHuman), AminoAcidTokenizer.Encode(hbbHuman.ToLowerInvariant()));
    }

    [Theory]
    [InlineData('B')]
    [InlineData('Z')]
    [InlineData('U')]
    [InlineData('O')]
    [InlineData('X')]
    [InlineData('x')]
    public void Ambiguous_and_unknown_residues_become_X(char residue)
    {
        var ids = AminoAcidTokenizer.Encode($"A{residue}C");

        Assert.Equal([1, AminoAcidTokenizer.Unknown, 2], ids);
        Assert.Equal("AXC", AminoAcidTokenizer.Decode(ids));
    }

    [Theory]
    [InlineData("AC-D", '-')]
    [InlineData("AC.D", '.')]
    [InlineData("AC1D", '1')]
    [InlineData("AC*D", '*')]
    public void Characters_that_are_not_residues_are_rejected_naming_the_sequence(string sequence, char bad)
    {
        var error = Assert.Throws<ArgumentException>(() => AminoAcidTokenizer.Encode(sequence));

        Assert.Equal("sequence", error.ParamName);
        Assert.Contains($"'{bad}' at position 2", error.Message);
    }

    [Fact]
    public void Encoding_to_a_length_pads_the_end_and_decoding_drops_the_padding()
    {
        var ids = AminoAcidTokenizer.Encode("MKV", 6);

        Assert.Equal([11, 9, 18, AminoAcidTokenizer.Pad, AminoAcidTokenizer.Pad, AminoAcidTokenizer.Pad], ids);
        Assert.Equal("MKV", AminoAcidTokenizer.Decode(ids));
    }

    [Fact]
    public void Encoding_to_a_length_truncates_longer_sequences()
    {
        Assert.Equal(AminoAcidTokenizer.Encode("MKVLA"), AminoAcidTokenizer.Encode("MKVLAGHW", 5));
    }

    [Fact]
    public void Mask_decodes_to_its_placeholder_and_every_id_is_inside_the_vocabulary()
    {
        Assert.Equal("A#C", AminoAcidTokenizer.Decode([1, AminoAcidTokenizer.Mask, 2]));
        Assert.Equal(AminoAcidTokenizer.VocabularySize - 1, AminoAcidTokenizer.Mask);
        Assert.Throws<ArgumentOutOfRangeException>(() => AminoAcidTokenizer.Decode([AminoAcidTokenizer.VocabularySize]));
    }

    [Fact]
    public void A_length_below_one_is_rejected()
    {
        Assert.Equal("length", Assert.Throws<ArgumentException>(() => AminoAcidTokenizer.Encode("A", 0)).ParamName);
    }
}
