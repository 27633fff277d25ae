using System.Globalization;
using System.Security.Cryptography;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Services;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Catalog;

/// <summary>
/// Stores an uploaded ranker model for the API (<c>POST /api/v1/models</c>) and the weights page alike: the kind and
/// name are checked, the file is loaded and must rank before it is kept, and the audit row commits with it. Activating
/// it is a separate step.
/// </summary>
internal sealed class ModelUploads(IDbContextFactory<MatcherDbContext> databases, ActiveMatcher rankers, TimeProvider time)
{
    /// <summary>The model kinds the host can rank with.</summary>
    public static readonly string[] Kinds = ["lightgbm", "keras"];

    /// <summary>The kind a file's name suggests: <c>.keras</c>/<c>.h5</c> are Keras, <c>.zip</c> (ML.NET) LightGBM.</summary>
    public static string? KindOf(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".KERAS" or ".H5" => "keras",
        ".ZIP" => "lightgbm",
        _ => null,
    };

    /// <summary>Checks the kind and name (before the file is read).</summary>
    public static FieldRefusal? CheckKindAndName(string? kind, string? name) =>
        kind is null || !Kinds.Contains(kind) ? new("kind", "Valores: lightgbm, keras.", "Values: lightgbm, keras.")
        : string.IsNullOrWhiteSpace(name) || name.Length > 200 ? new("name", "Dé un nombre de hasta 200 caracteres.", "Give a name of at most 200 characters.")
        : null;

    /// <summary>Validates and stores a model; the new version, or why it was refused.</summary>
    public async Task<(int? Version, FieldRefusal? Refusal)> UploadAsync(string? kind, string? name, byte[]? content, int maxBytes, string actor, CancellationToken cancellationToken)
    {
        if (CheckKindAndName(kind, name) is { } refusal)
        {
            return (null, refusal);
        }

        if (content is null || content.Length == 0 || content.Length > maxBytes)
        {
            return (null, new("$", $"Envíe el archivo del modelo (hasta {maxBytes} bytes).", $"Send the model file (at most {maxBytes} bytes)."));
        }

        try
        {
            rankers.Validate(kind!, content);
        }
#pragma warning disable CA1031 // Whatever is wrong with an uploaded file is the uploader's problem to fix: a refusal that says what.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (null, new("$", "El archivo no es un modelo utilizable: " + ex.Message, "The file is not a usable model: " + ex.Message));
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var version = (await db.RankerModels.MaxAsync(m => (int?)m.Version, cancellationToken).ConfigureAwait(false) ?? 0) + 1;
        db.RankerModels.Add(new RankerModel
        {
            Version = version, Kind = kind!, Name = name!, Content = content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            CreatedBy = actor, CreatedAt = time.GetUtcNow(),
        });
        AuditLog.Add(db, time, actor, "model.upload", "model", version.ToString(CultureInfo.InvariantCulture), kind);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (version, null);
    }
}
