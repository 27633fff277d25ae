using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Matcher.Deployment;

/// <summary>What operators and the cluster's admission rules rely on, checked on what <c>kubectl kustomize</c> renders.</summary>
public partial class ManifestInvariantsTests
{
    private const string Portal = "matcher-portal";

    public static TheoryData<string> AllKustomizations => new(Kubectl.Kustomizations);

    public static TheoryData<string> PortalOverlays => new("overlays/dev", "overlays/prod");

    [Fact]
    public void ManifestFolder_HasTheExpectedKustomizations()
    {
        Assert.Subset(
            Kubectl.Kustomizations.ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(["base", "overlays/dev", "overlays/prod", "cohort", "cohort/setup", "cohort/loader", "monitoring"], StringComparer.Ordinal));
    }

    [KubectlTheory]
    [MemberData(nameof(AllKustomizations))]
    public void EveryKustomization_RendersNamedObjectsOnce(string kustomization)
    {
        var objects = Kubectl.Render(kustomization);
        Assert.NotEmpty(objects);
        foreach (var o in objects)
        {
            Assert.False(string.IsNullOrEmpty((string?)o["apiVersion"]), $"{kustomization}: an object has no apiVersion");
            Assert.False(string.IsNullOrEmpty(o.Name()), $"{kustomization}: a {o.Kind()} has no name");
        }

        var duplicates = objects.GroupBy(o => $"{o.Kind()}/{(string?)o["metadata"]!["namespace"]}/{o.Name()}").Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [KubectlTheory]
    [MemberData(nameof(AllKustomizations))]
    public void EveryPod_RunsAsNonRootWithReadOnlyRootAndNoPrivileges(string kustomization)
    {
        foreach (var (owner, pod) in Kubectl.Render(kustomization).PodSpecs())
        {
            var where = $"{kustomization} {owner}";
            var security = pod["securityContext"] as JsonObject;
            Assert.True(security is not null, $"{where}: no pod securityContext");
            Assert.True((bool?)security["runAsNonRoot"] == true, $"{where}: runAsNonRoot is not true");
            Assert.True((long?)security["runAsUser"] is > 0, $"{where}: runAsUser must be a non-zero uid");
            Assert.Equal("RuntimeDefault", (string?)security["seccompProfile"]?["type"]);
            Assert.True((bool?)pod["automountServiceAccountToken"] == false, $"{where}: the service account token is mounted");
            foreach (var container in pod.Containers())
            {
                var c = $"{where} container {(string?)container["name"]}";
                var cs = container["securityContext"];
                Assert.True((bool?)cs?["readOnlyRootFilesystem"] == true, $"{c}: root filesystem is writable");
                Assert.True((bool?)cs?["allowPrivilegeEscalation"] == false, $"{c}: privilege escalation allowed");
                Assert.True((bool?)cs?["privileged"] != true, $"{c}: privileged");
                Assert.Contains("ALL", (cs?["capabilities"]?["drop"] as JsonArray ?? []).Select(n => (string?)n));
                Assert.True(cs?["capabilities"]?["add"] is null, $"{c}: adds capabilities");
            }
        }
    }

    [KubectlTheory]
    [MemberData(nameof(AllKustomizations))]
    public void EveryContainer_HasCpuAndMemoryRequestsAndLimits(string kustomization)
    {
        foreach (var (owner, pod) in Kubectl.Render(kustomization).PodSpecs())
        {
            foreach (var container in pod.Containers())
            {
                var c = $"{kustomization} {owner} container {(string?)container["name"]}";
                foreach (var section in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                    {
                        Assert.True(container["resources"]?[section]?[resource] is not null, $"{c}: no {section}.{resource}");
                    }
                }
            }
        }
    }

    [KubectlTheory]
    [MemberData(nameof(AllKustomizations))]
    public void NoKustomization_ShipsSecretsOrPutsThemInConfigMapsOrPlainEnv(string kustomization)
    {
        var objects = Kubectl.Render(kustomization);
        Assert.Empty(objects.OfKind("Secret"));
        foreach (var map in objects.OfKind("ConfigMap"))
        {
            foreach (var (key, value) in (map["data"] as JsonObject) ?? [])
            {
                Assert.False(SecretName().IsMatch(key), $"{kustomization} ConfigMap/{map.Name()}: '{key}' looks like a secret");
                Assert.False(SecretValue().IsMatch((string?)value ?? string.Empty), $"{kustomization} ConfigMap/{map.Name()}: the value of '{key}' holds a credential");
            }
        }

        foreach (var (owner, pod) in objects.PodSpecs())
        {
            foreach (var env in pod.Containers().SelectMany(c => (c["env"] as JsonArray ?? []).Cast<JsonObject>()))
            {
                var name = (string)env["name"]!;
                if (env["value"] is JsonNode literal)
                {
                    Assert.False(SecretName().IsMatch(name), $"{kustomization} {owner}: {name} is a literal; take it from a Secret");
                    Assert.False(SecretValue().IsMatch((string?)literal ?? string.Empty), $"{kustomization} {owner}: {name} holds a credential");
                }
            }
        }
    }

    [KubectlTheory]
    [MemberData(nameof(PortalOverlays))]
    public void Portal_ProbesTheHealthEndpointsOnPort8080(string overlay)
    {
        var deployment = Kubectl.Render(overlay).Single("Deployment", Portal);
        var container = deployment.PodSpec().Containers().Single();
        var port = (container["ports"] as JsonArray)!.Cast<JsonObject>().Single(p => (string?)p["name"] == "http");
        Assert.Equal(8080, (long)port["containerPort"]!);

        Assert.Equal("/health/live", (string?)container["startupProbe"]?["httpGet"]?["path"]);
        Assert.Equal("/health/live", (string?)container["livenessProbe"]?["httpGet"]?["path"]);
        Assert.Equal("/health/ready", (string?)container["readinessProbe"]?["httpGet"]?["path"]);
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            Assert.Equal("http", (string?)container[probe]!["httpGet"]!["port"]);
        }

        // Migrations run before the host listens: the startup probe must wait minutes, not seconds.
        var startup = container["startupProbe"]!;
        Assert.True((long)startup["periodSeconds"]! * (long)startup["failureThreshold"]! >= 120, "startupProbe allows less than 2 minutes");
    }

