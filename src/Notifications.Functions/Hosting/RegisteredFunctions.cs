namespace Notifications.Functions.Hosting;

/// <summary>
/// The function list the hosting layer serves, resolved from DI. Defaults to <see cref="FunctionCatalogue.All"/>;
/// tests replace it with <see cref="HostingExtensions.UseFunctionCatalogue"/>.
/// </summary>
public sealed class RegisteredFunctions
{
    private readonly Dictionary<string, FunctionDefinition> _byName;

    public RegisteredFunctions(IEnumerable<FunctionDefinition> functions)
    {
        All = [.. functions];
        _byName = new Dictionary<string, FunctionDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in All)
        {
            if (!_byName.TryAdd(function.Name, function))
            {
                throw new InvalidOperationException($"The function name '{function.Name}' is declared twice.");
            }
        }
    }

    public IReadOnlyList<FunctionDefinition> All { get; }

    /// <summary>Finds a function by its (folder) name, case-insensitively like ASP.NET routing.</summary>
    public FunctionDefinition? Find(string name) => _byName.GetValueOrDefault(name);
}
