namespace LrNotebooks.Training;

public enum OptimizerKind { AdamW, Adam, Sgd }