    [KubectlTheory]
    [MemberData(nameof(PortalOverlays))]
    public void Portal_KeepsBlazorCircuitsOnOnePod(string overlay)
    {
        var objects = Kubectl.Render(overlay);
        var service = objects.Single("Service", Portal);
        Assert.Equal("ClientIP", (string?)service["spec"]!["sessionAffinity"]);
        var podLabels = (JsonObject)objects.Single("Deployment", Portal)["spec"]!["template"]!["metadata"]!["labels"]!;
        Assert.True(Manifest.Selects((JsonObject)service["spec"]!["selector"]!, podLabels), "the Service does not select the portal pods");
        Assert.Equal("http", (string?)service["spec"]!["ports"]![0]!["targetPort"]);

        var ingress = objects.Single("Ingress", Portal);
        Assert.Equal("cookie", (string?)ingress["metadata"]!["annotations"]!["nginx.ingress.kubernetes.io/affinity"]);
        Assert.Equal(Portal, (string?)ingress["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!["name"]);
    }

    [KubectlTheory]
    [MemberData(nameof(PortalOverlays))]
    public void Portal_MetricsAreDeniedAtTheIngressOnEveryHost(string overlay)
    {
        var ingresses = Kubectl.Render(overlay).OfKind("Ingress").ToArray();
        var hosts = (ingresses.Single(i => i.Name() == Portal)["spec"]!["rules"] as JsonArray)!.Select(r => (string)r!["host"]!).ToArray();
        Assert.NotEmpty(hosts);
        foreach (var host in hosts)
        {
            var blocking = ingresses.Where(i =>
                (string?)i["metadata"]!["annotations"]?["nginx.ingress.kubernetes.io/denylist-source-range"] is { } denied
                && denied.Split(',').Contains("0.0.0.0/0")
                && (i["spec"]!["rules"] as JsonArray)!.Any(r => (string?)r!["host"] == host
                    && (r["http"]!["paths"] as JsonArray)!.Any(p => (string?)p!["path"] == "/metrics" && (string?)p["pathType"] == "Exact")));
            Assert.True(blocking.Any(), $"{overlay}: /metrics on {host} is reachable through the ingress");
        }
    }

    [KubectlFact]
    public void Prod_RunsAtLeastThreeReplicasAutoscaledThreeToTwentyWithADisruptionBudget()
    {
        var objects = Kubectl.Render("overlays/prod");
        var deployment = objects.Single("Deployment", Portal);
        Assert.Equal(0, (long)deployment["spec"]!["strategy"]!["rollingUpdate"]!["maxUnavailable"]!);

        // The autoscaler owns the replica count, and never goes below 3. A fixed spec.replicas would be re-imposed by
        // every `kubectl apply`, scaling a busy deployment down; if one is ever set, it must respect the floor too.
        Assert.True((long?)deployment["spec"]!["replicas"] is null or >= 3, "spec.replicas is set below 3");
        var hpa = Assert.Single(objects.OfKind("HorizontalPodAutoscaler"));
        Assert.Equal("autoscaling/v2", (string?)hpa["apiVersion"]);
        Assert.Equal(3, (long)hpa["spec"]!["minReplicas"]!);
        Assert.Equal(20, (long)hpa["spec"]!["maxReplicas"]!);
        Assert.Equal("Deployment", (string?)hpa["spec"]!["scaleTargetRef"]!["kind"]);
        Assert.Equal(Portal, (string?)hpa["spec"]!["scaleTargetRef"]!["name"]);

        var pdb = Assert.Single(objects.OfKind("PodDisruptionBudget"));
        var podLabels = (JsonObject)deployment["spec"]!["template"]!["metadata"]!["labels"]!;
        Assert.True(Manifest.Selects((JsonObject)pdb["spec"]!["selector"]!["matchLabels"]!, podLabels), "the PDB does not select the portal pods");
        // The budget must protect the service and still let a drain proceed one pod at a time.
        var spec = pdb["spec"]!;
        Assert.True(
            (long?)spec["maxUnavailable"] is >= 1 || (long?)spec["minAvailable"] is >= 1 and < 3,
            "the PDB must allow at least one voluntary disruption and keep at least one pod");
    }

    [KubectlFact]
    public void Prod_TakesEveryCredentialFromTheSecret()
    {
        var container = Kubectl.Render("overlays/prod").Single("Deployment", Portal).PodSpec().Containers().Single();
        foreach (var (name, key, optional) in new[] { ("MATCHER_DB", "database", false), ("MATCHER_ADMIN_PASSWORD", "admin-password", true), ("OPENAI_API_KEY", "openai-api-key", true) })
        {
            var env = container.Env(name);
            Assert.True(env is not null, $"{name} is not set");
            Assert.Null(env["value"]);
            var reference = env["valueFrom"]?["secretKeyRef"];
            Assert.Equal("matcher-secrets", (string?)reference?["name"]);
            Assert.Equal(key, (string?)reference?["key"]);
            Assert.Equal(optional, (bool?)reference?["optional"] ?? false);
        }

        var image = (string)container["image"]!;
        Assert.Matches(@":\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", image);
    }

    [KubectlFact]
    public void Dev_RunsOneReplicaOnSqliteOnAVolume()
    {
        var objects = Kubectl.Render("overlays/dev");
        var deployment = objects.Single("Deployment", Portal);
        Assert.Equal(1, (long)deployment["spec"]!["replicas"]!);
        Assert.Equal("Recreate", (string?)deployment["spec"]!["strategy"]!["type"]);
        Assert.Empty(objects.OfKind("HorizontalPodAutoscaler"));
        Assert.Empty(objects.OfKind("PodDisruptionBudget"));

        var pod = deployment.PodSpec();
        var container = pod.Containers().Single();
        var db = (string?)container.Env("MATCHER_DB")?["value"];
        Assert.NotNull(db);
        Assert.StartsWith("Data Source=/data/", db, StringComparison.Ordinal);
        Assert.Null(container.Env("MATCHER_DB")!["valueFrom"]);

        var mount = (container["volumeMounts"] as JsonArray)!.Cast<JsonObject>().Single(m => (string?)m["mountPath"] == "/data");
        var volume = (pod["volumes"] as JsonArray)!.Cast<JsonObject>().Single(v => (string?)v["name"] == (string?)mount["name"]);
        var claim = (string?)volume["persistentVolumeClaim"]?["claimName"];
        Assert.NotNull(claim);
        Assert.Contains(objects.OfKind("PersistentVolumeClaim"), pvc => pvc.Name() == claim);
    }

    [KubectlTheory]
    [MemberData(nameof(PortalOverlays))]
    public void Portal_NetworkPolicyDeniesByDefaultAndAdmitsOnlyPort8080(string overlay)
    {
        var objects = Kubectl.Render(overlay);
        var policy = objects.Single("NetworkPolicy", Portal);
        var podLabels = (JsonObject)objects.Single("Deployment", Portal)["spec"]!["template"]!["metadata"]!["labels"]!;
        Assert.True(Manifest.Selects((JsonObject)policy["spec"]!["podSelector"]!["matchLabels"]!, podLabels));
        Assert.Equal(["Ingress", "Egress"], (policy["spec"]!["policyTypes"] as JsonArray)!.Select(n => (string?)n));
        var ports = (policy["spec"]!["ingress"] as JsonArray)!.SelectMany(rule => (rule!["ports"] as JsonArray)!).Select(p => (long)p!["port"]!);
        Assert.All(ports, p => Assert.Equal(8080, p));
    }

    [KubectlFact]
    public void Monitoring_ScrapesThePortalServiceAndShipsTheDashboard()
    {
        var service = Kubectl.Render("overlays/prod").Single("Service", Portal);
        var monitoring = Kubectl.Render("monitoring");
        var monitor = monitoring.Single("ServiceMonitor", Portal);
        Assert.True(
            Manifest.Selects((JsonObject)monitor["spec"]!["selector"]!["matchLabels"]!, (JsonObject)service["metadata"]!["labels"]!),
            "the ServiceMonitor does not select the portal Service");
        var endpoint = monitor["spec"]!["endpoints"]![0]!;
        Assert.Equal("/metrics", (string?)endpoint["path"]);
        Assert.Contains((string?)endpoint["port"], (service["spec"]!["ports"] as JsonArray)!.Select(p => (string?)p!["name"]));

        var dashboardMap = monitoring.OfKind("ConfigMap").Single(m => (string?)m["metadata"]!["labels"]?["grafana_dashboard"] == "1");
        var dashboard = JsonNode.Parse((string)dashboardMap["data"]!["matcher.json"]!)!;
        Assert.Equal("matcher-overview", (string?)dashboard["uid"]);
        var expressions = (dashboard["panels"] as JsonArray)!
            .SelectMany(p => (p!["targets"] as JsonArray)!.Select(t => (string)t!["expr"]!))
            .ToArray();
        foreach (var metric in new[] { "http_request_duration_seconds_count", "http_request_duration_seconds_bucket", "matcher_match_duration_seconds", "matcher_catalog_info", "matcher_model_info" })
        {
            Assert.Contains(expressions, e => e.Contains(metric, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex("password|passwd|secret|token|api[_-]?key|credential", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(password|pwd)\s*=|\bsk-[A-Za-z0-9_-]{8,}|-----BEGIN", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretValue();
}
