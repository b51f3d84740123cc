namespace Notifications.Infrastructure.Notices;

/// <summary>A template set that cannot render (invalid Liquid or an unknown variable). Run the checker before approval.</summary>
public sealed class NoticeTemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NoticeTemplateException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NoticeTemplateException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public NoticeTemplateException(string message)
        : base(message)
    {
    }
}
