using System.Net;
using Matcher.Portal.Options;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace Matcher.Portal.Security;

/// <summary>
/// The response headers every answer carries (OWASP ASVS 5.0 3.4.x): a Content Security Policy that Blazor Server and
/// Radzen accept, no framing, no sniffing, no referrer, a closed Permissions-Policy, and HSTS on HTTPS only.
/// </summary>
internal static class SecurityHeaders
{
    private const string ApiReference = "api-reference";
    private const string PortalHttps = "portal-https";
    private const string ApiReferenceHttps = "api-reference-https";

    /// <summary>A year, as the HSTS preload list asks for.</summary>
    private const int HstsSeconds = 365 * 24 * 60 * 60;

    public static IServiceCollection AddMatcherSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(b => b
            .SetDefaultPolicy(Portal(https: false))
            .AddPolicy(PortalHttps, Portal(https: true))
            .AddPolicy(ApiReference, Scalar(https: false))
            .AddPolicy(ApiReferenceHttps, Scalar(https: true))
            .SetPolicySelector(Select));

    /// <summary>
    /// Trusts <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> when <see cref="PortalOptions.ForwardedHeaders"/> is
    /// on (the host runs behind an ingress that terminates TLS), so that HSTS and secure cookies follow the client's
    /// scheme and rate limits the client's address.
    /// </summary>
    public static WebApplication UseMatcherForwardedHeaders(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.ForwardedHeaders)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };

        // The pod is reachable only through the ingress (k8s/base/networkpolicy.yaml), whose address is not fixed.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        app.UseForwardedHeaders(options);
        return app;
    }

    private static IReadOnlyHeaderPolicyCollection Select(PolicySelectorContext context)
    {
        var request = context.HttpContext.Request;
        var https = request.IsHttps && !IsLoopback(request.Host.Host);
        var scalar = request.Path.StartsWithSegments("/scalar", StringComparison.Ordinal);
        return (scalar, https) switch
        {
            (false, false) => context.DefaultPolicy,
            (false, true) => context.ConfiguredPolicies[PortalHttps],
            (true, false) => context.ConfiguredPolicies[ApiReference],
            (true, true) => context.ConfiguredPolicies[ApiReferenceHttps],
        };
    }

    /// <summary>HSTS is never sent to a loopback name: a developer's browser would pin it to HTTPS for a year.</summary>
    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static HeaderPolicyCollection Portal(bool https)
    {
        var policy = Common(https).AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddBaseUri().Self();
            csp.AddObjectSrc().None();
            csp.AddScriptSrc().Self();

            // Radzen components and Blazor's own DOM updates set style attributes; no inline script is allowed.
            csp.AddStyleSrc().Self().UnsafeInline();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self().Data();

            // The Blazor Server circuit: a WebSocket to the same origin ('self' covers ws: and wss: there).
            csp.AddConnectSrc().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
            if (https)
            {
                csp.AddUpgradeInsecureRequests();
            }
        });
        return policy;
    }

    /// <summary>The API reference page (Scalar) configures itself with an inline script; it holds no personal data.</summary>
    private static HeaderPolicyCollection Scalar(bool https) =>
        Common(https).AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddBaseUri().Self();
            csp.AddObjectSrc().None();
            csp.AddScriptSrc().Self().UnsafeInline();
            csp.AddStyleSrc().Self().UnsafeInline();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self().Data();
            csp.AddConnectSrc().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });

    private static HeaderPolicyCollection Common(bool https)
    {
        var policy = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyNoReferrer()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddCrossOriginResourcePolicy(b => b.SameOrigin())
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .RemoveServerHeader();
        if (https)
        {
            policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(HstsSeconds);
        }

        return policy;
    }
}
