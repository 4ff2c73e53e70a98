#!/usr/bin/env node
// Static validation of Guichet's Kubernetes manifests (run through deploy/validate.sh).
//
// Renders each overlay with `kubectl kustomize`, checks every document against the JSON schema of its
// apiVersion and kind, then checks what a schema cannot say (inline secrets, references to Secrets,
// ConfigMaps and ServiceAccounts, the Kafka topics against Topics.java, rules the API server applies).
// Exits non-zero on any error, on a document whose kind has no schema, and when the self-test (known
// mistakes that must be caught) is not caught. Where the schemas come from: README.md beside this file.
//
//   node validate.mjs [--overlay NAME]... [--no-self-test] [--verbose]   (--verbose: what caught each
//   mistake of the self-test)
// Environment: KUBECTL (default kubectl), MAVEN_REPO (default https://repo.maven.apache.org/maven2).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { unzipSync, strFromU8 } from 'fflate';
import YAML from 'yaml';
import { runSelfTest } from './selftest.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEPLOY = resolve(HERE, '..');
const ROOT = resolve(DEPLOY, '..');
const CACHE = join(HERE, '.cache');
const KUBECTL = process.env.KUBECTL || 'kubectl';
const MAVEN_REPO = (process.env.MAVEN_REPO || 'https://repo.maven.apache.org/maven2').replace(/\/$/, '');

// Schema sources on Maven Central, pinned by version and SHA-256.
const SOURCES = {
  kubernetes: {
    coordinates: 'io.fabric8:kubernetes-model-validator:7.5.2',
    path: 'io/fabric8/kubernetes-model-validator/7.5.2/kubernetes-model-validator-7.5.2.jar',
    sha256: 'e4985c73f379f9e06ccf071e3e6e95c9d4d3c77cf2f46ef8c16e47af12ac2e75',
    entry: 'openshift-generated.json',
  },
  strimzi: {
    coordinates: 'io.strimzi:api:0.51.0:tests',
    path: 'io/strimzi/api/0.51.0/api-0.51.0-tests.jar',
    sha256: 'b99f69303dc507ca505b74345d93f5260621bb084b8b79447f726e54b6e66a1d',
    // the v1 API only: Strimzi 0.49+ serves it, Strimzi 1.x serves nothing else
    entries: /^crds\/v1\/.*\.yaml$/,
    version: 'v1',
  },
};
// The Kubernetes definitions are one schema, which the others refer to (metadata: ObjectMeta).
const K8S = 'https://schemas.guichet.invalid/kubernetes.json';
const OBJECT_META = `${K8S}#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`;
const HAND_WRITTEN = ['schemas/cnpg-cluster-v1.hand-written.json', 'schemas/cnpg-database-v1.hand-written.json'];

// ---------------------------------------------------------------------------------------------------
// Schema sources

async function jar(source) {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, source.path.split('/').pop());
  const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');
  if (existsSync(file) && sha(readFileSync(file)) === source.sha256) {
    return unzipSync(new Uint8Array(readFileSync(file)));
  }
  const url = `${MAVEN_REPO}/${source.path}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (sha(bytes) !== source.sha256) throw new Error(`${url}: SHA-256 ${sha(bytes)}, expected ${source.sha256}`);
  writeFileSync(file, bytes);
  return unzipSync(new Uint8Array(bytes));
}

// Walks a schema, calling fix(node) on every sub-schema (objects only).
function walk(node, fix) {
  if (Array.isArray(node)) { node.forEach((n) => walk(n, fix)); return; }
  if (!node || typeof node !== 'object') return;
  fix(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' || key === 'const' || key === 'default' || key === 'example') continue;
    if (key === 'properties' || key === 'definitions' || key === 'patternProperties') {
      Object.values(value).forEach((v) => walk(v, fix));
    } else if (typeof value === 'object') {
      walk(value, fix);
    }
  }
}

// "Strict", as the strict variants of the Kubernetes JSON schemas: an object that lists its properties
// takes no other (a typo in a field name fails instead of being dropped by the API server), unless the
// schema says it keeps unknown fields.
function strict(node) {
  if (node.properties && node.additionalProperties === undefined
      && !node['x-kubernetes-preserve-unknown-fields'] && (node.type === undefined || node.type === 'object')) {
    node.additionalProperties = false;
  }
  if (node['x-kubernetes-int-or-string']) {
    delete node.type;
    node.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (node.nullable === true && typeof node.type === 'string') {
    node.type = [node.type, 'null'];
  }
}

function kubernetesSchemas(files) {
  const swagger = JSON.parse(strFromU8(files[SOURCES.kubernetes.entry]));
  const definitions = swagger.definitions;
  // types the OpenAPI document declares as strings but that YAML writes as numbers too
  definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] = { anyOf: [{ type: 'integer' }, { type: 'string' }] };
  definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'] = {
    anyOf: [{ type: 'number' }, { type: 'string', pattern: '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[KMGTPE]i|[mkMGTPE])?$' }],
  };
  walk(definitions, strict);
  walk(definitions, (node) => {
    if (typeof node.$ref === 'string') node.$ref = node.$ref.replace(/^#\/definitions\//, `${K8S}#/definitions/`);
  });
  const groups = { core: '', apps: 'apps', batch: 'batch', policy: 'policy', autoscaling: 'autoscaling',
    rbac: 'rbac.authorization.k8s.io', flowcontrol: 'flowcontrol.apiserver.k8s.io' };
  const kinds = {};
  for (const [name, def] of Object.entries(definitions)) {
    const p = def.properties || {};
    if (!(p.apiVersion && p.kind && p.metadata)) continue;
    let m = name.match(/^io\.k8s\.api\.([a-z0-9]+)\.(v\d+(?:(?:alpha|beta)\d+)?)\.([A-Za-z0-9]+)$/);
    if (m) {
      const group = m[1] in groups ? groups[m[1]] : `${m[1]}.k8s.io`;
      kinds[`${group ? `${group}/` : ''}${m[2]}/${m[3]}`] = `${K8S}#/definitions/${name}`;
      continue;
    }
    m = name.match(/^com\.coreos\.monitoring\.(v\d+(?:(?:alpha|beta)\d+)?)\.([A-Za-z0-9]+)$/);
    if (m) kinds[`monitoring.coreos.com/${m[1]}/${m[2]}`] = `${K8S}#/definitions/${name}`;
  }
  return { schema: { $id: K8S, definitions }, kinds };
}

function strimziSchemas(files) {
  const kinds = {};
  const notes = {};
  for (const [entry, bytes] of Object.entries(files)) {
    if (!SOURCES.strimzi.entries.test(entry)) continue;
    const crd = YAML.parse(strFromU8(bytes));
    for (const version of crd.spec.versions) {
      if (!version.served || version.name !== SOURCES.strimzi.version) continue;
      const schema = structuredClone(version.schema.openAPIV3Schema);
      walk(schema, strict);
      schema.properties.metadata = { $ref: OBJECT_META };
      const key = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
      kinds[key] = schema;
      if (version.deprecated) notes[key] = version.deprecationWarning || 'deprecated';
    }
  }
  if (!Object.keys(kinds).length) throw new Error(`${SOURCES.strimzi.coordinates}: no ${SOURCES.strimzi.version} CRD under ${SOURCES.strimzi.entries}`);
  return { kinds, notes };
}

