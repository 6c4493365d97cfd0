namespace Docket.Web.Language;

/// <summary>
/// The resource set of the words Docket says to a person in their language (PlainText.resx and
/// one PlainText.{culture}.resx per other language). This type only names it for IStringLocalizer.
/// </summary>
public sealed class PlainText;
