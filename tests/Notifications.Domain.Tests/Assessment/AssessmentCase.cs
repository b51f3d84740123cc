using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Tests.Assessment;

/// <summary>One row of an assessment table: facts and the expected proposal. Named for the test explorer.</summary>
public sealed record AssessmentCase(
    string Name,
    BreachFacts Facts,
    bool Significant,
    HarmLevel Level,
    Urgency Urgency,
    params string[] Reasons)
{
    public override string ToString() => Name;

    /// <summary>Assesses under the pack and checks the decision, level, urgency and reason codes in order.</summary>
    public AssessmentProposal AssertUnder(PolicyPack pack)
    {
        var proposal = HarmAssessor.Assess(Facts, pack, BreachFactsBuilder.Now);
        var actual = (proposal.SignificantHarm, proposal.Level, proposal.Urgency, string.Join(",", proposal.Reasons.Select(r => r.Factor)));
        Assert.Equal((Significant, Level, Urgency, string.Join(",", Reasons)), actual);
        return proposal;
    }
}
