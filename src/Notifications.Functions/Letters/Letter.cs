namespace Notifications.Functions.Letters;

/// <summary>
/// One letter of the export: the person's name, language and stored postal address, the name the address block carries
/// (<see cref="AddressedTo"/>: the person's, or their guardian's, empty for a guardian the file does not name), and the
/// notice rendered and linted for them (the same text an email would carry).
/// </summary>
public sealed record Letter(string PersonId, string Language, string GivenName, string FamilyName, string Address, string Subject, string Body,
    string AddressedTo = "");

/// <summary>A letter the notice linter blocked: the person's line in the imported file and the finding code, nothing personal.</summary>
public sealed record BlockedLetter(long Line, string Code);

/// <summary>What a pass over the letter people found: how many letters were written and which were blocked.</summary>
public sealed class LetterTally
{
    private readonly List<BlockedLetter> _blocked = [];

    public int Letters { get; private set; }

    /// <summary>Letter people left out because their letter already came back undelivered.</summary>
    public int Returned { get; private set; }

    public IReadOnlyList<BlockedLetter> Blocked => _blocked;

    /// <summary>The blocked letters by finding code, for the history.</summary>
    public IReadOnlyDictionary<string, int> BlockedByCode =>
        _blocked.GroupBy(b => b.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    internal void Written() => Letters++;

    internal void Return() => Returned++;

    internal void Block(long line, string code) => _blocked.Add(new BlockedLetter(line, code));
}
