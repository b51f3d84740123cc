using Microsoft.Extensions.Options;

namespace Notifications.LocalRuntime;

/// <summary>The functions of the app, read once from functions.metadata, with every parameter checked bindable at start.</summary>
public sealed class LocalFunctions
{
    public LocalFunctions(IOptions<HostingOptions> options, ILogger<LocalFunctions> logger)
    {
        var path = options.Value.FunctionsMetadataPath ?? Path.Combine(AppContext.BaseDirectory, FunctionsMetadata.FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("functions.metadata was not found; build src/Notifications.Functions (its Worker SDK writes it).", path);
        }

        All = FunctionsMetadata.Load(path);
        foreach (var function in All)
        {
            FunctionInvoker.CheckBindable(function);
        }

        Log.FunctionsLoaded(logger, All.Count, path);
    }

    public IReadOnlyList<LocalFunction> All { get; }

    public LocalFunction this[string name] =>
        All.FirstOrDefault(f => f.Name == name) ?? throw new KeyNotFoundException($"No function is named '{name}'.");
}
