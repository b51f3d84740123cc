namespace Notifications.Domain.Reports;

/// <summary>
/// The report cannot be written because a notice element the pack requires for the Commissioner cannot be produced
/// (e.g. no contact person, no description). <see cref="MissingElements"/> lists the element codes.
/// </summary>
public sealed class CommissionerReportException : Exception
{
    /// <summary>Creates the exception for the elements that cannot be produced.</summary>
    public CommissionerReportException(IReadOnlyList<string> missingElements, string message)
        : base(message) => MissingElements = missingElements;

    /// <summary>The codes of the required elements that cannot be produced.</summary>
    public IReadOnlyList<string> MissingElements { get; }
}
