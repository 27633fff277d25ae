namespace Matcher.Portal.BrowserTests;

/// <summary>
/// One host and one browser for every browser test class: test classes in this collection run one after the other,
/// since two <c>WebApplicationFactory</c> hosts of the same program must not start at the same time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PortalHost : ICollectionFixture<PortalBrowser>
{
    public const string Name = "portal";
}
