namespace Docket.Domain.Events;

/// <summary>
/// Marks a text field that may run over several lines (an address, a stated reason): it may
/// hold line feeds and tabs. Every other text field is one line. No text field holds any other
/// control character (U+0000–U+001F, U+007F–U+009F): PostgreSQL refuses NUL where SQLite keeps
/// it, and both databases must hold the same facts. A carriage return is refused too, so that a
/// line break has one spelling, and one address one payload and one hash.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class FreeTextAttribute : Attribute;
