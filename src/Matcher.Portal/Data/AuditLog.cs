using Matcher.Portal.Data.Entities;

namespace Matcher.Portal.Data;

/// <summary>Adds audit rows to the same unit of work as the change they describe, so both commit or neither does.</summary>
internal static class AuditLog
{
    public static void Add(MatcherDbContext db, TimeProvider time, string actor, string action, string entityType, string entityId, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Detail = detail,
        });
}
