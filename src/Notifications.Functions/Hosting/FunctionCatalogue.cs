namespace Notifications.Functions.Hosting;

/// <summary>Every function of the app, declared once. function.json files and the local runtime come from this list.</summary>
public static class FunctionCatalogue
{
    public static IReadOnlyList<FunctionDefinition> All { get; } = [];
}
