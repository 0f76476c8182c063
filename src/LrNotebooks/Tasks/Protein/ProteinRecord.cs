namespace LrNotebooks.Tasks.Protein;

public enum ProteinSplit { Train, Validation }

/// <summary>One sequence of the data set: its id (e.g. "CDC15_YEAST/25-272"), family label, split and residues.</summary>
public sealed record ProteinRecord(string Id, string Family, ProteinSplit Split, string Sequence);

/// <summary>A fixed-length stretch of one record's sequence, labelled with the record's family.</summary>
public sealed record ProteinWindow(string RecordId, int FamilyIndex, int Start, string Residues);
