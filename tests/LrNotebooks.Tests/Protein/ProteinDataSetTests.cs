using LrNotebooks.Tasks.Protein;

namespace LrNotebooks.Tests.Protein;

public class ProteinDataSetTests
{
    private static readonly ProteinDataSet Data = ProteinDataSet.Load();

    private static string Protein(ProteinRecord r) => r.Id.Split('/')[0];

    [Fact]
    public void The_embedded_data_set_holds_every_sequence_of_the_three_source_files()
    {
        // Pkinase.sto and fn3.sto declare "#=GF SQ 38" and "#=GF SQ 98"; globins45.fa has 45 records.
        Assert.Equal(["fn3", "globin", "kinase"], Data.Families);
        Assert.Equal(98, Data.Records.Count(r => r.Family == "fn3"));
        Assert.Equal(45, Data.Records.Count(r => r.Family == "globin"));
        Assert.Equal(38, Data.Records.Count(r => r.Family == "kinase"));
    }

    [Fact]
    public void Sequences_are_ungapped_residues_and_unique()
    {
        Assert.All(Data.Records, r => Assert.Matches("^[ACDEFGHIKLMNPQRSTVWYBZUOX]+$", r.Sequence));
        Assert.Equal(Data.Records.Count, Data.Records.Select(r => r.Sequence).Distinct().Count());
        Assert.Equal(Data.Records.Count, Data.Records.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void No_protein_is_in_both_splits()
    {
        var train = Data.RecordsOf(ProteinSplit.Train).Select(Protein).ToHashSet();
        var validation = Data.RecordsOf(ProteinSplit.Validation).Select(Protein).ToHashSet();

        Assert.NotEmpty(validation);
        Assert.Empty(train.Intersect(validation));
    }

    [Fact]
    public void Every_family_has_about_a_fifth_of_its_sequences_in_validation()
    {
        foreach (var family in Data.Families)
        {
            var records = Data.Records.Where(r => r.Family == family).ToList();
            var share = (double)records.Count(r => r.Split == ProteinSplit.Validation) / records.Count;
            Assert.InRange(share, 0.15, 0.25);
        }
    }

    [Fact]
    public void Windows_are_stretches_of_their_sequence_with_its_family_and_cover_every_residue()
    {
        var windows = Data.Windows(ProteinSplit.Train, 32, 16);
        var records = Data.Records.ToDictionary(r => r.Id);

        foreach (var group in windows.GroupBy(w => w.RecordId))
        {
            var record = records[group.Key];
            Assert.Equal(ProteinSplit.Train, record.Split);
            var covered = new bool[record.Sequence.Length];
            foreach (var w in group)
            {
                Assert.Equal(Data.FamilyIndex(record.Family), w.FamilyIndex);
                Assert.Equal(record.Sequence.Substring(w.Start, w.Residues.Length), w.Residues);
                Assert.Equal(Math.Min(32, record.Sequence.Length), w.Residues.Length);
                for (var i = w.Start; i < w.Start + w.Residues.Length; i++)
                    covered[i] = true;
            }
            Assert.All(covered, Assert.True);
        }
        Assert.Equal(Data.RecordsOf(ProteinSplit.Train).Count(), windows.Select(w => w.RecordId).Distinct().Count());
    }

    [Fact]
    public void Windows_are_deterministic_and_never_mix_the_splits()
    {
        var first = Data.Windows(ProteinSplit.Validation, 32, 16);
        var again = ProteinDataSet.Load().Windows(ProteinSplit.Validation, 32, 16);
        var trainIds = Data.Windows(ProteinSplit.Train, 32, 16).Select(w => w.RecordId).ToHashSet();

        Assert.Equal(first, again);
        Assert.DoesNotContain(first, w => trainIds.Contains(w.RecordId));
    }

    [Fact]
    public void A_sequence_shorter_than_the_window_gives_one_short_window_and_the_tail_is_always_covered()
    {
        var data = ProteinDataSet.Parse("id\tfamily\tsplit\tsequence\nS\ta\ttrain\tMKV\nL\tb\ttrain\tACDEFGHIK\n");

        var windows = data.Windows(ProteinSplit.Train, 4, 3);

        Assert.Equal(
            [new ProteinWindow("S", 0, 0, "MKV"), new("L", 1, 0, "ACDE"), new("L", 1, 3, "EFGH"), new("L", 1, 5, "GHIK")],
            windows);
    }

    [Fact]
    public void Parsing_rejects_a_file_without_the_header()
    {
        Assert.Throws<FormatException>(() => ProteinDataSet.Parse("S\ta\ttrain\tMKV\n"));
    }
}
