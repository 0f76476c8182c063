#!/usr/bin/env python3
"""Rebuilds data/protein/protein-families.tsv from the tutorial files of Debian's hmmer-doc package.

Deterministic: same input files, same output bytes. Standard library only.
Usage: scripts/build-protein-data.py [--source /usr/share/doc/hmmer/tutorial] [--out data/protein/protein-families.tsv]
"""
import argparse
import hashlib
import os
import sys

# family label -> source file (Pfam seed alignments in Stockholm format, or FASTA)
SOURCES = [
    ("kinase", "Pkinase.sto"),   # Pfam PF00069.24, protein kinase domain
    ("fn3", "fn3.sto"),          # Pfam PF00041.20, fibronectin type III domain
    ("globin", "globins45.fa"),  # 45 globin sequences (HMMER tutorial)
]
VALIDATION_SHARE = 0.2
GAP_CHARS = ".-~"


def read_stockholm(path):
    """(name, ungapped upper-case sequence) pairs in file order; a sequence may span several blocks."""
    order, parts = [], {}
    with open(path, encoding="ascii") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#") or line.startswith("//"):
                continue
            name, aligned = line.split()
            if name not in parts:
                order.append(name)
                parts[name] = []
            parts[name].append(aligned)
    return [(name, ungap("".join(parts[name]))) for name in order]


def read_fasta(path):
    records, name, chunks = [], None, []
    with open(path, encoding="ascii") as f:
        for line in f:
            line = line.strip()
            if line.startswith(">"):
                if name is not None:
                    records.append((name, ungap("".join(chunks))))
                name, chunks = line[1:].split()[0], []
            elif line:
                chunks.append(line)
    if name is not None:
        records.append((name, ungap("".join(chunks))))
    return records


def ungap(aligned):
    # Stockholm insert states are lower case; the residues are the same.
    return "".join(c for c in aligned if c not in GAP_CHARS).upper()


def protein_of(name):
    """CDC15_YEAST/25-272 -> CDC15_YEAST: domains of one protein must land in the same split."""
    return name.split("/")[0]


def sha(text):
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def assign_splits(records):
    """Per family, proteins in SHA-256 order go to validation until it holds VALIDATION_SHARE of the
    family's sequences; a protein seen in an earlier family keeps its split (no protein in both splits)."""
    split_of_protein = {}
    for family, _ in SOURCES:
        fam = [r for r in records if r[1] == family]
        proteins = sorted({protein_of(r[0]) for r in fam}, key=sha)
        sizes = {p: sum(1 for r in fam if protein_of(r[0]) == p) for p in proteins}
        target = round(VALIDATION_SHARE * len(fam))
        in_validation = sum(sizes[p] for p in proteins if split_of_protein.get(p) == "validation")
        for p in proteins:
            if p in split_of_protein:
                continue
            if in_validation + sizes[p] <= target:
                split_of_protein[p] = "validation"
                in_validation += sizes[p]
            else:
                split_of_protein[p] = "train"
    return split_of_protein


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", default="/usr/share/doc/hmmer/tutorial")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "protein", "protein-families.tsv"))
    args = parser.parse_args()

    records, seen = [], set()
    for family, file_name in SOURCES:
        path = os.path.join(args.source, file_name)
        if not os.path.exists(path):
            sys.exit(f"missing {path}: install Debian's hmmer-doc (apt-get install hmmer-doc)")
        read = read_stockholm if file_name.endswith(".sto") else read_fasta
        for name, sequence in read(path):
            if sequence in seen:  # an identical sequence twice would leak across splits
                continue
            seen.add(sequence)
            records.append((name, family, sequence))

    split_of_protein = assign_splits(records)
    with open(args.out, "w", encoding="ascii", newline="\n") as out:
        out.write("id\tfamily\tsplit\tsequence\n")
        for name, family, sequence in records:
            out.write(f"{name}\t{family}\t{split_of_protein[protein_of(name)]}\t{sequence}\n")


if __name__ == "__main__":
    main()
