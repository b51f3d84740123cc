namespace Notifications.Domain.Policy;

/// <summary>A policy pack could not be loaded. <see cref="Errors"/> lists every problem found, each with its JSON path.</summary>
public sealed class PolicyPackException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public PolicyPackException(string pack, IReadOnlyList<string> errors, Exception? inner = null)
        : base($"Policy pack '{pack}' is invalid: {string.Join("; ", errors)}", inner)
    {
        Pack = pack;
        Errors = errors;
    }

    /// <summary>The pack's name or resource.</summary>
    public string Pack { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Errors { get; }
}
