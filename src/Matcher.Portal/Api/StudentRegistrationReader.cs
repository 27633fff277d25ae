using System.Globalization;
using System.Text.Json;
using Matcher.Portal.Students;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Portal.Api;

/// <summary>Reads a registration strictly: unknown fields and wrong types are errors with their paths.</summary>
internal static class StudentRegistrationReader
{
    public static ((StudentProfile Profile, string? Dni, bool Consent, bool Guardian, string? TextVersion)? Registration, IResult? Problem) Read(byte[] body, CultureInfo culture, bool consentRequired = true)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return (null, ApiProblems.Field("$", "El texto no es JSON válido.", "The text is not valid JSON.", culture));
        }

        using (doc)
        {
            try
            {
                return Read(doc.RootElement, culture, consentRequired);
            }
            catch (InvalidOperationException)
            {
                // A name or a string is not valid UTF-8, or holds an escaped lone surrogate ("\ud800").
                return (null, ApiProblems.Field("$", "El texto no es UTF-8 válido o tiene un carácter incompleto.", "The text is not valid UTF-8 or has an incomplete character.", culture));
            }
        }
    }

    private static ((StudentProfile Profile, string? Dni, bool Consent, bool Guardian, string? TextVersion)? Registration, IResult? Problem) Read(JsonElement root, CultureInfo culture, bool consentRequired)
    {
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiProblems.Field("$", "Se esperaba un objeto.", "An object was expected.", culture));
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("profile" or "dni") && (property.Name != "consent" || !consentRequired))
                {
                    return (null, ApiProblems.Field("$." + property.Name, "Campo desconocido.", "Unknown field.", culture));
                }
            }

            if (!root.TryGetProperty("profile", out var profileElement))
            {
                return (null, ApiProblems.Field("$.profile", "Falta el perfil.", "The profile is missing.", culture));
            }

            if (!StudentProfileJson.TryRead(profileElement, out var profile, out var errors))
            {
                return (null, ApiProblems.Invalid(errors, culture, "$.profile"));
            }

            string? dni = null;
            if (root.TryGetProperty("dni", out var dniElement) && dniElement.ValueKind != JsonValueKind.Null)
            {
                dni = dniElement.ValueKind == JsonValueKind.String ? dniElement.GetString() : null;
                if (!StudentVault.IsValidDni(dni))
                {
                    return (null, ApiProblems.Field("$.dni", "El DNI tiene 8 dígitos.", "A DNI has 8 digits.", culture));
                }
            }

            if (!consentRequired)
            {
                return ((profile, dni, false, false, null), null);
            }

            if (!root.TryGetProperty("consent", out var consent) || consent.ValueKind != JsonValueKind.Object
                || !TryBool(consent, "given", out var given) || !TryBool(consent, "guardian", out var guardian)
                || consent.EnumerateObject().Any(p => p.Name is not ("given" or "guardian" or "textVersion")))
            {
                return (null, ApiProblems.Field("$.consent", "Indique { \"given\": true|false, \"guardian\": true|false }.", "Give { \"given\": true|false, \"guardian\": true|false }.", culture));
            }

            string? textVersion = null;
            if (consent.TryGetProperty("textVersion", out var version) && version.ValueKind != JsonValueKind.Null)
            {
                if (version.ValueKind != JsonValueKind.String || version.GetString() is not { Length: > 0 and <= 32 } text)
                {
                    return (null, ApiProblems.Field("$.consent.textVersion", "La versión del texto de consentimiento es un texto corto.", "The consent text version is a short string.", culture));
                }

                textVersion = text;
            }

            return ((profile, dni, given, guardian, textVersion), null);
        }
    }

    private static bool TryBool(JsonElement element, string name, out bool value)
    {
        value = false;
        if (!element.TryGetProperty(name, out var p))
        {
            return name == "guardian";
        }

        if (p.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        value = p.GetBoolean();
        return true;
    }
}
