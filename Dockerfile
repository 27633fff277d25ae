# syntax=docker/dockerfile:1
# Container images of Matcher, built from the repository root:
#   docker build -t matcher-portal .                  the portal: Blazor Server admin, public pages, REST API (default)
#   docker build -t matcher-cli --target cli .        the matcher tool, for batch and cohort jobs (k8s/cohort)
# Both run as the non-root `app` user (uid 1654) on Ubuntu chiseled images: no shell, no package manager. The
# "extra" flavour carries ICU and tzdata, which the Spanish messages and "today in Lima" need.
# Nothing secret is copied or baked in: settings come from the environment at run time (docs/operations.md).

ARG DOTNET_VERSION=10.0

# ---- build: one SDK stage, restored and published per target architecture ----------------------------------------
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS source
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /source
COPY --link . .

FROM source AS build-portal
ARG TARGETARCH
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/Matcher.Portal/Matcher.Portal.csproj -c Release -a "$TARGETARCH" -o /app \
      -p:EnableSourceControlManagerQueries=false \
 && dotnet publish tools/Matcher.HealthProbe/Matcher.HealthProbe.csproj -c Release -a "$TARGETARCH" -o /probe \
      -p:EnableSourceControlManagerQueries=false \
 && mkdir -p /empty/data

FROM source AS build-cli
ARG TARGETARCH
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish samples/Matcher.Cli/Matcher.Cli.csproj -c Release -a "$TARGETARCH" -o /app \
      -p:EnableSourceControlManagerQueries=false

# ---- cli: `docker run matcher-cli match --students /in/students.jsonl --out /out/reports.jsonl --shard 0/4` ------------
FROM mcr.microsoft.com/dotnet/runtime:${DOTNET_VERSION}-noble-chiseled-extra AS cli
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="matcher" \
      org.opencontainers.image.description="The matcher command-line tool: scholarship matching for Peruvian students, single or in streamed batches." \
      org.opencontainers.image.source="https://github.com/peru-scholarship-matcher/matcher" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
WORKDIR /app
COPY --link --from=build-cli /app .
USER 1654
ENTRYPOINT ["/app/matcher"]
CMD ["--help"]

# ---- portal (default target) ------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble-chiseled-extra AS portal
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="matcher-portal" \
      org.opencontainers.image.description="Matcher portal and REST API: scholarship matching for Peruvian students." \
      org.opencontainers.image.source="https://github.com/peru-scholarship-matcher/matcher" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_gcServer=1
WORKDIR /app
COPY --link --from=build-portal /app .
COPY --link --from=build-portal /probe /probe
# The SQLite folder (MATCHER_DB="Data Source=/data/matcher.db"), owned by the app user so that a fresh Docker volume
# mounted there is writable; on Kubernetes the volume's fsGroup does the same.
COPY --link --chown=1654:1654 --from=build-portal /empty/data /data
USER 1654
EXPOSE 8080
# Kubernetes uses its own probes (k8s/base/deployment.yaml); this one is for plain `docker run` and compose.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["/probe/Matcher.HealthProbe", "http://127.0.0.1:8080/health/live", "3"]
ENTRYPOINT ["/app/Matcher.Portal"]
