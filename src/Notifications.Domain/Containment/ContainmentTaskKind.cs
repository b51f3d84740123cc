namespace Notifications.Domain.Containment;

/// <summary>How a containment task is carried out.</summary>
public enum ContainmentTaskKind
{
    /// <summary>Someone does it and marks it done.</summary>
    Manual,

    /// <summary>Each wrong recipient is asked to delete the information and confirms through a link (see <see cref="DeletionRequestEmail"/>).</summary>
    DeletionConfirmation,
}