function handWrittenSchemas() {
  const kinds = {};
  for (const file of HAND_WRITTEN) {
    const schema = JSON.parse(readFileSync(join(HERE, file), 'utf8'));
    schema.properties.metadata = { $ref: OBJECT_META };
    kinds[`${schema.properties.apiVersion.const}/${schema.properties.kind.const}`] = schema;
  }
  return kinds;
}

async function loadValidators() {
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  const int = (bits) => ({ type: 'number', validate: (n) => Number.isInteger(n) && Math.abs(n) <= 2 ** (bits - 1) });
  ajv.addFormat('int32', int(32));
  ajv.addFormat('int64', int(64));
  for (const f of ['double', 'float', 'int-or-string', 'quantity']) ajv.addFormat(f, true);
  const k8s = kubernetesSchemas(await jar(SOURCES.kubernetes));
  ajv.addSchema(k8s.schema);
  const strimzi = strimziSchemas(await jar(SOURCES.strimzi));
  const validators = {};
  for (const [key, ref] of Object.entries(k8s.kinds)) {
    validators[key] = { source: SOURCES.kubernetes.coordinates, ref };
  }
  for (const [key, schema] of Object.entries(strimzi.kinds)) {
    validators[key] = { source: SOURCES.strimzi.coordinates, schema, note: strimzi.notes[key] };
  }
  for (const [key, schema] of Object.entries(handWrittenSchemas())) {
    validators[key] = { source: 'hand-written (deploy/validate/schemas)', schema };
  }
  // compiled on first use: the Kubernetes definitions are many
  return (key) => {
    const v = validators[key];
    if (!v) return null;
    if (!v.validate) v.validate = ajv.compile(v.ref ? { $ref: v.ref } : v.schema);
    return v;
  };
}

// ---------------------------------------------------------------------------------------------------
// Rendering

