// Validates every object of rendered Kubernetes manifests against the API's JSON schemas, offline.
//   node validate.mjs FILE.yaml [FILE.yaml ...]
// Each document's apiVersion/kind selects its model class (kubernetes-models for the built-in API groups,
// @kubernetes-models/prometheus-operator for ServiceMonitor); an object of a kind with no model is an error, never
// skipped. Exit code 0 only when every object of every file is valid.
import { readFile } from "node:fs/promises";
import { parseAllDocuments } from "yaml";

const crdPackages = {
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const pkg = crdPackages[group] ?? "kubernetes-models";
  const path = group === "" ? `${pkg}/${version}` : `${pkg}/${group}/${version}`;
  let module;
  try {
    module = await import(path);
  } catch {
    return undefined;
  }
  return module[kind];
}

let failures = 0;
let objects = 0;
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs FILE.yaml [FILE.yaml ...]");
  process.exit(2);
}

for (const file of files) {
  const documents = parseAllDocuments(await readFile(file, "utf8"));
  for (const [index, document] of documents.entries()) {
    const where = `${file}: document ${index + 1}`;
    if (document.errors.length > 0) {
      for (const error of document.errors) console.error(`${where}: ${error.message}`);
      failures++;
      continue;
    }
    const object = document.toJS();
    if (object === null || object === undefined) continue;
    const name = `${object.kind ?? "?"}/${object.metadata?.name ?? "?"}`;
    if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
      console.error(`${where} (${name}): apiVersion and kind are required`);
      failures++;
      continue;
    }
    const Model = await modelFor(object.apiVersion, object.kind);
    if (typeof Model !== "function") {
      console.error(`${where} (${name}): no schema for ${object.apiVersion} ${object.kind}`);
      failures++;
      continue;
    }
    objects++;
    try {
      new Model(object).validate();
    } catch (error) {
      console.error(`${where} (${name}): ${error.message}`);
      for (const detail of error.errors ?? []) {
        console.error(`  ${detail.instancePath || "/"} ${detail.message ?? detail.keyword} ${JSON.stringify(detail.params ?? {})}`);
      }
      failures++;
    }
  }
}

if (failures > 0) {
  console.error(`${failures} invalid object(s) or document(s).`);
  process.exit(1);
}
console.log(`${objects} object(s) in ${files.length} file(s) valid.`);
