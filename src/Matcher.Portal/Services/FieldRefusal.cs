namespace Matcher.Portal.Services;

/// <summary>
/// Why a change shared by the API and the pages was refused: the field it is about and the reason in Spanish and
/// English. The API answers it as a validation problem (<c>ApiProblems.Field</c>), a page shows the text.
/// </summary>
/// <param name="Field">The request's field or JSON path (<c>consent.given</c>, <c>$</c>, <c>kind</c>).</param>
/// <param name="Es">The reason in Spanish.</param>
/// <param name="En">The reason in English.</param>
internal sealed record FieldRefusal(string Field, string Es, string En)
{
    /// <summary>The thing the change is about does not exist (the API answers 404).</summary>
    public static readonly FieldRefusal NotFound = new("id", "No existe.", "Not found.");

    /// <summary>The reason in the current UI culture.</summary>
    public string Text => Localization.PortalText.T(Es, En);
}
