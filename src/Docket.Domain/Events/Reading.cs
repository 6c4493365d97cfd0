namespace Docket.Domain.Events;

/// <summary>What the reader is reading, which decides how strict it is.</summary>
internal enum Reading
{
    /// <summary>
    /// A new fact (an HTTP body, an import line): every rule of the current vocabulary.
    /// </summary>
    NewFact,

    /// <summary>
    /// A payload already in the log, accepted under the rules of its day. Events are never
    /// rewritten, so rules added since (lists and flags written out, no control characters)
    /// are not applied: refusing them would make a recorded case unreadable. The structure
    /// (one value a key, text that is text) is checked as for a new fact.
    /// </summary>
    StoredFact,
}
