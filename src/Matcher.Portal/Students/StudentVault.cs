using System.Security.Cryptography;
using System.Text;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Students;

/// <summary>
/// Encrypts student profiles at rest with ASP.NET Core Data Protection (the key ring lives in the database and is shared
/// by every replica) and hashes DNIs with HMAC-SHA256 under a host secret, so that a DNI can be looked up but never read.
/// </summary>
internal sealed class StudentVault(IDataProtectionProvider protection, IDbContextFactory<MatcherDbContext> databases) : IDisposable
{
    private const string DniKeyName = "dni-hmac-key";
    private readonly IDataProtector _profiles = protection.CreateProtector("Matcher.Portal.Students.Profile.v1");
    private readonly IDataProtector _secrets = protection.CreateProtector("Matcher.Portal.Secrets.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _dniKey;

    public void Dispose() => _gate.Dispose();

    public string Protect(string profileJson) => _profiles.Protect(profileJson);

    public string Unprotect(string ciphertext) => _profiles.Unprotect(ciphertext);

    /// <summary>Eight digits, as RENIEC issues them; anything else is not a DNI.</summary>
    public static bool IsValidDni(string? dni) => dni is { Length: 8 } && dni.All(char.IsAsciiDigit);

    public async Task<string> HashDniAsync(string dni, CancellationToken cancellationToken)
    {
        var key = await DniKeyAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(dni)));
    }

    /// <summary>The keyed hash of a student's access code (normalized by <see cref="AccessCode.Normalize"/>).</summary>
    public async Task<string> HashAccessCodeAsync(string normalizedCode, CancellationToken cancellationToken)
    {
        var key = await DniKeyAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("access-code:" + normalizedCode)));
    }

    /// <summary>Creates the DNI key on first start (called by the initializer before any request).</summary>
    public async Task EnsureKeyAsync(CancellationToken cancellationToken) => _ = await DniKeyAsync(cancellationToken).ConfigureAwait(false);

    private async Task<byte[]> DniKeyAsync(CancellationToken cancellationToken)
    {
        if (_dniKey is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_dniKey is { } again)
            {
                return again;
            }

            await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await db.Secrets.FindAsync([DniKeyName], cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                var fresh = RandomNumberGenerator.GetBytes(32);
                db.Secrets.Add(new PortalSecret { Name = DniKeyName, ProtectedValue = _secrets.Protect(Convert.ToBase64String(fresh)) });
                try
                {
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException)
                {
                    // Another replica created it first: use theirs.
                    db.ChangeTracker.Clear();
                    row = await db.Secrets.AsNoTracking().SingleAsync(s => s.Name == DniKeyName, cancellationToken).ConfigureAwait(false);
                }

                if (row is null)
                {
                    return _dniKey = fresh;
                }
            }

            return _dniKey = Convert.FromBase64String(_secrets.Unprotect(row.ProtectedValue));
        }
        finally
        {
            _gate.Release();
        }
    }
}
