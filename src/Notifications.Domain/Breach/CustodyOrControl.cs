namespace Notifications.Domain.Breach;

/// <summary>How a public body holds the breached personal information.</summary>
public enum CustodyOrControl
{
    /// <summary>The body physically holds the records.</summary>
    Custody,

    /// <summary>The body has authority over records another party holds (e.g. a contractor).</summary>
    Control,

    /// <summary>Both custody and control.</summary>
    CustodyAndControl,
}
