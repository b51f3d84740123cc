using Notifications.Domain.Containment;

namespace Notifications.Domain.Incidents;

public sealed partial class IncidentDecider
{
    private void CompleteTask(DecisionBuilder d, ContainmentTaskCompleted c)
    {
        var task = d.State.Task(c.TaskId);
        Require(task is not null, $"No containment task '{c.TaskId}'.");
        if (task!.Done)
        {
            return;
        }

        d.Add(c);
        AfterTaskDone(d, c.EventId);
    }

    private static void RegisterWrongRecipients(DecisionBuilder d, WrongRecipientsRegistered w)
    {
        var task = d.State.Task(w.TaskId);
        Require(task is not null, $"No containment task '{w.TaskId}'.");
        Require(task!.Task.Kind == ContainmentTaskKind.DeletionConfirmation, "Only a deletion-confirmation task takes wrong recipients.");
        Require(!task.Done, "The task is already done.");
        Require(w.Recipients.Count > 0 && w.Recipients.All(r => task.Recipients.All(x => x.RecipientId != r.RecipientId)),
            "Recipient ids must be new.");
        d.Add(w);
        d.Command(new SendDeletionRequests($"send-deletion-requests:{w.EventId}", w.TaskId));
    }

    /// <summary>A one-time link was used. When every wrong recipient of the task has confirmed, the task is done.</summary>
    private void ConfirmDeletion(DecisionBuilder d, DeletionConfirmed c)
    {
        var task = d.State.Task(c.TaskId);
        Require(task is not null && task.Recipients.Any(r => r.RecipientId == c.RecipientId), "The link does not match a wrong recipient.");
        if (task!.Confirmed.Contains(c.RecipientId))
        {
            return;
        }

        d.Add(c);
        if (d.State.Status != IncidentStatus.Closed && d.State.Task(c.TaskId) is { AllConfirmed: true, Done: false } done)
        {
            d.Add(new ContainmentTaskCompleted(c.TaskId, $"All {done.Recipients.Count} wrong recipient(s) confirmed deletion.") { EventId = $"{c.EventId}:task-done" });
            AfterTaskDone(d, c.EventId);
        }
    }

    /// <summary>When the last task is done the breach counts as contained, which feeds the assessment again.</summary>
    private void AfterTaskDone(DecisionBuilder d, string idBase)
    {
        var s = d.State;
        if (s.ContainedAt is null && s.Tasks.Count > 0 && s.Tasks.All(t => t.Done))
        {
            var confirmed = s.Tasks.Any(t => t.Task.Kind == ContainmentTaskKind.DeletionConfirmation && t.AllConfirmed);
            d.Add(new ContainmentAchieved(confirmed) { EventId = $"{idBase}:contained" });
            Assess(d);
        }

        Redraft(d, idBase);
    }
}
