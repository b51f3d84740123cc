namespace Notifications.Domain.Breach;

/// <summary>How the breach happened. Theft and cyberattack generally raise the risk of misuse.</summary>
public enum BreachCause
{
    /// <summary>An email went to the wrong recipient or recipients.</summary>
    MisdirectedEmail,

    /// <summary>A letter or parcel went to the wrong address.</summary>
    MisdirectedMail,

    /// <summary>Records or a device were lost.</summary>
    Loss,

    /// <summary>Records or a device were stolen.</summary>
    Theft,

    /// <summary>Someone looked at records they were not authorized to see.</summary>
    UnauthorizedAccess,

    /// <summary>Records were used for a purpose they were not collected for.</summary>
    UnauthorizedUse,

    /// <summary>A system was compromised (intrusion, ransomware, exfiltration).</summary>
    Cyberattack,

    /// <summary>Anything else; describe it in the incident narrative.</summary>
    Other,
}
