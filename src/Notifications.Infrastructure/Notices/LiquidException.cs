namespace Notifications.Infrastructure.Notices;

/// <summary>A template that cannot parse or render; the message carries "(line:column)" when it is a syntax error.</summary>
public sealed class LiquidException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LiquidException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LiquidException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public LiquidException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
