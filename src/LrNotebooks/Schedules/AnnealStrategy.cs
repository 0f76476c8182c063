namespace LrNotebooks.Schedules;

public enum AnnealStrategy { Cos, Linear }
