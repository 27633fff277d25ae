// Validates every object of rendered Kubernetes manifests, offline, in two passes:
//  1. against the API's JSON schemas: each document's apiVersion/kind selects its model (kubernetes-models for the
//     built-in API groups, @kubernetes-models/prometheus-operator for ServiceMonitor), which checks types, enums and
//     required fields but lets unknown fields through;
//  2. for unknown fields (a misspelt `readOnlyRootFileSystem` would otherwise pass silently): every key is looked up in
//     the generated API models of @kubernetes/client-node (the OpenAPI spec of the release it names), recursively.
//     Custom resources have no such model and get pass 1 only.
// An object of a kind with no model is an error, never skipped. Exit code 0 only when every object is valid.
//   node validate.mjs FILE.yaml [FILE.yaml ...]
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

// The generated models are imported one file at a time: the package's entry point loads its HTTP client too.
const clientModels = "@kubernetes/client-node/dist/gen/models";
const opaque = new Set(["string", "number", "boolean", "Date", "any", "object", "IntOrString"]);
const classes = new Map();

async function clientModel(name) {
  if (!classes.has(name)) {
    let model;
    try {
      model = (await import(`${clientModels}/${name}.js`))[name];
    } catch {
      model = undefined;
    }
    classes.set(name, model);
  }
  return classes.get(name);
}

function rootModelName(apiVersion, kind) {
  const version = apiVersion.split("/").pop();
  return `V${version.slice(1)}${kind}`;
}

async function unknownFields(value, type, path, found) {
  if (value === null || value === undefined || opaque.has(type)) return;
  let match;
  if ((match = /^Array<(.+)>$/.exec(type))) {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) await unknownFields(item, match[1], `${path}[${i}]`, found);
    }
    return;
  }
  if ((match = /^\{ \[key: string\]: (.+); \}$/.exec(type))) {
    if (typeof value === "object") {
      for (const [key, item] of Object.entries(value)) await unknownFields(item, match[1], `${path}.${key}`, found);
    }
    return;
  }
  const model = await clientModel(type);
  if (model === undefined || typeof value !== "object" || Array.isArray(value)) return; // types are pass 1's job
  const fields = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, item] of Object.entries(value)) {
    if (fields.has(key)) await unknownFields(item, fields.get(key), `${path}.${key}`, found);
    else found.push(`${path}.${key}`);
  }
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

    const group = object.apiVersion.includes("/") ? object.apiVersion.split("/")[0] : "";
    if (group in crdPackages) continue;
    const rootModel = rootModelName(object.apiVersion, object.kind);
    if ((await clientModel(rootModel)) === undefined) {
      console.error(`${where} (${name}): no API model ${rootModel} to check its fields against`);
      failures++;
      continue;
    }
    const unknown = [];
    await unknownFields(object, rootModel, "", unknown);
    if (unknown.length > 0) {
      console.error(`${where} (${name}): unknown field(s) ${unknown.map((p) => p.slice(1)).join(", ")}`);
      failures++;
    }
  }
}

if (failures > 0) {
  console.error(`${failures} invalid object(s) or document(s).`);
  process.exit(1);
}
console.log(`${objects} object(s) in ${files.length} file(s) valid.`);
