namespace LrNotebooks.NotebookRunner.Hosting;

/// <summary>Every event a command (and the commands it spawned) produced, ending with CommandSucceeded or CommandFailed.</summary>
public sealed class SubmissionResult(string token, IReadOnlyList<KernelEventEnvelope> events)
{
    public string Token { get; } = token;
    public IReadOnlyList<KernelEventEnvelope> Events { get; } = events;
    public KernelEventEnvelope Completion => Events[^1];
    public bool Succeeded => Completion.EventType == KernelEventTypes.CommandSucceeded;
    /// <summary>The message of the failure that ended the command; null when it succeeded.</summary>
    public string? FailureMessage => Succeeded ? null : Completion.Message;

    public IEnumerable<KernelEventEnvelope> OfType(string eventType) => Events.Where(e => e.EventType == eventType);

    /// <summary>All values of a MIME type that displays, updates and return values carried.</summary>
    public IEnumerable<string> ValuesOf(string mimeType) =>
        Events.SelectMany(e => e.FormattedValues).Where(v => v.MimeType == mimeType).Select(v => v.Value);
}

public static class KernelEventTypes
{
    public const string KernelReady = nameof(KernelReady);
    public const string CommandSucceeded = nameof(CommandSucceeded);
    public const string CommandFailed = nameof(CommandFailed);
    public const string DisplayedValueProduced = nameof(DisplayedValueProduced);
    public const string DisplayedValueUpdated = nameof(DisplayedValueUpdated);
    public const string ReturnValueProduced = nameof(ReturnValueProduced);
    public const string StandardOutputValueProduced = nameof(StandardOutputValueProduced);
    public const string StandardErrorValueProduced = nameof(StandardErrorValueProduced);
    public const string KernelExtensionLoaded = nameof(KernelExtensionLoaded);
}
