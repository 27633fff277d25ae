#!/usr/bin/env bash
# Offline validation of the Kubernetes manifests: render every kustomization under k8s/ with `kubectl kustomize`,
# lint the sources and the rendered output with yamllint, and validate every rendered object against the API schemas.
#   tools/k8s/check.sh [OUTPUT_DIR]     (default: artifacts/k8s)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/artifacts/k8s}"
mkdir -p "$out"

for tool in kubectl yamllint node npm; do
  command -v "$tool" > /dev/null || { echo "tools/k8s/check.sh: '$tool' is required and was not found on PATH" >&2; exit 2; }
done

(cd "$root/tools/k8s" && npm ci --no-audit --no-fund --loglevel=error)

rendered=()
while IFS= read -r kustomization; do
  dir="$(dirname "$kustomization")"
  rel="${dir#"$root"/k8s/}"
  [ "$dir" = "$root/k8s" ] && rel=root
  file="$out/${rel//\//-}.yaml"
  kubectl kustomize "$dir" > "$file"
  rendered+=("$file")
  echo "rendered k8s/$rel -> ${file#"$root"/}"
done < <(find "$root/k8s" -name kustomization.yaml | sort)

yamllint --strict -c "$root/tools/k8s/yamllint.yaml" "$root/k8s"
# Rendered output embeds the dashboard JSON in a ConfigMap: long lines there are not ours to wrap.
yamllint --strict -d "{extends: $root/tools/k8s/yamllint.yaml, rules: {line-length: disable}}" "${rendered[@]}"
echo "yamllint: ok"
node -e 'for (const f of process.argv.slice(1)) JSON.parse(require("fs").readFileSync(f, "utf8"))' "$root"/k8s/monitoring/dashboards/*.json
echo "dashboards: valid JSON"
node "$root/tools/k8s/validate.mjs" "${rendered[@]}"