function render(overlay) {
  const dir = join(DEPLOY, 'overlays', overlay);
  const run = spawnSync(KUBECTL, ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`${KUBECTL}: ${run.error.message}`);
  // today's kustomize warns that "bases" and "patchesStrategicMerge" are deprecated: they are kept on
  // purpose for the kustomize v2.0.3 of kubectl 1.20 (Debian's kubernetes-client)
  const stderr = run.stderr.split('\n').filter((l) => l.trim() && !/is deprecated/.test(l)).join('\n');
  if (run.status !== 0) throw new Error(`kubectl kustomize ${overlay} failed:\n${run.stderr}`);
  if (stderr) process.stderr.write(`${stderr}\n`);
  const docs = [];
  for (const doc of YAML.parseAllDocuments(run.stdout)) {
    if (doc.errors.length) throw new Error(`${overlay}: unreadable YAML: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value) docs.push(value);
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------------
// Checks

// Strimzi's older API versions (v1beta2, and v1beta1/v1alpha1 of KafkaTopic and KafkaUser) are
// deprecated since Strimzi 0.49 and removed in Strimzi 1.0: refused with a message that says what to write.
function strimziVersionError(doc) {
  const m = /^([a-z0-9.-]*\bstrimzi\.io)\/(\w+)$/.exec(String(doc.apiVersion || ''));
  if (!m || m[2] === SOURCES.strimzi.version) return null;
  return `apiVersion ${doc.apiVersion} is refused: deprecated since Strimzi 0.49, not served by Strimzi 1.x; `
    + `write ${m[1]}/${SOURCES.strimzi.version}, following its schema (crds/${SOURCES.strimzi.version}/ of `
    + `${SOURCES.strimzi.coordinates}; e.g. no strimzi.io/kraft or node-pools annotations, the nodes' replicas, `
    + 'storage and resources in the KafkaNodePool only)';
}

function schemaErrors(doc, validatorFor) {
  const key = `${doc.apiVersion}/${doc.kind}`;
  const refused = strimziVersionError(doc);
  if (refused) return { errors: [refused] };
  const v = validatorFor(key);
  if (!v) return { errors: [`no schema for ${key}`] };
  if (v.validate(doc)) return { errors: [], v };
  const errors = [];
  for (const e of v.validate.errors) {
    const at = e.instancePath || '/';
    if (e.keyword === 'additionalProperties') errors.push(`${at}: unknown field "${e.params.additionalProperty}"`);
    else if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue; // its branches are reported
    else errors.push(`${at}: ${e.message}${e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}`);
  }
  return { errors: [...new Set(errors)], v };
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);
function podSpecs(doc) {
  if (WORKLOADS.has(doc.kind)) return [doc.spec?.template?.spec].filter(Boolean);
  if (doc.kind === 'CronJob') return [doc.spec?.jobTemplate?.spec?.template?.spec].filter(Boolean);
  if (doc.kind === 'Pod') return [doc.spec].filter(Boolean);
  return [];
}
const containersOf = (pod) => [...(pod.initContainers || []), ...(pod.containers || [])];

// Names of values that are secrets: never written in a manifest (Secrets are created on the cluster).
const SECRET_NAME = /PASSWORD|PASSWD|SECRET|KEY|TOKEN|CREDENTIAL|SHA_IN|SHA_OUT/i;
// Names that match the pattern but hold no secret.
const NOT_SECRET = new Set(['GUICHET_DEV_TOKENS']);
const CREDENTIAL_IN_TEXT = /"(secret|password|client_secret|clientSecret|credentials?)"\s*:\s*"[^"]+"/;

function inlineSecrets(docs) {
  const errors = [];
  const secretish = (name, value) => SECRET_NAME.test(name) && !NOT_SECRET.has(name)
    && value !== undefined && value !== null && String(value) !== '';
  for (const doc of docs) {
    const id = `${doc.kind} ${doc.metadata?.name}`;
    if (doc.kind === 'Secret' && (Object.keys(doc.data || {}).length || Object.keys(doc.stringData || {}).length)) {
      errors.push(`${id}: a Secret with data in the manifests (create it on the cluster: deploy/README.md)`);
    }
    if (doc.kind === 'ConfigMap') {
      for (const [k, v] of Object.entries({ ...(doc.data || {}), ...(doc.binaryData || {}) })) {
        if (secretish(k, v)) errors.push(`${id}: ${k} has a value (a secret belongs in a Secret)`);
        if (typeof v === 'string' && CREDENTIAL_IN_TEXT.test(v)) errors.push(`${id}: ${k} holds a credential`);
      }
    }
    for (const pod of podSpecs(doc)) {
      for (const c of containersOf(pod)) {
        for (const env of c.env || []) {
          if (secretish(env.name, env.value)) errors.push(`${id}: container ${c.name}: env ${env.name} has an inline value`);
        }
      }
    }
  }
  return errors;
}

// Every Secret a manifest refers to must be documented in deploy/README.md (whose install steps create
// them); every ConfigMap and ServiceAccount a pod refers to must be rendered too.
function references(docs) {
  const errors = [];
  const readme = existsSync(join(DEPLOY, 'README.md')) ? readFileSync(join(DEPLOY, 'README.md'), 'utf8') : '';
  const rendered = (kind) => new Set(docs.filter((d) => d.kind === kind).map((d) => d.metadata.name));
  const configMaps = rendered('ConfigMap');
  const accounts = rendered('ServiceAccount');
  const secrets = new Map();
  const secret = (name, where) => { if (name) secrets.set(name, secrets.get(name) || where); };
  for (const doc of docs) {
    const id = `${doc.kind} ${doc.metadata?.name}`;
    for (const pod of podSpecs(doc)) {
      const account = pod.serviceAccountName || pod.serviceAccount;
      if (account && account !== 'default' && !accounts.has(account)) {
        errors.push(`${id}: serviceAccountName ${account}: no such ServiceAccount in the manifests`);
      }
      for (const vol of pod.volumes || []) {
        if (vol.secret) secret(vol.secret.secretName, id);
        if (vol.configMap && !vol.configMap.optional && !configMaps.has(vol.configMap.name)) {
          errors.push(`${id}: volume ${vol.name}: ConfigMap ${vol.configMap.name} is not in the manifests`);
        }
      }
      for (const c of containersOf(pod)) {
        for (const from of c.envFrom || []) {
          if (from.secretRef) secret(from.secretRef.name, id);
          if (from.configMapRef && !from.configMapRef.optional && !configMaps.has(from.configMapRef.name)) {
            errors.push(`${id}: envFrom ConfigMap ${from.configMapRef.name} is not in the manifests`);
          }
        }
        for (const env of c.env || []) {
          const ref = env.valueFrom || {};
          if (ref.secretKeyRef) secret(ref.secretKeyRef.name, id);
          if (ref.configMapKeyRef && !ref.configMapKeyRef.optional && !configMaps.has(ref.configMapKeyRef.name)) {
            errors.push(`${id}: env ${env.name}: ConfigMap ${ref.configMapKeyRef.name} is not in the manifests`);
          }
        }
      }
    }
    if (doc.kind === 'Ingress') for (const tls of doc.spec?.tls || []) secret(tls.secretName, id);
    if (doc.kind === 'Cluster' && doc.apiVersion?.startsWith('postgresql.cnpg.io/')) {
      secret(doc.spec?.bootstrap?.initdb?.secret?.name, id);
      secret(doc.spec?.superuserSecret?.name, id);
      for (const role of doc.spec?.managed?.roles || []) secret(role.passwordSecret?.name, id);
    }
  }
  for (const [name, where] of secrets) {
    if (!new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(readme)) {
      errors.push(`${where}: Secret ${name} is not documented in deploy/README.md`);
    }
  }
  return errors;
}

// The KafkaTopics are the topics of libs/events' Topics.java, and every topic a service's
// application.properties reads is one of them.
function topics(docs) {
  const errors = [];
  const java = readFileSync(join(ROOT, 'libs/events/src/main/java/org/guichet/events/Topics.java'), 'utf8');
  const expected = new Set([...java.matchAll(/static\s+final\s+String\s+\w+\s*=\s*"([^"]+)"/g)].map((m) => m[1]));
  const declared = new Set(docs.filter((d) => d.kind === 'KafkaTopic').map((d) => d.spec?.topicName || d.metadata.name));
  for (const t of expected) if (!declared.has(t)) errors.push(`topic ${t} (Topics.java) has no KafkaTopic`);
  for (const t of declared) if (!expected.has(t)) errors.push(`KafkaTopic ${t} is not in Topics.java`);
  for (const service of readdirSync(ROOT).filter((d) => d.endsWith('-service'))) {
    const file = join(ROOT, service, 'src/main/resources/application.properties');
    if (!existsSync(file)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/^mp\.messaging\.\w+\.[\w-]+\.topics?\s*=\s*(.+)$/gm)) {
      for (const t of m[1].split(',').map((s) => s.trim())) {
        if (!declared.has(t)) errors.push(`${service} uses topic ${t}, which has no KafkaTopic`);
      }
    }
  }
  return errors;
}

// The suite's services: the directories *-service with an application.properties, by application name.
function suiteServices() {
  const services = {};
  for (const dir of readdirSync(ROOT).filter((d) => d.endsWith('-service')).sort()) {
    const file = join(ROOT, dir, 'src/main/resources/application.properties');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const name = (text.match(/^quarkus\.application\.name\s*=\s*(\S+)/m) || [])[1] || dir;
    const consumes = new Set();
    const groups = new Set();
    for (const m of text.matchAll(/^mp\.messaging\.incoming\.[\w-]+\.topics?\s*=\s*(.+)$/gm)) {
      m[1].split(',').map((s) => s.trim()).filter(Boolean).forEach((topic) => consumes.add(topic));
    }
    for (const m of text.matchAll(/^mp\.messaging\.incoming\.[\w-]+\.group\.id\s*=\s*(\S+)$/gm)) groups.add(m[1]);
    // a service owns (publishes) the topics named after it: guichet.<billing|cart|...>.*
    services[name] = { consumes, groups, owns: `guichet.${name.replace(/-service$/, '')}.` };
  }
  return services;
}

// The staff desk (web/): a Quarkus application with no database and no Kafka, whose Deployment is written by hand
// (no Quarkus Kubernetes extension). Its name, and the services' addresses its application.properties defaults to
// 127.0.0.1 (${GUICHET_<SERVICE>_URL:http://127.0.0.1:...}), which a deployment must set.
function desk() {
  const file = join(ROOT, 'web/src/main/resources/application.properties');
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const name = (text.match(/^quarkus\.application\.name\s*=\s*(\S+)/m) || [])[1] || 'web';
  const addresses = [...text.matchAll(/^quarkus\.rest-client\.[\w-]+\.url\s*=\s*\$\{([A-Z0-9_]+):[^}]*\}/gm)].map((m) => m[1]);
  return { name, addresses };
}

// Guichet's own applications, the five services and the desk: the Deployments that run a guichet/ image (the
// services' generated by the Quarkus Kubernetes extension, the desk's written by hand).
const GUICHET_IMAGE = /^(docker\.io\/)?guichet\//;
const appDeployments = (docs) => docs.filter((d) => d.kind === 'Deployment'
  && (d.spec?.template?.spec?.containers || []).some((c) => GUICHET_IMAGE.test(c.image || '')));

// Every service and the desk is deployed whole: its Deployment runs its guichet/ image, with a Service, a
// ServiceAccount, a HorizontalPodAutoscaler, a PodDisruptionBudget and a NetworkPolicy of the same name.
function deployed(docs) {
  const errors = [];
  const apps = [...Object.keys(suiteServices()), desk()?.name].filter(Boolean);
  const has = (kind, name) => docs.some((d) => d.kind === kind && d.metadata?.name === name);
  const running = new Set(appDeployments(docs).map((d) => d.metadata.name));
  for (const name of apps) {
    if (!running.has(name)) { errors.push(`${name}: no Deployment running guichet/${name}`); continue; }
    for (const kind of ['Service', 'ServiceAccount', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy']) {
      if (!has(kind, name)) errors.push(`${name}: no ${kind} ${name}`);
    }
  }
  return errors;
}

function propertiesOf(text) {
  const props = [];
  for (const line of String(text).split('\n')) {
    const m = line.match(/^\s*([^#!\s][^=:\s]*)\s*[=:]\s*(.*)$/);
    if (m) props.push([m[1], m[2].trim()]);
  }
  return props;
}

// A properties file in a ConfigMap (the operator's institutions and régies) holds no secret: a setting whose
// name says secret is a ${VARIABLE} of the service's Secret, and that variable is documented in deploy/README.md.
const SECRET_PROPERTY = /(password|secret|secrets|secret-key|api-key|sha-in|sha-out|private-key|client-secret|jaas\.config)$/i;
function propertiesSecrets(docs) {
  const errors = [];
  const readme = existsSync(join(DEPLOY, 'README.md')) ? readFileSync(join(DEPLOY, 'README.md'), 'utf8') : '';
  for (const doc of docs.filter((d) => d.kind === 'ConfigMap')) {
    for (const [key, text] of Object.entries(doc.data || {})) {
      if (!key.endsWith('.properties')) continue;
      for (const [name, value] of propertiesOf(text)) {
        if (!SECRET_PROPERTY.test(name) || value === '') continue;
        const m = value.match(/^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/);
        if (!m) { errors.push(`ConfigMap ${doc.metadata.name}: ${key}: ${name} has a value (write \${VARIABLE} and put it in the service's Secret)`); continue; }
        if (!new RegExp(`\\b${m[1]}\\b`).test(readme)) errors.push(`ConfigMap ${doc.metadata.name}: ${key}: ${name}: \${${m[1]}} is not documented in deploy/README.md`);
      }
    }
  }
  return errors;
}

const envConfigMaps = (docs, container) => (container.envFrom || []).map((f) => f.configMapRef?.name).filter(Boolean)
  .map((n) => docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === n)).filter(Boolean);
const envOf = (docs, container) => Object.assign({}, ...envConfigMaps(docs, container).map((c) => c.data || {}),
  Object.fromEntries((container.env || []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value])));

// What a production installation of the services and the desk must say (the prod profile, real client addresses
// behind the ingress), and the operator's files named by QUARKUS_CONFIG_LOCATIONS are mounted read-only from a
// ConfigMap that has them. The services also: no development tokens, TLS to PostgreSQL and Kafka, no gateway's
// test endpoint. The desk also: its identity provider, its client secret from a Secret, Secure session cookies,
// https redirects after sign-in, and the services' addresses set.
function production(docs) {
  const errors = [];
  const services = suiteServices();
  const theDesk = desk();
  for (const d of appDeployments(docs)) {
    const id = `Deployment ${d.metadata.name}`;
    const pod = d.spec.template.spec;
    const c = pod.containers[0];
    const env = envOf(docs, c);
    const names = new Set([...Object.keys(env), ...(c.env || []).map((e) => e.name)]);
    if (env.QUARKUS_PROFILE && env.QUARKUS_PROFILE !== 'prod') errors.push(`${id}: QUARKUS_PROFILE=${env.QUARKUS_PROFILE} (production runs the prod profile)`);
    if (String(env.QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING) !== 'true' || !env.QUARKUS_HTTP_PROXY_TRUSTED_PROXIES) {
      errors.push(`${id}: QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true and QUARKUS_HTTP_PROXY_TRUSTED_PROXIES (the ingress controller's pods) are required: rate limits per real client`);
    }
    for (const location of String(env.QUARKUS_CONFIG_LOCATIONS || '').split(',').map((s) => s.trim()).filter(Boolean)) {
      const mount = (c.volumeMounts || []).find((m) => location.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
      const volume = mount && (pod.volumes || []).find((v) => v.name === mount.name);
      const file = location.slice((mount?.mountPath.replace(/\/$/, '') || '').length + 1);
      const map = volume?.configMap && docs.find((x) => x.kind === 'ConfigMap' && x.metadata.name === volume.configMap.name);
      if (!mount || !volume) errors.push(`${id}: QUARKUS_CONFIG_LOCATIONS names ${location}, which no volume mounts`);
      else if (!map || !(file in (map.data || {}))) errors.push(`${id}: ${location}: the volume ${volume.name} is not a ConfigMap of the manifests with the key ${file}`);
      else if (!mount.readOnly) errors.push(`${id}: ${location} is mounted writable (readOnly: true)`);
    }
    if (theDesk && d.metadata.name === theDesk.name) {
      if (!/^https?:\/\/[^/]+\/realms\/[^/]+$/.test(env.GUICHET_OIDC_URL || '')) errors.push(`${id}: GUICHET_OIDC_URL is ${env.GUICHET_OIDC_URL ?? '(unset)'}, expected the realm's address (Keycloak's Service)`);
      const fromSecret = (c.envFrom || []).some((f) => f.secretRef) || (c.env || []).some((e) => e.name === 'GUICHET_DESK_CLIENT_SECRET' && e.valueFrom?.secretKeyRef);
      if (!fromSecret) errors.push(`${id}: GUICHET_DESK_CLIENT_SECRET does not come from a Secret (envFrom secretRef web-secrets)`);
      if (String(env.QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE ?? 'true') !== 'true') errors.push(`${id}: QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE=${env.QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE}: session cookies over plain http (the demo's; ProductionGuard refuses it)`);
      if (String(env.QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME) !== 'true') errors.push(`${id}: QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME is not "true" (TLS ends at the ingress: the sign-in must return to https)`);
      for (const key of theDesk.addresses) {
        if (!env[key]) errors.push(`${id}: ${key} is not set (the packaged default is 127.0.0.1, the pod itself)`);
        else if (/\/\/(127\.0\.0\.1|localhost)\b/.test(env[key])) errors.push(`${id}: ${key}=${env[key]} names the pod itself`);
      }
      continue;
    }
    if (!(d.metadata.name in services)) continue;
    if (String(env.GUICHET_DEV_TOKENS) !== 'false') errors.push(`${id}: GUICHET_DEV_TOKENS is ${env.GUICHET_DEV_TOKENS ?? '(unset)'}, expected "false"`);
    for (const key of ['QUARKUS_DATASOURCE_REACTIVE_URL', 'QUARKUS_DATASOURCE_JDBC_URL']) {
      if (!/[?&]sslmode=(require|verify-ca|verify-full)\b/.test(env[key] || '')) errors.push(`${id}: ${key} does not require TLS (sslmode=verify-full)`);
    }
    if (!/^(SASL_SSL|SSL)$/.test(env.KAFKA_SECURITY_PROTOCOL || '')) errors.push(`${id}: KAFKA_SECURITY_PROTOCOL is ${env.KAFKA_SECURITY_PROTOCOL ?? '(unset)'}, expected SASL_SSL (or SSL with a client certificate)`);
    if (env.KAFKA_SECURITY_PROTOCOL === 'SASL_SSL' && !names.has('KAFKA_SASL_JAAS_CONFIG')) errors.push(`${id}: SASL_SSL without KAFKA_SASL_JAAS_CONFIG (the KafkaUser's Secret)`);
    for (const [key, value] of Object.entries(env)) {
      if (/^GUICHET_PAYMENT_SANDBOX_/.test(key)) errors.push(`${id}: ${key}: the sandbox gateway is never deployed`);
      if (/^GUICHET_PAYMENT_\w+_URL$/.test(key) && /sandbox|\/test\b|\.test\.|\.simu\./.test(String(value))) errors.push(`${id}: ${key}=${value}: a gateway's test endpoint`);
    }
  }
  return errors;
}

// The restricted Pod Security Standard, where the namespace enforces it: non-root, seccomp RuntimeDefault or
// Localhost, no privilege escalation, every capability dropped (NET_BIND_SERVICE alone may be added), no host
// namespaces, ports or paths, no privileged container. The services and the desk also run on a read-only root
// filesystem with an emptyDir at /tmp.
function podSecurity(docs) {
  const errors = [];
  const restricted = new Set(docs.filter((d) => d.kind === 'Namespace' && d.metadata?.labels?.['pod-security.kubernetes.io/enforce'] === 'restricted').map((d) => d.metadata.name));
  if (!restricted.size) errors.push('no Namespace enforces the restricted Pod Security Standard (pod-security.kubernetes.io/enforce: restricted)');
  const apps = new Set(appDeployments(docs));
  for (const doc of docs) {
    for (const pod of podSpecs(doc)) {
      const id = `${doc.kind} ${doc.metadata?.name}`;
      const psc = pod.securityContext || {};
      if (pod.hostNetwork || pod.hostPID || pod.hostIPC) errors.push(`${id}: host namespaces`);
      for (const v of pod.volumes || []) if (v.hostPath) errors.push(`${id}: hostPath volume ${v.name}`);
      for (const c of containersOf(pod)) {
        const sc = c.securityContext || {};
        const at = `${id}: container ${c.name}`;
        if (!(sc.runAsNonRoot ?? psc.runAsNonRoot)) errors.push(`${at}: runAsNonRoot is not true`);
        if ((sc.runAsUser ?? psc.runAsUser) === 0) errors.push(`${at}: runs as root (runAsUser 0)`);
        if (!['RuntimeDefault', 'Localhost'].includes((sc.seccompProfile ?? psc.seccompProfile)?.type)) errors.push(`${at}: seccompProfile is not RuntimeDefault`);
        if (sc.allowPrivilegeEscalation !== false) errors.push(`${at}: allowPrivilegeEscalation is not false`);
        if (sc.privileged) errors.push(`${at}: privileged`);
        if (!(sc.capabilities?.drop || []).includes('ALL')) errors.push(`${at}: capabilities.drop does not include ALL`);
        for (const cap of sc.capabilities?.add || []) if (cap !== 'NET_BIND_SERVICE') errors.push(`${at}: adds capability ${cap}`);
        for (const port of c.ports || []) if (port.hostPort) errors.push(`${at}: hostPort ${port.hostPort}`);
      }
      if (apps.has(doc)) {
        for (const c of pod.containers || []) {
          if (c.securityContext?.readOnlyRootFilesystem !== true) errors.push(`${id}: container ${c.name}: readOnlyRootFilesystem is not true`);
          const tmp = (c.volumeMounts || []).find((m) => m.mountPath === '/tmp');
          if (!tmp || !(pod.volumes || []).some((v) => v.name === tmp.name && v.emptyDir)) errors.push(`${id}: container ${c.name}: no emptyDir at /tmp (Quarkus writes its temporary files there)`);
        }
      }
    }
  }
  return errors;
}

// Kafka: no listener without TLS and authentication, ACLs enforced (authorization), and one KafkaUser per
// service whose ACLs are what the service does: Write on its own topics only (guichet.<service>.*), Read on
// exactly the topics of its incoming channels, Read on its consumer group; every topic named is declared.
function kafkaAccess(docs) {
  const errors = [];
  const services = suiteServices();
  const declared = new Set(docs.filter((d) => d.kind === 'KafkaTopic').map((d) => d.spec?.topicName || d.metadata.name));
  for (const k of docs.filter((d) => d.kind === 'Kafka')) {
    const id = `Kafka ${k.metadata.name}`;
    for (const l of k.spec?.kafka?.listeners || []) {
      if (!l.tls) errors.push(`${id}: listener ${l.name} is plain text (tls: false)`);
      if (!l.authentication?.type) errors.push(`${id}: listener ${l.name} authenticates no client`);
    }
    if (!k.spec?.kafka?.authorization?.type) errors.push(`${id}: no authorization (every authenticated user could do anything)`);
    if (!k.spec?.entityOperator?.userOperator) errors.push(`${id}: no user operator (the KafkaUsers would never be reconciled)`);
  }
  const users = new Map(docs.filter((d) => d.kind === 'KafkaUser').map((d) => [d.metadata.name, d]));
  for (const [name, svc] of Object.entries(services)) {
    const user = users.get(name);
    if (!user) { errors.push(`${name}: no KafkaUser ${name}`); continue; }
    const id = `KafkaUser ${name}`;
    if (!user.spec?.authentication?.type) errors.push(`${id}: no authentication`);
    const acls = user.spec?.authorization?.acls || [];
    const topicsWith = (op) => new Set(acls.filter((a) => a.resource?.type === 'topic' && (a.operations || []).some((o) => o === op || o === 'All'))
      .map((a) => (a.resource.patternType === 'prefix' ? `${a.resource.name}*` : a.resource.name)));
    for (const a of acls) if (a.resource?.name === '*' || (a.operations || []).includes('All')) errors.push(`${id}: a wildcard ACL (${a.resource?.type} ${a.resource?.name}: ${(a.operations || []).join(',')})`);
    for (const t of topicsWith('Write')) {
      if (!t.startsWith(svc.owns)) errors.push(`${id}: may write ${t}, which is not its service's (${svc.owns}*)`);
    }
    const reads = topicsWith('Read');
    for (const t of svc.consumes) if (!reads.has(t)) errors.push(`${id}: cannot read ${t}, which ${name} consumes`);
    for (const t of reads) if (!svc.consumes.has(t)) errors.push(`${id}: may read ${t}, which ${name} does not consume`);
    for (const g of svc.groups) {
      if (!acls.some((a) => a.resource?.type === 'group' && a.resource.name === g && (a.operations || []).includes('Read'))) errors.push(`${id}: cannot use its consumer group ${g}`);
    }
    for (const a of acls) if (a.resource?.type === 'topic' && a.resource.patternType !== 'prefix' && !declared.has(a.resource.name)) errors.push(`${id}: topic ${a.resource.name} has no KafkaTopic`);
  }
  return errors;
}

// The ingress serves no Quarkus management endpoint: on every host that routes a path covering /q/ to one of
// the services or the desk, an Ingress that denies every source address (ingress-nginx denylist-source-range 0.0.0.0/0)
// holds /q for that host.
function managementEndpoints(docs) {
  const errors = [];
  const quarkus = new Set(appDeployments(docs).map((d) => d.metadata.name));
  const denied = new Set();
  const ingresses = docs.filter((d) => d.kind === 'Ingress');
  for (const ing of ingresses) {
    const deny = String(ing.metadata?.annotations?.['nginx.ingress.kubernetes.io/denylist-source-range'] || '').split(',').map((s) => s.trim());
    if (!deny.includes('0.0.0.0/0')) continue;
    for (const rule of ing.spec?.rules || []) {
      for (const path of rule.http?.paths || []) if (path.path === '/q' || path.path === '/q/') denied.add(rule.host);
    }
  }
  for (const ing of ingresses) {
    if (ing.metadata?.annotations?.['nginx.ingress.kubernetes.io/denylist-source-range']) continue;
    for (const rule of ing.spec?.rules || []) {
      for (const path of rule.http?.paths || []) {
        const backend = path.backend?.service?.name;
        const covers = path.path === '/' || path.path === '/q' || path.path === '/q/' || (path.pathType !== 'Exact' && '/q/'.startsWith(path.path || '/'));
        if (quarkus.has(backend) && covers && !denied.has(rule.host)) {
          errors.push(`Ingress ${ing.metadata.name}: ${rule.host}${path.path} routes /q/ (metrics, openapi, swagger-ui, health) of ${backend} to the internet`);
        }
      }
    }
  }
  return errors;
}

// Egress of the services: HTTPS to the internet never reaches private, link-local (cloud metadata) or shared
// ranges; no plain SMTP (port 25).
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16'];
function egress(docs) {
  const errors = [];
  for (const np of docs.filter((d) => d.kind === 'NetworkPolicy')) {
    for (const rule of np.spec?.egress || []) {
      const ports = (rule.ports || []).map((p) => p.port);
      if (ports.includes(25)) errors.push(`NetworkPolicy ${np.metadata.name}: egress to port 25 (plain SMTP; use 587 or 465)`);
      for (const to of rule.to || []) {
        if (to.ipBlock?.cidr !== '0.0.0.0/0' || !ports.includes(443)) continue;
        if (np.metadata.name === 'guichet-kafka-egress' || np.metadata.name.startsWith('guichet-pg')) continue; // the Kubernetes API server, by port
        const missing = PRIVATE_RANGES.filter((r) => !(to.ipBlock.except || []).includes(r));
        if (missing.length) errors.push(`NetworkPolicy ${np.metadata.name}: egress 0.0.0.0/0:443 reaches ${missing.join(', ')} (add them to except)`);
      }
    }
  }
  return errors;
}

// Calls inside the namespace are let through at both ends: where a NetworkPolicy lets a workload's pods call
// another workload's pods (an egress rule to a pod selector, on a port), a NetworkPolicy of the callee lets the
// caller in on that port; under the default deny, a call that only one side allows is dropped. The workloads are
// the Deployments (pods that operators create, PostgreSQL's and Kafka's, are not looked at).
function calls(docs) {
  const errors = [];
  const matches = (selector, labels) => {
    if (!selector) return false;
    for (const [k, v] of Object.entries(selector.matchLabels || {})) if (labels[k] !== v) return false;
    for (const e of selector.matchExpressions || []) {
      const has = e.key in labels;
      if (e.operator === 'In' && !(has && (e.values || []).includes(labels[e.key]))) return false;
      if (e.operator === 'NotIn' && has && (e.values || []).includes(labels[e.key])) return false;
      if (e.operator === 'Exists' && !has) return false;
      if (e.operator === 'DoesNotExist' && has) return false;
    }
    return true;
  };
  const workloads = docs.filter((d) => d.kind === 'Deployment').map((d) => ({
    name: d.metadata.name, labels: d.spec?.template?.metadata?.labels || {},
    ports: (d.spec?.template?.spec?.containers || []).flatMap((c) => c.ports || []),
  }));
  const policies = docs.filter((d) => d.kind === 'NetworkPolicy');
  const portMatches = (rulePorts, callee, port) => !rulePorts?.length || rulePorts.some((p) => p.port === undefined || p.port === port
    || (typeof p.port === 'string' && callee.ports.some((c) => c.name === p.port && c.containerPort === port)));
  const admits = (callee, caller, port) => policies
    .filter((np) => matches(np.spec?.podSelector, callee.labels) && (np.spec?.policyTypes || ['Ingress']).includes('Ingress'))
    .some((np) => (np.spec?.ingress || []).some((rule) => portMatches(rule.ports, callee, port)
      && (!rule.from || rule.from.some((f) => !f.namespaceSelector && !f.ipBlock && matches(f.podSelector, caller.labels)))));
  for (const np of policies) {
    const callers = workloads.filter((w) => matches(np.spec?.podSelector, w.labels));
    for (const rule of np.spec?.egress || []) {
      for (const to of rule.to || []) {
        if (!to.podSelector || to.namespaceSelector) continue;
        for (const callee of workloads.filter((w) => matches(to.podSelector, w.labels))) {
          for (const port of (rule.ports || []).map((p) => p.port)) {
            for (const caller of callers) {
              if (caller.name !== callee.name && !admits(callee, caller, port)) {
                errors.push(`NetworkPolicy ${np.metadata.name}: ${caller.name} may call ${callee.name} on ${port}, but no NetworkPolicy of ${callee.name} lets ${caller.name} in`);
              }
            }
          }
        }
      }
    }
  }
  return [...new Set(errors)];
}

// What the API server refuses although the OpenAPI schema allows it.
function apiServerRules(docs) {
  const errors = [];
  const percentOrInt = (id, field, v) => {
    if (typeof v === 'string' && !/^\d+%$/.test(v)) errors.push(`${id}: ${field} "${v}": a string must be a percentage (or write a number)`);
  };
  for (const doc of docs) {
    const id = `${doc.kind} ${doc.metadata?.name}`;
    if (doc.kind === 'Deployment') {
      const ru = doc.spec?.strategy?.rollingUpdate || {};
      percentOrInt(id, 'maxSurge', ru.maxSurge);
      percentOrInt(id, 'maxUnavailable', ru.maxUnavailable);
      const sel = doc.spec?.selector?.matchLabels || {};
      const labels = doc.spec?.template?.metadata?.labels || {};
      for (const [k, v] of Object.entries(sel)) {
        if (labels[k] !== v) errors.push(`${id}: selector ${k}=${v} does not match the pod template's labels`);
      }
    }
    if (doc.kind === 'PodDisruptionBudget') {
      percentOrInt(id, 'minAvailable', doc.spec?.minAvailable);
      percentOrInt(id, 'maxUnavailable', doc.spec?.maxUnavailable);
      if (doc.spec?.minAvailable !== undefined && doc.spec?.maxUnavailable !== undefined) {
        errors.push(`${id}: minAvailable and maxUnavailable are exclusive`);
      }
    }
    if (doc.kind === 'HorizontalPodAutoscaler' && (doc.spec?.minReplicas ?? 1) > doc.spec?.maxReplicas) {
      errors.push(`${id}: minReplicas > maxReplicas`);
    }
    const name = doc.metadata?.name;
    if (name && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) errors.push(`${id}: invalid name`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------
// Self-test: mistakes the checks above must catch, made on copies of real rendered documents.

function selfTest(docs, validatorFor, verbose = false) {
  const find = (kind) => structuredClone(docs.find((d) => d.kind === kind));
  // a whole-manifest check run on a copy of every document, edited
  const edited = (fn, check) => { const all = structuredClone(docs); fn(all); return check(all); };
  const named = (all, kind, name) => {
    const d = all.find((x) => x.kind === kind && x.metadata?.name === name);
    if (!d) throw new Error(`self-test: no ${kind} ${name}`);
    return d;
  };
  const cases = [
    ['a misspelt field (Deployment spec.replicass)', () => { const d = find('Deployment'); d.spec.replicass = 2; return schemaErrors(d, validatorFor).errors; }],
    ['a wrong type (HPA maxReplicas "six")', () => { const d = find('HorizontalPodAutoscaler'); d.spec.maxReplicas = 'six'; return schemaErrors(d, validatorFor).errors; }],
    ['a misspelt container field (resource)', () => { const d = find('Deployment'); d.spec.template.spec.containers[0].resource = {}; return schemaErrors(d, validatorFor).errors; }],
    ['a misspelt KafkaTopic field (partition)', () => { const d = find('KafkaTopic'); d.spec.partition = 3; return schemaErrors(d, validatorFor).errors; }],
    ['a wrong type in a Kafka CR (replicas "3")', () => { const d = find('KafkaNodePool'); d.spec.replicas = '3'; return schemaErrors(d, validatorFor).errors; }],
    ['a kafka.strimzi.io/v1beta2 document (deprecated, not served by Strimzi 1.x)', () => { const d = find('KafkaTopic'); d.apiVersion = 'kafka.strimzi.io/v1beta2'; return schemaErrors(d, validatorFor).errors.filter((e) => / is refused: /.test(e)); }],
    ['a field that v1 removed (Kafka spec.kafka.replicas, now in the KafkaNodePool)', () => { const d = find('Kafka'); d.spec.kafka.replicas = 3; return schemaErrors(d, validatorFor).errors; }],
    ['a Kafka without the spec v1 requires', () => { const d = find('Kafka'); delete d.spec; return schemaErrors(d, validatorFor).errors; }],
    ['a misspelt CloudNativePG field (instance)', () => { const d = find('Cluster'); d.spec.instance = 3; return schemaErrors(d, validatorFor).errors; }],
    ['a number where PostgreSQL parameters want strings', () => { const d = find('Cluster'); d.spec.postgresql.parameters.max_connections = 100; return schemaErrors(d, validatorFor).errors; }],
    ['an unknown kind', () => schemaErrors({ apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w' } }, validatorFor).errors],
    ['an inline password', () => { const d = find('Deployment'); d.spec.template.spec.containers[0].env.push({ name: 'QUARKUS_DATASOURCE_PASSWORD', value: 'guichet' }); return inlineSecrets([d]); }],
    ['a Secret with data', () => inlineSecrets([{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 'x' } }])],
    ['a secret in a ConfigMap', () => { const d = find('ConfigMap'); d.data.GUICHET_BACKOFFICE_SECRET = 'backoffice-dev-secret'; return inlineSecrets([d]); }],
    ['maxSurge "1" (a string that is not a percentage)', () => { const d = find('Deployment'); d.spec.strategy.rollingUpdate.maxSurge = '1'; return apiServerRules([d]); }],
    ['a topic of Topics.java without KafkaTopic', () => topics(docs.filter((d) => !(d.kind === 'KafkaTopic' && d.spec.topicName === 'guichet.payment.payments')))],
    ['a misspelt KafkaUser field (authorisation)', () => { const d = find('KafkaUser'); d.spec.authorisation = d.spec.authorization; return schemaErrors(d, validatorFor).errors; }],
    ['a KafkaUser ACL with an unknown operation (Wirte)', () => { const d = find('KafkaUser'); d.spec.authorization.acls[0].operations = ['Wirte']; return schemaErrors(d, validatorFor).errors; }],
    ['a gateway key written in regies.properties', () => edited((all) => { named(all, 'ConfigMap', 'payment-service-regies').data['regies.properties'] += '\nguichet.payment.regies.x.api-key=live_abc\n'; }, propertiesSecrets)],
    ['a ${VARIABLE} of regies.properties not documented', () => edited((all) => { named(all, 'ConfigMap', 'payment-service-regies').data['regies.properties'] += '\nguichet.payment.regies.x.sha-out=${UNDOCUMENTED_SHA_OUT}\n'; }, propertiesSecrets)],
    ['a KafkaUser that may write another service\'s topic', () => edited((all) => { named(all, 'KafkaUser', 'notification-service').spec.authorization.acls.push({ resource: { type: 'topic', name: 'guichet.payment.payments', patternType: 'literal' }, operations: ['Write'] }); }, kafkaAccess)],
    ['a KafkaUser that cannot read a topic its service consumes', () => edited((all) => { const u = named(all, 'KafkaUser', 'billing-service'); u.spec.authorization.acls = u.spec.authorization.acls.filter((a) => a.resource.name !== 'guichet.payment.payments'); }, kafkaAccess)],
    ['a KafkaUser with a wildcard ACL', () => edited((all) => { named(all, 'KafkaUser', 'reporting-service').spec.authorization.acls.push({ resource: { type: 'topic', name: '*', patternType: 'literal' }, operations: ['Read'] }); }, kafkaAccess)],
    ['a plain-text Kafka listener without authentication', () => edited((all) => { const l = named(all, 'Kafka', 'guichet-kafka').spec.kafka.listeners[0]; l.tls = false; delete l.authentication; }, kafkaAccess)],
    ['a Kafka without authorization', () => edited((all) => { delete named(all, 'Kafka', 'guichet-kafka').spec.kafka.authorization; }, kafkaAccess)],
    ['a service without its KafkaUser', () => edited((all) => { all.splice(all.findIndex((d) => d.kind === 'KafkaUser' && d.metadata.name === 'cart-service'), 1); }, kafkaAccess)],
    ['the namespace enforcing baseline only', () => edited((all) => { named(all, 'Namespace', 'guichet').metadata.labels['pod-security.kubernetes.io/enforce'] = 'baseline'; }, podSecurity)],
    ['a container allowed to escalate privileges', () => edited((all) => { delete named(all, 'Deployment', 'keycloak').spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation; }, podSecurity)],
    ['a pod without seccomp profile', () => edited((all) => { delete named(all, 'Deployment', 'cart-service').spec.template.spec.securityContext.seccompProfile; }, podSecurity)],
    ['a service on a writable root filesystem', () => edited((all) => { named(all, 'Deployment', 'billing-service').spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false; }, podSecurity)],
    ['an ingress that serves /q/ (no deny for a host)', () => edited((all) => { const m = named(all, 'Ingress', 'guichet-management'); m.spec.rules = m.spec.rules.filter((r) => !r.host.startsWith('pay.')); }, managementEndpoints)],
    ['payment egress 0.0.0.0/0:443 without except', () => edited((all) => { for (const r of named(all, 'NetworkPolicy', 'payment-service').spec.egress) for (const to of r.to || []) if (to.ipBlock) delete to.ipBlock.except; }, egress)],
    ['SMTP on port 25', () => edited((all) => { named(all, 'NetworkPolicy', 'notification-service').spec.egress.at(-1).ports.push({ protocol: 'TCP', port: 25 }); }, egress)],
    ['a datasource URL without TLS', () => edited((all) => { named(all, 'ConfigMap', 'cart-service-config').data.QUARKUS_DATASOURCE_JDBC_URL = 'jdbc:postgresql://guichet-pg-rw:5432/guichet_cart'; }, production)],
    ['Kafka in plain text from a service', () => edited((all) => { delete named(all, 'ConfigMap', 'reporting-service-config').data.KAFKA_SECURITY_PROTOCOL; }, production)],
    ['development tokens on', () => edited((all) => { named(all, 'ConfigMap', 'billing-service-config').data.GUICHET_DEV_TOKENS = 'true'; }, production)],
    ['the demo profile', () => edited((all) => { named(all, 'ConfigMap', 'billing-service-config').data.QUARKUS_PROFILE = 'demo'; }, production)],
    ['forwarded addresses without trusted proxies', () => edited((all) => { delete named(all, 'ConfigMap', 'payment-service-config').data.QUARKUS_HTTP_PROXY_TRUSTED_PROXIES; }, production)],
    ['a gateway test endpoint', () => edited((all) => { named(all, 'ConfigMap', 'payment-service-config').data.GUICHET_PAYMENT_OGONE_BASE_URL = 'https://secure.ogone.com/ncol/test'; }, production)],
    ['the desk left out of the manifests', () => edited((all) => { all.splice(all.findIndex((d) => d.kind === 'Deployment' && d.metadata.name === 'web'), 1); }, deployed)],
    ['the desk without its PodDisruptionBudget', () => edited((all) => { all.splice(all.findIndex((d) => d.kind === 'PodDisruptionBudget' && d.metadata.name === 'web'), 1); }, deployed)],
    ['the desk\'s client secret in its ConfigMap', () => edited((all) => { named(all, 'ConfigMap', 'web-config').data.GUICHET_DESK_CLIENT_SECRET = 'desk-development-secret-not-for-production'; }, inlineSecrets)],
    ['the desk\'s client secret not from a Secret', () => edited((all) => { const c = named(all, 'Deployment', 'web').spec.template.spec.containers[0]; c.envFrom = c.envFrom.filter((f) => !f.secretRef); }, production)],
    ['the desk\'s session cookies allowed over http', () => edited((all) => { named(all, 'ConfigMap', 'web-config').data.QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE = 'false'; }, production)],
    ['the desk without its identity provider', () => edited((all) => { delete named(all, 'ConfigMap', 'web-config').data.GUICHET_OIDC_URL; }, production)],
    ['the desk calling billing-service at its packaged 127.0.0.1', () => edited((all) => { delete named(all, 'ConfigMap', 'web-config').data.GUICHET_BILLING_URL; }, production)],
    ['the desk in the demo profile', () => edited((all) => { named(all, 'ConfigMap', 'web-config').data.QUARKUS_PROFILE = 'demo'; }, production)],
    ['the desk without trusted proxies', () => edited((all) => { delete named(all, 'ConfigMap', 'web-config').data.QUARKUS_HTTP_PROXY_TRUSTED_PROXIES; }, production)],
    ['the desk on a writable root filesystem', () => edited((all) => { named(all, 'Deployment', 'web').spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false; }, podSecurity)],
    ['the desk\'s /q/ served by the ingress', () => edited((all) => { const m = named(all, 'Ingress', 'guichet-management'); m.spec.rules = m.spec.rules.filter((r) => !r.host.startsWith('desk.')); }, managementEndpoints)],
    ['billing-service not letting the desk in', () => edited((all) => { const np = named(all, 'NetworkPolicy', 'billing-service'); np.spec.ingress = np.spec.ingress.filter((r) => !(r.from || []).some((f) => f.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'web')); }, calls)],
    ['Keycloak not letting cart-service in', () => edited((all) => { for (const r of named(all, 'NetworkPolicy', 'keycloak').spec.ingress) for (const f of r.from || []) for (const e of f.podSelector?.matchExpressions || []) e.values = e.values.filter((v) => v !== 'cart-service'); }, calls)],
    ['QUARKUS_CONFIG_LOCATIONS naming a file no volume holds', () => edited((all) => { named(all, 'ConfigMap', 'billing-service-config').data.QUARKUS_CONFIG_LOCATIONS = '/etc/guichet/site/institution.properties'; }, production)],
  ];
  return runSelfTest(cases, verbose);
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  const overlays = [];
  for (let i = 0; i < args.length; i++) if (args[i] === '--overlay') overlays.push(args[++i]);
  if (!overlays.length) overlays.push(...readdirSync(join(DEPLOY, 'overlays')).sort());
  const runSelfTest = !args.includes('--no-self-test');

  const validatorFor = await loadValidators();
  let passed = 0;
  let failed = 0;
  const notes = new Map();
  const line = (overlay, kind, name, verdict) => console.log(`${overlay.padEnd(5)} ${kind.padEnd(24)} ${name.padEnd(34)} ${verdict}`);
  let sample = null;
  for (const overlay of overlays) {
    const docs = render(overlay);
    sample = sample || docs;
    for (const doc of docs) {
      const { errors, v } = schemaErrors(doc, validatorFor);
      if (v?.note) notes.set(`${doc.apiVersion}/${doc.kind}`, v.note);
      if (errors.length) {
        failed++;
        line(overlay, doc.kind || '?', doc.metadata?.name || '?', 'FAILED');
        for (const e of errors) console.log(`        ${e}`);
      } else {
        passed++;
        line(overlay, doc.kind, doc.metadata.name, 'OK');
      }
    }
    for (const [check, run] of [['no inline secrets', inlineSecrets], ['references', references],
      ['topics = Topics.java', topics], ['API server rules', apiServerRules],
      ['no secret in properties files', propertiesSecrets], ['production settings', production],
      ['pod security: restricted', podSecurity], ['Kafka: TLS, users, ACLs', kafkaAccess],
      ['ingress: no /q/', managementEndpoints], ['egress: no private ranges, no SMTP 25', egress],
      ['services and desk deployed whole', deployed], ['network: calls admitted at both ends', calls]]) {
      const errors = run(docs);
      if (errors.length) {
        failed++;
        line(overlay, 'check', check, 'FAILED');
        for (const e of errors) console.log(`        ${e}`);
      } else {
        passed++;
        line(overlay, 'check', check, 'OK');
      }
    }
  }
  if (runSelfTest && sample) {
    const { count, missed } = selfTest(sample, validatorFor, args.includes('--verbose'));
    if (missed.length) {
      failed++;
      line('-', 'self-test', `${count - missed.length}/${count} mistakes caught`, 'FAILED');
      for (const m of missed) console.log(`        not caught: ${m}`);
    } else {
      passed++;
      line('-', 'self-test', `${count}/${count} mistakes caught`, 'OK');
    }
  }
  for (const [key, note] of notes) console.log(`note: ${key}: ${note}`);
  console.log(`schemas: Kubernetes from ${SOURCES.kubernetes.coordinates}, Strimzi from ${SOURCES.strimzi.coordinates} `
    + `(crds/${SOURCES.strimzi.version}/, kafka.strimzi.io/${SOURCES.strimzi.version} only), `
    + 'CloudNativePG hand-written (deploy/validate/schemas)');
  console.log(`deploy/validate: ${passed} documents and checks passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`validate: ${e.message}`);
  process.exit(2);
});
