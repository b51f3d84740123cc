namespace Notifications.Domain.Breach;

/// <summary>What is known about who received the information, relative to the affected individuals.</summary>
public enum RecipientRelationship
{
    /// <summary>Staff of the same public body under the same confidentiality duty (lowers the risk).</summary>
    SameBodyConfidentialityDuty,

    /// <summary>People with no known relationship to the affected individuals.</summary>
    UnrelatedIndividuals,

    /// <summary>Someone in an adverse or hostile relationship with the affected individual (raises the risk).</summary>
    AdverseOrHostile,

    /// <summary>There is evidence the recipient means to misuse the information (raises the risk most).</summary>
    KnownMaliciousIntent,

    /// <summary>The information was exposed to the public.</summary>
    Public,
}
