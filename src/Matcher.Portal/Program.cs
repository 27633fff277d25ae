using Matcher.Portal.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddMatcherPortal();

var app = builder.Build();
app.UseMatcherPortal();
app.MapMatcherPortal();
await app.InitializeMatcherPortalAsync();
await app.RunAsync();

/// <summary>The host's entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
