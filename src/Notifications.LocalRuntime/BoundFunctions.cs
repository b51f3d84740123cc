using System.Collections.Concurrent;

namespace Notifications.LocalRuntime;

/// <summary>What the local runtime bound, by function name: a route, a queue listener or a timer. Tests compare it with functions.metadata.</summary>
public sealed class BoundFunctions
{
    private readonly ConcurrentDictionary<string, string> _bound = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> All => _bound;

    internal void Add(string function, string binding)
    {
        if (!_bound.TryAdd(function, binding))
        {
            throw new InvalidOperationException($"The function name '{function}' is bound twice.");
        }
    }
}
