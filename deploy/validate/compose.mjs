#!/usr/bin/env node
// Static validation of docker-compose.yml and of the demo override docker-compose.demo.yml (run through
// deploy/validate.sh, after the Kubernetes checks).
//
// No Docker engine needed: reads the files as Compose does (YAML merge keys, then ${VARIABLE} interpolation:
// docker-compose.yml with an empty environment — its secrets are required variables, ${VAR:?message} — and, for
// the demo, both files with deploy/compose/demo.env, merged as Compose merges an override), validates them
// against the Compose specification's JSON schema, then checks what the schema cannot say (the production shape
// of the base file, the demo's, images against the Quarkus container-image settings, ports, start-up order,
// secrets, addresses, files, versions). Exits non-zero on any error and when the self-test (known mistakes
// that must be caught) is not caught. Where the schema comes from and what each check means: README.md
// beside this file.
//
//   node compose.mjs [--file docker-compose.yml] [--demo docker-compose.demo.yml] [--demo-env FILE]
//                    [--no-self-test] [--verbose]   (--verbose: what each mistake of the self-test was caught by)

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import YAML from 'yaml';
import { runSelfTest } from './selftest.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const require = createRequire(import.meta.url);

// The Compose specification's schema: compose-spec's schema/compose-spec.json as the npm package dclint
// ships it (pinned in package.json and package-lock.json). Its copy is the specification's of 2025-07-21;
// the newer upstream revisions add only build.provenance, build.sbom and develop.watch[].initial_sync,
// which this file does not use, so the schema is used unchanged (no extension).
const SCHEMA = { package: 'dclint', file: 'schemas/compose.schema.json',
  upstream: 'compose-spec schema/compose-spec.json of 2025-07-21' };

// The demo's development defaults (public values the prod profile refuses): what deploy/compose/demo.env sets
// and what docker-compose.demo.yml may write as ${VARIABLE:-default} (README.md beside this file lists them).
// docker-compose.yml has no default for a secret: ${VARIABLE:?message}.
const DEV_DEFAULTS = {
  GUICHET_DB_PASSWORD: 'guichet',
  GUICHET_KEYCLOAK_ADMIN_PASSWORD: 'admin',
  GUICHET_BACKOFFICE_SECRET: 'backoffice-dev-secret',
  // the staff desk's client guichet-desk (also in libs/platform's KnownDemoSecrets)
  GUICHET_DESK_CLIENT_SECRET: 'desk-development-secret-not-for-production',
  GUICHET_SANDBOX_WEBHOOK_SECRET: 'whsec_local_sandbox',
  GUICHET_BILLING_CLIENT_SECRET: 'billing-service-dev-secret',
  GUICHET_CART_CLIENT_SECRET: 'cart-service-dev-secret',
  GUICHET_PAYMENT_CLIENT_SECRET: 'payment-service-dev-secret',
  GUICHET_NOTIFICATION_CLIENT_SECRET: 'notification-service-dev-secret',
  GUICHET_REPORTING_CLIENT_SECRET: 'reporting-service-dev-secret',
  GUICHET_EVENT_SEALING_KEY: 'demo-event-sealing-key-published-in-the-repository-0001',
  GUICHET_SMTP_USERNAME: '',
  GUICHET_SMTP_PASSWORD: '',
  // the example régie of deploy/compose/site, which the demo does not load
  VILLE_EXEMPLE_POPULATION_MOLLIE_API_KEY: 'unused-by-the-demo',
};
// Where the operator's files live (docker-compose.yml) and the demo's (docker-compose.demo.yml).
const SITE_DIR = 'deploy/compose/site';
const DEMO_DIR = 'config/demo';
// The services that refuse to start without a file of the site: institutions, régies, the public address.
const SITE_FILES = ['billing-service', 'cart-service', 'payment-service', 'notification-service'];
// The staff desk (web/): a Quarkus application like the services but with no database and no Kafka; it waits for
// Keycloak and for the services it calls, and its demo reads only its own config/demo file (not common.properties,
// whose development-key tenant is the services').
const DESK_DIR = 'web';
const SECRET_PROPERTY = /(password|secret|secrets|secret-key|api-key|sha-in|sha-out|private-key|client-secret)$/i;
const SECRET_NAME = /PASSWORD|PASSWD|SECRET|KEY|TOKEN|CREDENTIAL|SHA_IN|SHA_OUT/i;
const NOT_SECRET = new Set(['GUICHET_DEV_TOKENS']); // a switch
// Settings that name 127.0.0.1 on purpose: addresses a browser on the host opens (published ports), or
// payment-service's own address (the sandbox gateway it serves calls it back from inside its container).
const LOOPBACK_OK = new Set(['GUICHET_CART_PAYMENT_SERVICE_URL', 'GUICHET_PAYMENT_PUBLIC_URL']);
// application.properties addresses that docker-compose.yml leaves alone: the gateway simulator's, which it
// does not run (no image); reported as a note.
const NOT_IN_COMPOSE = [/^guichet\.payment\.(mollie|gopay|ogone|sips)\./];
// The infrastructure's images carry the versions libs/infra-dist fetches for ./guichet up.
const INFRA_IMAGES = { 'apache/kafka': 'kafka.version', 'quay.io/keycloak/keycloak': 'keycloak.version',
  'greenmail/standalone': 'greenmail.version' };

// ---------------------------------------------------------------------------------------------------
// Reading the project

function properties(file) {
  const props = {};
  if (!existsSync(file)) return props;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = line.match(/^\s*([^#!\s][^=\s]*)\s*=\s*(.*)$/);
    if (m && !m[1].startsWith('%')) props[m[1]] = m[2].trim();
  }
  return props;
}

const SHARED_CONFIG = join(ROOT, 'libs/platform/src/main/resources/META-INF/microprofile-config.properties');

function project() {
  const shared = properties(SHARED_CONFIG);
  const services = {};
  for (const dir of readdirSync(ROOT).filter((d) => d.endsWith('-service')).sort()) {
    const file = join(ROOT, dir, 'src/main/resources/application.properties');
    if (!existsSync(file)) continue;
    const own = properties(file);
    const name = own['quarkus.application.name'] || dir;
    services[name] = { dir, own, port: own['quarkus.http.port'] };
  }
  // the desk, among the services for the checks that apply to every Guichet application (image, ports, secrets,
  // addresses, profile); `desk` marks it where the services' rules (database, Kafka, development tokens) do not
  const deskFile = join(ROOT, DESK_DIR, 'src/main/resources/application.properties');
  if (existsSync(deskFile)) {
    const own = properties(deskFile);
    services[own['quarkus.application.name'] || DESK_DIR] = { dir: DESK_DIR, own, port: own['quarkus.http.port'], desk: true };
  }
  // Defaults of shared classes (@ConfigProperty(name, defaultValue)) that name 127.0.0.1: they apply to
  // the services that use the class.
  const classDefaults = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.java')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/@ConfigProperty\(\s*name\s*=\s*"([^"]+)"\s*,\s*defaultValue\s*=\s*"([^"]*)"/g)) {
          if (/127\.0\.0\.1|localhost/.test(m[2])) classDefaults.push({ cls: entry.name.replace(/\.java$/, ''), key: m[1], value: m[2] });
        }
      }
    }
  };
  const platform = join(ROOT, 'libs/platform/src/main/java');
  if (existsSync(platform)) walk(platform);
  for (const s of Object.values(services)) {
    const sources = [];
    const collect = (dir) => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) collect(path);
        else if (entry.name.endsWith('.java')) sources.push(readFileSync(path, 'utf8'));
      }
    };
    collect(join(ROOT, s.dir, 'src/main/java'));
    s.classDefaults = classDefaults.filter((d) => sources.some((src) => new RegExp(`\\b${d.cls}\\b`).test(src)));
  }
  const pom = existsSync(join(ROOT, 'libs/infra-dist/pom.xml')) ? readFileSync(join(ROOT, 'libs/infra-dist/pom.xml'), 'utf8') : '';
  const infra = Object.fromEntries([...pom.matchAll(/<([a-z.-]+\.version)>([^<]+)</g)].map((m) => [m[1], m[2]]));
  const initSql = join(ROOT, 'deploy/postgres/init-databases.sql');
  const databases = new Set(existsSync(initSql)
    ? [...readFileSync(initSql, 'utf8').matchAll(/create\s+database\s+"?([\w-]+)"?/gi)].map((m) => m[1]) : []);
  return {
    shared, services, infra, databases,
    image: { group: shared['quarkus.container-image.group'], tag: shared['quarkus.container-image.tag'],
      registry: shared['quarkus.container-image.registry'] },
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading docker-compose.yml as Compose does

function load(file) {
  const doc = YAML.parseDocument(readFileSync(file, 'utf8'), { merge: true });
  if (doc.errors.length) throw new Error(`${file}: unreadable YAML: ${doc.errors[0].message}`);
  return doc.toJS({ maxAliasCount: 1000 });
}

// ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt}, ${VAR+alt}, $VAR, $$,
// against `env` (empty here: the file must work with its own defaults). Nested expressions are not read.
function interpolateString(s, env, problems, where) {
  return s.replace(/\$\$|\$\{([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, braced, bare) => {
    if (all === '$$') return '$';
    const m = (braced ?? bare).match(/^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$/s);
    if (!m) { problems.push(`${where}: unreadable variable ${all}`); return ''; }
    const [, name, op, arg] = m;
    const value = env[name];
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    switch (op) {
      case ':-': return nonEmpty ? value : arg;
      case '-': return set ? value : arg;
      case ':?': if (!nonEmpty) problems.push(`${where}: ${name} is required (${arg || 'no message'})`); return value ?? '';
      case '?': if (!set) problems.push(`${where}: ${name} is required (${arg || 'no message'})`); return value ?? '';
      case ':+': return nonEmpty ? arg : '';
      case '+': return set ? arg : '';
      default:
        if (!set) problems.push(`${where}: \${${name}} has no default (Compose would use an empty string)`);
        return value ?? '';
    }
  });
}

function interpolate(node, env, problems, where = '') {
  if (typeof node === 'string') return interpolateString(node, env, problems, where || '/');
  if (Array.isArray(node)) return node.map((n, i) => interpolate(n, env, problems, `${where}/${i}`));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolate(v, env, problems, `${where}/${k}`)]));
  }
  return node;
}

// the environment the file is read with: empty for docker-compose.yml, deploy/compose/demo.env for the demo
let ENV = {};
const resolved = (raw) => interpolate(raw, ENV, []);
const withEnv = (env, fn) => { const saved = ENV; ENV = env; try { return fn(); } finally { ENV = saved; } };

// KEY=VALUE lines (a Compose env file), comments and blank lines skipped
function envFile(file) {
  const env = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/);
    if (m) env[m[1]] = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return env;
}

// An override merged into a file as Compose merges it: mappings recursively, environment by variable (a list
// form is read as a mapping), volumes by container path, ports appended, command/entrypoint and other
// sequences replaced.
function mergeCompose(base, override) {
  const toMap = (env) => (Array.isArray(env)
    ? Object.fromEntries(env.map((e) => { const i = String(e).indexOf('='); return i < 0 ? [e, null] : [e.slice(0, i), e.slice(i + 1)]; }))
    : env);
  const target = (v) => (typeof v === 'string' ? v.split(':')[1] : v?.target);
  const merge = (a, b, path) => {
    if (b === undefined) return structuredClone(a);
    if (a === undefined || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return structuredClone(b);
    const key = path[path.length - 1];
    if (path[0] === 'services' && path.length === 3) {
      if (key === 'environment') return { ...toMap(a), ...toMap(b) };
      if (key === 'volumes') {
        const out = a.filter((v) => !b.some((w) => target(w) === target(v)));
        return [...out, ...b].map((v) => structuredClone(v));
      }
      if (key === 'ports') return [...new Set([...a, ...b].map((p) => (typeof p === 'object' ? JSON.stringify(p) : String(p))))]
        .map((p) => (p.startsWith('{') ? JSON.parse(p) : p));
    }
    if (Array.isArray(a) || Array.isArray(b)) return structuredClone(b);
    const out = { ...structuredClone(a) };
    for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v, [...path, k]);
    return out;
  };
  return merge(base, override, []);
}

// The host file a container path comes from (a bind mount of the service), and whether it is read-only.
function mountedFile(service, containerPath, baseDir) {
  for (const v of service?.volumes || []) {
    let source; let mountTarget; let readOnly;
    if (typeof v === 'string') { [source, mountTarget] = v.split(':'); readOnly = /:ro$/.test(v); } else if (v?.type === 'bind') { source = v.source; mountTarget = v.target; readOnly = !!v.read_only; }
    if (!source || !mountTarget || !(source.startsWith('.') || isAbsolute(source))) continue;
    const dir = mountTarget.replace(/\/$/, '');
    if (containerPath === dir || containerPath.startsWith(`${dir}/`)) {
      return { host: resolve(baseDir, source, containerPath.slice(dir.length + 1)), source, readOnly };
    }
  }
  return null;
}
const locationsOf = (env) => String(env.QUARKUS_CONFIG_LOCATIONS || '').split(',').map((s) => s.trim()).filter(Boolean);
const envOf = (service) => {
  const env = service?.environment;
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => { const i = String(e).indexOf('='); return i < 0 ? [e, undefined] : [e.slice(0, i), e.slice(i + 1)]; }));
  }
  return env ? Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? undefined : String(v)])) : {};
};
const dependsOf = (service) => {
  const d = service?.depends_on;
  if (!d) return {};
  if (Array.isArray(d)) return Object.fromEntries(d.map((n) => [n, { condition: 'service_started' }]));
  return d;
};
const healthchecked = (service) => {
  const h = service?.healthcheck;
  return !!h && h.disable !== true && h.disable !== 'true' && !(Array.isArray(h.test) && h.test[0] === 'NONE');
};

// [HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL], or the long syntax.
function portsOf(service) {
  const out = [];
  for (const p of service?.ports || []) {
    if (p && typeof p === 'object') {
      out.push({ text: JSON.stringify(p), hostIp: p.host_ip, published: p.published !== undefined ? String(p.published) : undefined, target: String(p.target) });
      continue;
    }
    const text = String(p);
    const m = text.match(/^(?:(\[[0-9a-fA-F:.]+\]|[0-9.]+|[A-Za-z0-9.-]+):)?(?:([0-9-]*):)?([0-9-]+)(?:\/(tcp|udp|sctp))?$/);
    if (!m) { out.push({ text, unreadable: true }); continue; }
    let [, hostIp, published, target] = m;
    if (hostIp !== undefined && published === undefined && /^\d+$/.test(hostIp)) { published = hostIp; hostIp = undefined; }
    out.push({ text, hostIp, published: published || undefined, target });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The schema

function loadSchema() {
  const pkg = require(`${SCHEMA.package}/package.json`);
  const path = join(dirname(require.resolve(`${SCHEMA.package}/package.json`)), SCHEMA.file);
  const bytes = readFileSync(path);
  const schema = JSON.parse(bytes.toString('utf8'));
  // "$schema": "https://json-schema.org/draft-07/schema" is draft-07 under another spelling of its URI than
  // the one Ajv registers: dropped, so Ajv applies its draft-07 (its default). The schema is otherwise as shipped.
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, logger: false });
  return {
    validate: ajv.compile(schema),
    origin: `${SCHEMA.package}@${pkg.version} ${SCHEMA.file} (${SCHEMA.upstream}; sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}…)`,
  };
}

function schemaErrors(raw, schema) {
  const model = resolved(raw);
  if (schema.validate(model)) return [];
  const errors = [];
  for (const e of schema.validate.errors) {
    const at = e.instancePath || '/';
    if (e.keyword === 'additionalProperties') errors.push(`${at}: unknown field "${e.params.additionalProperty}"`);
    else if (e.keyword === 'oneOf' || e.keyword === 'anyOf') continue; // its branches are reported
    else errors.push(`${at}: ${e.message}${e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}`);
  }
  return [...new Set(errors)];
}

// ---------------------------------------------------------------------------------------------------
// Checks: each takes the file as read (merged, not interpolated) and returns its errors.

// Every ${VARIABLE} has a default or is required with a message (${VAR:?message}: Compose stops and says what
// to set; the honest form for a production secret); with requiredOk false (the demo, read with demo.env) every
// variable resolves.
function variables(raw, { requiredOk = false } = {}) {
  const problems = [];
  interpolate(raw, ENV, problems);
  return requiredOk ? problems.filter((p) => !/ is required \(/.test(p)) : problems;
}

// The five services run the images Jib builds: <group>/<service>:<tag> of the Quarkus container-image
// settings, never pulled (pull_policy: never) nor built by Compose; so does the desk (<group>/web:<tag>, built with
// deploy/docker/Dockerfile.jvm); every other image has a version tag.
function images(raw, proj) {
  const errors = [];
  const model = resolved(raw);
  const services = model.services || {};
  const { group, tag, registry } = proj.image;
  if (!group || !tag) errors.push(`${SHARED_CONFIG}: quarkus.container-image.group or .tag is missing`);
  for (const name of Object.keys(proj.services)) {
    const s = services[name];
    if (!s) { errors.push(`${name}: not in docker-compose.yml`); continue; }
    const expected = `${registry ? `${registry}/` : ''}${group}/${name}:${tag}`;
    if (s.image !== expected) errors.push(`${name}: image ${s.image ?? '(none)'}, expected ${expected} (quarkus.container-image.* in microprofile-config.properties)`);
    if (s.pull_policy !== 'never') errors.push(`${name}: pull_policy ${s.pull_policy ?? '(unset)'}, expected never (the image is built locally by Jib; nothing to pull)`);
    if (s.build !== undefined) errors.push(`${name}: has a build section (the image is Jib's; deploy/docker/Dockerfile.jvm is built by hand)`);
  }
  for (const [name, s] of Object.entries(services)) {
    if (name in proj.services) continue;
    if (!s.image) { errors.push(`${name}: no image`); continue; }
    const last = s.image.split('/').pop();
    if (!s.image.includes('@') && (!last.includes(':') || /:(latest|stable|edge|nightly)$/.test(last))) {
      errors.push(`${name}: image ${s.image} has no version tag`);
    }
  }
  return errors;
}

// Kafka, Keycloak and GreenMail are the versions ./guichet up runs (libs/infra-dist/pom.xml); Kafka and
// Keycloak are always there, GreenMail in the demo.
function versions(raw, proj, required = ['apache/kafka', 'quay.io/keycloak/keycloak']) {
  const errors = [];
  const services = resolved(raw).services || {};
  for (const [repo, property] of Object.entries(INFRA_IMAGES)) {
    const users = Object.entries(services).filter(([, s]) => typeof s.image === 'string' && s.image.replace(/:[^:/]+$/, '') === repo);
    if (!users.length) { if (required.includes(repo)) errors.push(`no service runs ${repo}`); continue; }
    for (const [name, s] of users) {
      const version = s.image.slice(repo.length + 1);
      if (proj.infra[property] && version !== proj.infra[property]) {
        errors.push(`${name}: ${s.image}, but libs/infra-dist has ${property} ${proj.infra[property]}`);
      }
    }
  }
  return errors;
}

// Start-up order: every depends_on names a service; service_healthy only on a service with a health
// check; no cycle; every service has a health check or is depended on only as service_started; each
// Guichet service waits for PostgreSQL, Kafka and Keycloak to be healthy, the desk for Keycloak and the
// services it calls.
function startup(raw, proj) {
  const errors = [];
  const services = resolved(raw).services || {};
  for (const [name, s] of Object.entries(services)) {
    for (const [target, dep] of Object.entries(dependsOf(s))) {
      if (!services[target]) { errors.push(`${name}: depends on ${target}, which is not a service`); continue; }
      if (dep?.condition === 'service_healthy' && !healthchecked(services[target])) {
        errors.push(`${name}: waits for ${target} to be healthy, but ${target} has no health check`);
      }
    }
  }
  const state = {};
  const visit = (name, path) => {
    if (state[name] === 'done') return;
    if (state[name] === 'open') { errors.push(`depends_on cycle: ${[...path, name].join(' -> ')}`); return; }
    state[name] = 'open';
    for (const target of Object.keys(dependsOf(services[name]))) if (services[target]) visit(target, [...path, name]);
    state[name] = 'done';
  };
  Object.keys(services).forEach((n) => visit(n, []));
  const byImage = (re) => Object.keys(services).filter((n) => re.test(services[n].image || ''));
  const needs = { PostgreSQL: byImage(/(^|\/)postgres:/), Kafka: byImage(/kafka/), Keycloak: byImage(/keycloak/) };
  for (const [name, meta] of Object.entries(proj.services)) {
    const s = services[name];
    if (!s) continue;
    if (!healthchecked(s)) errors.push(`${name}: no health check`);
    const deps = dependsOf(s);
    if (meta.desk) {
      // Keycloak, and every service its addresses name
      if (!needs.Keycloak.some((c) => deps[c]?.condition === 'service_healthy')) errors.push(`${name}: does not wait for Keycloak to be healthy`);
      for (const [key, value] of Object.entries(envOf(s))) {
        const host = /^GUICHET_\w+_URL$/.test(key) && String(value ?? '').match(/^https?:\/\/([^:/]+)/)?.[1];
        if (host && services[host] && deps[host]?.condition !== 'service_healthy') errors.push(`${name}: calls ${host} (${key}) but does not wait for it to be healthy`);
      }
      continue;
    }
    for (const [what, candidates] of Object.entries(needs)) {
      if (!candidates.some((c) => deps[c]?.condition === 'service_healthy')) errors.push(`${name}: does not wait for ${what} to be healthy`);
    }
  }
  for (const target of byImage(/(^|\/)postgres:|kafka|keycloak/)) if (!healthchecked(services[target])) errors.push(`${target}: no health check`);
  return errors;
}

// Every published port binds 127.0.0.1, once; each Guichet service publishes the port it listens on.
function ports(raw) {
  const errors = [];
  const seen = new Map();
  for (const [name, s] of Object.entries(resolved(raw).services || {})) {
    for (const p of portsOf(s)) {
      if (p.unreadable) { errors.push(`${name}: port "${p.text}" is unreadable`); continue; }
      if (p.hostIp !== '127.0.0.1') errors.push(`${name}: port "${p.text}" is published on ${p.hostIp ? p.hostIp : 'every interface'}, not 127.0.0.1`);
      if (p.published) {
        if (seen.has(p.published)) errors.push(`${name}: host port ${p.published} is also published by ${seen.get(p.published)}`);
        seen.set(p.published, name);
      }
    }
    if (s.network_mode === 'host') errors.push(`${name}: network_mode host bypasses the 127.0.0.1 bindings`);
  }
  return errors;
}

// No secret literal. docker-compose.yml (mode "required"): a value under a secret's name is a required variable
// with a message, ${VARIABLE:?message} (or ${VARIABLE?message} where empty is valid), never a default. The demo
// override (mode "dev"): ${VARIABLE:-default} with one of the documented development defaults, or a reference
// without value. Neither carries a password or secret option on a command line.
function secrets(raw, mode = 'required') {
  const errors = [];
  const pattern = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-(.*))?\}$/s;
  const requiredForm = /^\$\{([A-Za-z_][A-Za-z0-9_]*):?\?(.+)\}$/s;
  for (const [name, s] of Object.entries(raw.services || {})) {
    for (const [key, value] of Object.entries(envOf(s))) {
      if (!SECRET_NAME.test(key) || NOT_SECRET.has(key) || value === undefined || value === '') continue;
      if (mode === 'required') {
        if (!requiredForm.test(value)) errors.push(`${name}: ${key} is ${/^\$\{[^}]*:?-/.test(value) ? 'a variable with a default' : 'not a required variable'} (write \${VARIABLE:?what to set}: production has no default secret)`);
        continue;
      }
      const m = value.match(pattern);
      if (!m) { errors.push(`${name}: ${key} has a literal value (write \${VARIABLE:-development default})`); continue; }
      const [, variable, fallback] = m;
      if (fallback === undefined || fallback === '') continue;
      if (!(variable in DEV_DEFAULTS)) errors.push(`${name}: ${key}: \${${variable}} is not a documented development default`);
      else if (DEV_DEFAULTS[variable] !== fallback) errors.push(`${name}: ${key}: \${${variable}:-${fallback}}, the documented default is ${DEV_DEFAULTS[variable]}`);
    }
    for (const field of ['command', 'entrypoint']) {
      const words = Array.isArray(s[field]) ? s[field] : s[field] ? [String(s[field])] : [];
      for (const w of words) {
        const m = String(w).match(/(password|passwd|secret|token|api[-_]?key)[^=\s]*[=\s]+(\S+)/i);
        if (m && !/^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(m[2]) && !pattern.test(m[2])) errors.push(`${name}: ${field} carries a secret (${m[1]}=…)`);
      }
    }
  }
  return errors;
}

// Inside a container 127.0.0.1 is the container itself: every address of the shared configuration and of a
// service's application.properties (and shared classes' defaults) that names 127.0.0.1 is overridden by an
// environment variable, with a Compose service's name (or an address a browser opens: LOOPBACK_OK); the
// service listens on all interfaces, on its application.properties port, and publishes that port; its
// databases are created by deploy/postgres/init-databases.sql, one per service (the desk has none).
function settings(raw, proj, notes = new Set(), baseDir = ROOT) {
  const errors = [];
  const services = resolved(raw).services || {};
  const envName = (key) => key.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  const loopback = /^(127\.0\.0\.1|localhost|0\.0\.0\.0)$/;
  const databases = new Map();
  for (const [name, meta] of Object.entries(proj.services)) {
    const s = services[name];
    if (!s) continue;
    const env = envOf(s);
    // the files of QUARKUS_CONFIG_LOCATIONS (the site's or the demo's) override the packaged configuration;
    // their own 127.0.0.1 addresses must be overridden in turn
    const files = {};
    for (const location of locationsOf(env)) {
      const file = mountedFile(s, location, baseDir);
      if (file && existsSync(file.host)) Object.assign(files, properties(file.host));
    }
    // the shared configuration is libs/platform's, which the desk does not use
    const packaged = Object.entries({ ...(meta.desk ? {} : proj.shared), ...meta.own }).filter(([k]) => !(k in files));
    const wanted = [...packaged, ...Object.entries(files)]
      .filter(([, v]) => /127\.0\.0\.1|localhost/.test(v))
      .map(([key, value]) => ({ key, value, from: 'properties' }))
      .concat(meta.classDefaults.filter((d) => !(d.key in files)).map((d) => ({ key: d.key, value: d.value, from: d.cls })));
    const done = new Set();
    for (const { key, value, from } of wanted) {
      if (NOT_IN_COMPOSE.some((re) => re.test(key))) { notes.add(`${name}: ${key} (${value}) left as is: the gateway simulator is not in docker-compose.yml`); continue; }
      if (done.has(key)) continue;
      done.add(key);
      // the variable a ${VARIABLE:default} expression names, or the property's own name as a variable
      const names = [...[...value.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):/g)].map((m) => m[1]), envName(key)];
      if (!names.some((n) => env[n] !== undefined && env[n] !== '')) {
        errors.push(`${name}: ${key} is ${value} (${from === 'properties' ? 'configuration' : `default of ${from}`}); set ${names[0]}`);
      }
    }
    if (env.QUARKUS_HTTP_HOST !== '0.0.0.0') errors.push(`${name}: QUARKUS_HTTP_HOST is ${env.QUARKUS_HTTP_HOST ?? '(unset)'}, expected 0.0.0.0`);
    const port = env.QUARKUS_HTTP_PORT;
    if (port !== meta.port) errors.push(`${name}: QUARKUS_HTTP_PORT is ${port ?? '(unset)'}, expected ${meta.port} (its application.properties' quarkus.http.port)`);
    if (!portsOf(s).some((p) => p.target === meta.port && p.published === meta.port)) {
      errors.push(`${name}: does not publish ${meta.port}:${meta.port} (the same port outside as inside)`);
    }
    const test = (Array.isArray(s.healthcheck?.test) ? s.healthcheck.test.join(' ') : String(s.healthcheck?.test ?? ''));
    if (!test.includes('/q/health/ready') || !(test.includes('QUARKUS_HTTP_PORT') || test.includes(meta.port))) {
      errors.push(`${name}: the health check does not ask /q/health/ready on the service's port`);
    }
    if (!meta.desk && env.GUICHET_OIDC_ENABLED !== 'true') errors.push(`${name}: GUICHET_OIDC_ENABLED is ${env.GUICHET_OIDC_ENABLED ?? '(unset)'}, expected true (Keycloak's tokens)`);
    if (meta.desk && !/^https?:\/\/[^/]+\/realms\/[^/]+$/.test(env.GUICHET_OIDC_URL || '')) errors.push(`${name}: GUICHET_OIDC_URL is ${env.GUICHET_OIDC_URL ?? '(unset)'}, expected the realm's address (Keycloak)`);
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) continue;
      for (const m of value.matchAll(/(?:^|[/@,])([A-Za-z0-9.-]+):(\d+)/g)) {
        const host = m[1];
        if (loopback.test(host)) {
          if (!LOOPBACK_OK.has(key)) errors.push(`${name}: ${key}=${value} names ${host}, the container itself`);
        } else if (!host.includes('.') && !services[host]) {
          errors.push(`${name}: ${key}=${value} names ${host}, which is not a service`);
        }
      }
    }
    if (meta.desk) {
      if (env.QUARKUS_DATASOURCE_REACTIVE_URL || env.QUARKUS_DATASOURCE_JDBC_URL || env.KAFKA_BOOTSTRAP_SERVERS) errors.push(`${name}: a database or Kafka setting (the desk has neither)`);
      continue;
    }
    const urls = [env.QUARKUS_DATASOURCE_REACTIVE_URL, env.QUARKUS_DATASOURCE_JDBC_URL]
      .map((u) => u?.match(/^(?:jdbc:)?postgresql:\/\/([^:/]+)(?::\d+)?\/([\w-]+)/));
    const dbs = new Set(urls.filter(Boolean).map((m) => m[2]));
    if (urls.some((m) => !m) || dbs.size !== 1) {
      errors.push(`${name}: QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL must name one PostgreSQL database`);
    } else {
      const [db] = dbs;
      if (!proj.databases.has(db)) errors.push(`${name}: database ${db} is not created by deploy/postgres/init-databases.sql`);
      if (databases.has(db)) errors.push(`${name}: database ${db} is also ${databases.get(db)}'s (one database per service)`);
      databases.set(db, name);
    }
  }
  return errors;
}

// The project's services that the file has: [name, service, its environment].
function projectServices(services, proj) {
  return Object.keys(proj.services).filter((name) => services[name]).map((name) => [name, services[name], envOf(services[name])]);
}

// The production shape of docker-compose.yml: the prod profile (no QUARKUS_PROFILE), no development tokens, no
// sandbox (the desk: its client secret, Secure session cookies); each service that needs its institutions, régies or public address reads a file of deploy/compose/site,
// mounted read-only and named by QUARKUS_CONFIG_LOCATIONS; those files hold no secret (a ${VARIABLE} the service's
// environment gives); Keycloak is not in development mode and does not import the repository's demo realm.
function production(raw, proj, baseDir = ROOT) {
  const errors = [];
  const services = resolved(raw).services || {};
  for (const [name, s, env] of projectServices(services, proj)) {
    if (env.QUARKUS_PROFILE !== undefined && env.QUARKUS_PROFILE !== 'prod') errors.push(`${name}: QUARKUS_PROFILE=${env.QUARKUS_PROFILE} (docker-compose.yml is production's: the demo is docker-compose.demo.yml)`);
    if (proj.services[name].desk) {
      if (!('GUICHET_DESK_CLIENT_SECRET' in envOf(raw.services?.[name]))) errors.push(`${name}: no GUICHET_DESK_CLIENT_SECRET (the realm client guichet-desk's secret)`);
      if (String(env.QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE ?? 'true') !== 'true') errors.push(`${name}: QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE=${env.QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE}: session cookies over plain http are the demo's`);
    } else if (env.GUICHET_DEV_TOKENS !== 'false') errors.push(`${name}: GUICHET_DEV_TOKENS is ${env.GUICHET_DEV_TOKENS ?? '(unset)'}, expected "false"`);
    for (const key of Object.keys(env)) if (/^GUICHET_PAYMENT_SANDBOX_/.test(key)) errors.push(`${name}: ${key}: the sandbox gateway is the demo's`);
    const locations = locationsOf(env);
    if (SITE_FILES.includes(name) && !locations.length) errors.push(`${name}: no QUARKUS_CONFIG_LOCATIONS (its file of ${SITE_DIR})`);
    for (const location of locations) {
      const file = mountedFile(s, location, baseDir);
      if (!file) { errors.push(`${name}: QUARKUS_CONFIG_LOCATIONS names ${location}, which no volume mounts`); continue; }
      if (!file.readOnly) errors.push(`${name}: ${file.source} is mounted writable (:ro)`);
      if (!file.host.startsWith(`${resolve(ROOT, SITE_DIR)}/`)) { errors.push(`${name}: ${location} is not a file of ${SITE_DIR}`); continue; }
      if (!existsSync(file.host)) { errors.push(`${name}: ${location}: ${file.host} does not exist`); continue; }
      for (const [key, value] of Object.entries(properties(file.host))) {
        if (!SECRET_PROPERTY.test(key) || value === '') continue;
        const m = value.match(/^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/);
        if (!m) errors.push(`${name}: ${location}: ${key} has a value (write \${VARIABLE} and give the variable to the service)`);
        else if (env[m[1]] === undefined && !(m[1] in envOf(raw.services?.[name]))) errors.push(`${name}: ${location}: ${key} is \${${m[1]}}, which the service's environment does not give`);
      }
    }
  }
  const kc = Object.entries(services).find(([, s]) => /keycloak/.test(s.image || ''));
  if (kc) {
    const [name, s] = kc;
    const command = Array.isArray(s.command) ? s.command : String(s.command ?? '').split(/\s+/);
    if (command.includes('start-dev')) errors.push(`${name}: start-dev (Keycloak's development mode is the demo's)`);
    for (const v of s.volumes || []) if (/deploy\/keycloak/.test(typeof v === 'string' ? v : v?.source || '')) errors.push(`${name}: imports the repository's demo realm (deploy/keycloak: demo users, published secrets)`);
  }
  return errors;
}

// The demo (docker-compose.yml with docker-compose.demo.yml, read with demo.env): each service in the demo
// profile, reading config/demo/common.properties (not the desk) and its own config/demo file, mounted read-only.
function demo(raw, proj, baseDir = ROOT) {
  const errors = [];
  for (const [name, s, env] of projectServices(resolved(raw).services || {}, proj)) {
    if (env.QUARKUS_PROFILE !== 'demo') errors.push(`${name}: QUARKUS_PROFILE is ${env.QUARKUS_PROFILE ?? '(unset)'}, expected demo`);
    const files = locationsOf(env).map((l) => mountedFile(s, l, baseDir));
    for (const wanted of proj.services[name].desk ? [`${name}.properties`] : ['common.properties', `${name}.properties`]) {
      const path = resolve(ROOT, DEMO_DIR, wanted);
      if (!existsSync(path)) continue;
      if (!files.some((f) => f && f.host === path)) errors.push(`${name}: QUARKUS_CONFIG_LOCATIONS does not name ${DEMO_DIR}/${wanted} (mounted)`);
    }
    for (const f of files) if (f && !f.readOnly) errors.push(`${name}: ${f.source} is mounted writable (:ro)`);
  }
  return errors;
}

// deploy/compose/demo.env: each variable is one docker-compose.yml (or the override) uses, and a secret's
// value is its documented development default.
function demoEnv(env, raws) {
  const errors = [];
  const text = raws.map((r) => JSON.stringify(r)).join('\n');
  for (const [key, value] of Object.entries(env)) {
    if (!new RegExp(`\\$\\{${key}\\b`).test(text)) errors.push(`demo.env: ${key} is used by neither Compose file`);
    if (SECRET_NAME.test(key) && !NOT_SECRET.has(key) && (!(key in DEV_DEFAULTS) || DEV_DEFAULTS[key] !== value)) {
      errors.push(`demo.env: ${key}=${value} is not a documented development default${key in DEV_DEFAULTS ? ` (${DEV_DEFAULTS[key]})` : ''}`);
    }
  }
  return errors;
}

// Files the Compose file mounts or reads exist; health-check durations are Go durations (Compose refuses
// others when it loads the file; the schema only says "string").
function files(raw, composeFile) {
  const errors = [];
  const base = dirname(composeFile);
  const duration = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
  for (const [name, s] of Object.entries(resolved(raw).services || {})) {
    for (const v of s.volumes || []) {
      const source = typeof v === 'string' ? v.split(':')[0] : v?.type === 'bind' ? v.source : undefined;
      if (source && (source.startsWith('.') || isAbsolute(source)) && !existsSync(resolve(base, source))) {
        errors.push(`${name}: mounts ${source}, which does not exist`);
      }
    }
    const envFiles = Array.isArray(s.env_file) ? s.env_file : s.env_file ? [s.env_file] : [];
    for (const f of envFiles) {
      const path = typeof f === 'string' ? f : f.path;
      if (f?.required !== false && !existsSync(resolve(base, path))) errors.push(`${name}: env_file ${path} does not exist`);
    }
    for (const field of ['interval', 'timeout', 'start_period', 'start_interval']) {
      const d = s.healthcheck?.[field];
      if (d !== undefined && !duration.test(String(d))) errors.push(`${name}: healthcheck.${field} "${d}" is not a duration (e.g. 10s, 1m30s)`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------
// Self-test: known mistakes, each made on a copy of the real file, must be caught.

function selfTest(raw, proj, schema, composeFile, verbose, demoCtx) {
  const edit = (fn) => { const copy = structuredClone(raw); fn(copy); return copy; };
  const svc = (copy, name) => copy.services[name];
  const baseDir = dirname(composeFile);
  const { demoRaw, merged, env } = demoCtx;
  const editDemo = (fn) => { const copy = structuredClone(demoRaw); fn(copy); return copy; };
  const editMerged = (fn) => { const copy = structuredClone(merged); fn(copy); return copy; };
  const inDemo = (fn) => () => withEnv(env, fn);
  const withSvcEnv = (c, name, extra, drop = []) => { const e = { ...envOf(svc(c, name)), ...extra }; drop.forEach((k) => delete e[k]); svc(c, name).environment = e; };
  const cases = [
    ['a misspelt service field (healtcheck)', () => schemaErrors(edit((c) => { svc(c, 'billing-service').healtcheck = {}; }), schema)],
    ['an unknown top-level key (service)', () => schemaErrors(edit((c) => { c.service = {}; }), schema)],
    ['ports as a string instead of a list', () => schemaErrors(edit((c) => { svc(c, 'cart-service').ports = '127.0.0.1:8082:8082'; }), schema)],
    ['an unknown depends_on condition (service_ready)', () => schemaErrors(edit((c) => { svc(c, 'billing-service').depends_on.kafka.condition = 'service_ready'; }), schema)],
    ['an image tagged latest', () => images(edit((c) => { svc(c, 'billing-service').image = 'guichet/billing-service:latest'; }), proj)],
    ['an image of another group', () => images(edit((c) => { svc(c, 'payment-service').image = `acme/payment-service:${proj.image.tag}`; }), proj)],
    ['a service left out', () => images(edit((c) => { delete c.services['reporting-service']; }), proj)],
    ['a Guichet image Compose would pull (pull_policy unset)', () => images(edit((c) => { delete svc(c, 'cart-service').pull_policy; }), proj)],
    ['an infrastructure image without a version', () => images(edit((c) => { svc(c, 'postgres').image = 'postgres'; }), proj)],
    ['Keycloak not the version of libs/infra-dist', () => versions(edit((c) => { svc(c, 'keycloak').image = 'quay.io/keycloak/keycloak:25.0.0'; }), proj)],
    ['depends_on a service that does not exist', () => startup(edit((c) => { svc(c, 'billing-service').depends_on = { ...svc(c, 'billing-service').depends_on, kafak: { condition: 'service_healthy' } }; }), proj)],
    ['service_healthy on a service without health check (the demo\'s GreenMail)', inDemo(() => startup(editMerged((c) => { svc(c, 'notification-service').depends_on.mailbox = { condition: 'service_healthy' }; }), proj))],
    ['a service that does not wait for Keycloak', () => startup(edit((c) => { const d = { ...svc(c, 'cart-service').depends_on }; delete d.keycloak; svc(c, 'cart-service').depends_on = d; }), proj)],
    ['a port published on every interface', () => ports(edit((c) => { svc(c, 'billing-service').ports = ['8081:8081']; }))],
    ['a port published on 0.0.0.0', () => ports(edit((c) => { svc(c, 'keycloak').ports = ['0.0.0.0:8180:8180']; }))],
    ['a literal password', () => secrets(edit((c) => { svc(c, 'billing-service').environment = { ...svc(c, 'billing-service').environment, QUARKUS_DATASOURCE_PASSWORD: 'guichet' }; }))],
    ['an undocumented secret default in the demo override', () => secrets(editDemo((c) => { withSvcEnv(c, 'reporting-service', { GUICHET_BACKOFFICE_SECRET: '${GUICHET_BACKOFFICE_SECRET:-hunter2}' }); }), 'dev')],
    ['a secret with a development default in docker-compose.yml', () => secrets(edit((c) => { svc(c, 'postgres').environment.POSTGRES_PASSWORD = '${GUICHET_DB_PASSWORD:-guichet}'; }))],
    ['a secret that is not a required variable in docker-compose.yml', () => secrets(edit((c) => { withSvcEnv(c, 'reporting-service', { GUICHET_BACKOFFICE_SECRET: '${GUICHET_BACKOFFICE_SECRET}' }); }))],
    ['development tokens on in docker-compose.yml', () => production(edit((c) => { withSvcEnv(c, 'cart-service', { GUICHET_DEV_TOKENS: '${GUICHET_DEV_TOKENS:-true}' }); }), proj, baseDir)],
    ['the demo profile in docker-compose.yml', () => production(edit((c) => { withSvcEnv(c, 'billing-service', { QUARKUS_PROFILE: 'demo' }); }), proj, baseDir)],
    ['a service without its site file', () => production(edit((c) => { withSvcEnv(c, 'notification-service', {}, ['QUARKUS_CONFIG_LOCATIONS']); }), proj, baseDir)],
    ['the site directory mounted writable', () => production(edit((c) => { svc(c, 'payment-service').volumes = ['./deploy/compose/site:/etc/guichet/site']; }), proj, baseDir)],
    ['a site file the service does not mount', () => production(edit((c) => { svc(c, 'billing-service').volumes = []; }), proj, baseDir)],
    ['a variable of a site file the service is not given', () => production(edit((c) => { withSvcEnv(c, 'payment-service', {}, ['VILLE_EXEMPLE_POPULATION_MOLLIE_API_KEY']); }), proj, baseDir)],
    ['the demo realm imported by docker-compose.yml', () => production(edit((c) => { svc(c, 'keycloak').volumes = ['./deploy/keycloak:/opt/keycloak/data/import:ro']; }), proj, baseDir)],
    ['Keycloak in development mode in docker-compose.yml', () => production(edit((c) => { svc(c, 'keycloak').command = ['start-dev', '--http-port=8180']; }), proj, baseDir)],
    ['a demo service not in the demo profile', inDemo(() => demo(editMerged((c) => { withSvcEnv(c, 'cart-service', {}, ['QUARKUS_PROFILE']); }), proj, baseDir))],
    ['the demo without config/demo mounted', inDemo(() => demo(editMerged((c) => { svc(c, 'payment-service').volumes = svc(c, 'payment-service').volumes.filter((v) => !String(v).includes('config/demo')); }), proj, baseDir))],
    ['a demo service without config/demo/common.properties', inDemo(() => demo(editMerged((c) => { withSvcEnv(c, 'reporting-service', { QUARKUS_CONFIG_LOCATIONS: '/etc/guichet/demo/reporting-service.properties' }); }), proj, baseDir))],
    ['a variable docker-compose.yml requires that demo.env does not set', () => withEnv(Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'GUICHET_BACKOFFICE_SECRET')), () => variables(raw))],
    ['demo.env with an undocumented secret value', () => demoEnv({ ...env, GUICHET_DB_PASSWORD: 'hunter2' }, [raw, demoRaw])],
    ['a password on a command line', () => secrets(edit((c) => { svc(c, 'keycloak').command = ['start-dev', '--db-password=guichet']; }))],
    ['a variable without default', () => variables(edit((c) => { svc(c, 'postgres').environment.POSTGRES_PASSWORD = '${GUICHET_DB_PASSWORD}'; }), { requiredOk: true })],
    ['a service bound to 127.0.0.1 inside its container', () => settings(edit((c) => { svc(c, 'billing-service').environment = { ...svc(c, 'billing-service').environment }; delete svc(c, 'billing-service').environment.QUARKUS_HTTP_HOST; }), proj)],
    ['a service on another port than its application.properties', () => settings(edit((c) => { svc(c, 'cart-service').environment = { ...svc(c, 'cart-service').environment, QUARKUS_HTTP_PORT: '8080' }; }), proj)],
    ['Keycloak tokens turned off', () => settings(edit((c) => { svc(c, 'payment-service').environment = { ...svc(c, 'payment-service').environment, GUICHET_OIDC_ENABLED: 'false' }; }), proj)],
    ['billing-service at 127.0.0.1 inside a container', () => settings(edit((c) => { svc(c, 'payment-service').environment = { ...svc(c, 'payment-service').environment, GUICHET_SERVICES_BILLING_URL: 'http://127.0.0.1:8081' }; }), proj)],
    ['an address of application.properties not overridden', () => settings(edit((c) => { const e = { ...svc(c, 'cart-service').environment }; delete e.GUICHET_SERVICES_BILLING_URL; svc(c, 'cart-service').environment = e; }), proj)],
    ['a database init-databases.sql does not create', () => settings(edit((c) => { svc(c, 'billing-service').environment = { ...svc(c, 'billing-service').environment, QUARKUS_DATASOURCE_REACTIVE_URL: 'postgresql://postgres:5432/guichet_bill', QUARKUS_DATASOURCE_JDBC_URL: 'jdbc:postgresql://postgres:5432/guichet_bill' }; }), proj)],
    ['two services on one database', () => settings(edit((c) => { svc(c, 'cart-service').environment = { ...svc(c, 'cart-service').environment, QUARKUS_DATASOURCE_REACTIVE_URL: 'postgresql://postgres:5432/guichet_billing', QUARKUS_DATASOURCE_JDBC_URL: 'jdbc:postgresql://postgres:5432/guichet_billing' }; }), proj)],
    ['a mounted file that does not exist', () => files(edit((c) => { svc(c, 'keycloak').volumes = ['./deploy/compose/site/relam:/opt/keycloak/data/import:ro']; }), composeFile)],
    ['the desk left out', () => images(edit((c) => { delete c.services.web; }), proj)],
    ['the desk published on 0.0.0.0', () => ports(edit((c) => { svc(c, 'web').ports = ['0.0.0.0:8086:8086']; }))],
    ['the desk\'s client secret written in docker-compose.yml', () => secrets(edit((c) => { withSvcEnv(c, 'web', { GUICHET_DESK_CLIENT_SECRET: 'desk-development-secret-not-for-production' }); }))],
    ['the desk without its client secret', () => production(edit((c) => { withSvcEnv(c, 'web', {}, ['GUICHET_DESK_CLIENT_SECRET']); }), proj, baseDir)],
    ['the desk\'s session cookies over http in docker-compose.yml', () => production(edit((c) => { withSvcEnv(c, 'web', { QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE: 'false' }); }), proj, baseDir)],
    ['the desk not waiting for billing-service', () => startup(edit((c) => { const d = { ...svc(c, 'web').depends_on }; delete d['billing-service']; svc(c, 'web').depends_on = d; }), proj)],
    ['the desk calling cart-service at its packaged 127.0.0.1', () => settings(edit((c) => { withSvcEnv(c, 'web', {}, ['GUICHET_CART_URL']); }), proj)],
    ['the desk without its identity provider', () => settings(edit((c) => { withSvcEnv(c, 'web', {}, ['GUICHET_OIDC_URL']); }), proj)],
    ['the demo desk without config/demo/web.properties', inDemo(() => demo(editMerged((c) => { withSvcEnv(c, 'web', {}, ['QUARKUS_CONFIG_LOCATIONS']); }), proj, baseDir))],
    ['a health-check interval that is not a duration', () => files(edit((c) => { svc(c, 'kafka').healthcheck = { ...svc(c, 'kafka').healthcheck, interval: '10 seconds' }; }), composeFile)],
  ];
  return runSelfTest(cases, verbose);
}

// ---------------------------------------------------------------------------------------------------

export async function main(argv = process.argv.slice(2)) {
  const arg = (flag, fallback) => { const i = argv.indexOf(flag); return resolve(i >= 0 ? argv[i + 1] : fallback); };
  const composeFile = arg('--file', join(ROOT, 'docker-compose.yml'));
  const demoFile = arg('--demo', join(dirname(composeFile), 'docker-compose.demo.yml'));
  const demoEnvFile = arg('--demo-env', join(ROOT, 'deploy/compose/demo.env'));
  const baseDir = dirname(composeFile);
  const runSelfTest = !argv.includes('--no-self-test');
  const proj = project();
  const schema = loadSchema();
  const raw = load(composeFile);
  let passed = 0;
  let failed = 0;
  const notes = new Set();
  const line = (variant, kind, name, verdict) => console.log(`${variant.padEnd(7)} ${kind.padEnd(10)} ${name.padEnd(52)} ${verdict}`);
  const report = (variant, kind, name, errors) => {
    if (errors.length) {
      failed++;
      line(variant, kind, name, 'FAILED');
      for (const e of errors) console.log(`        ${e}`);
    } else {
      passed++;
      line(variant, kind, name, 'OK');
    }
  };
  // docker-compose.yml alone, with no variable set: production's shape
  withEnv({}, () => {
    report('compose', 'schema', 'Compose specification', schemaErrors(raw, schema));
    report('compose', 'check', 'every variable has a default or is required', variables(raw, { requiredOk: true }));
    report('compose', 'check', 'production: prod profile, site files, no dev tokens', production(raw, proj, baseDir));
    report('compose', 'check', `images ${proj.image.group}/<service>:${proj.image.tag}, pinned otherwise`, images(raw, proj));
    report('compose', 'check', 'Kafka, Keycloak (GreenMail) = libs/infra-dist', versions(raw, proj));
    report('compose', 'check', 'start-up order and health checks', startup(raw, proj));
    report('compose', 'check', 'ports published on 127.0.0.1 only', ports(raw));
    report('compose', 'check', 'secrets: required variables, no default', secrets(raw, 'required'));
    report('compose', 'check', 'addresses, ports, tokens, databases', settings(raw, proj, notes, baseDir));
    report('compose', 'check', 'files and durations', files(raw, composeFile));
  });
  // the demo: docker-compose.yml + docker-compose.demo.yml, read with demo.env, merged as Compose merges them
  const haveDemo = existsSync(demoFile);
  if (!haveDemo) report('demo', 'check', `${demoFile} exists`, [`${demoFile}: no such file (the demo override)`]);
  if (haveDemo && !existsSync(demoEnvFile)) report('demo', 'check', `${demoEnvFile} exists`, [`${demoEnvFile}: no such file`]);
  const demoRaw = haveDemo ? load(demoFile) : null;
  const env = existsSync(demoEnvFile) ? envFile(demoEnvFile) : {};
  const merged = demoRaw ? mergeCompose(raw, demoRaw) : null;
  if (merged) {
    withEnv(env, () => {
      report('demo', 'schema', 'Compose specification (merged)', schemaErrors(merged, schema));
      report('demo', 'check', 'every variable resolves with demo.env', [...variables(raw), ...variables(demoRaw)]);
      report('demo', 'check', 'demo.env: documented development defaults', demoEnv(env, [raw, demoRaw]));
      report('demo', 'check', 'demo profile, config/demo mounted', demo(merged, proj, baseDir));
      report('demo', 'check', `images ${proj.image.group}/<service>:${proj.image.tag}, pinned otherwise`, images(merged, proj));
      report('demo', 'check', 'Kafka, Keycloak, GreenMail = libs/infra-dist', versions(merged, proj, Object.keys(INFRA_IMAGES)));
      report('demo', 'check', 'start-up order and health checks', startup(merged, proj));
      report('demo', 'check', 'ports published on 127.0.0.1 only', ports(merged));
      report('demo', 'check', 'secrets: documented development defaults only', secrets(demoRaw, 'dev'));
      report('demo', 'check', 'addresses, ports, tokens, databases', settings(merged, proj, notes, baseDir));
      report('demo', 'check', 'files and durations', files(merged, composeFile));
    });
  }
  if (runSelfTest && merged) {
    const { count, missed } = withEnv({}, () => selfTest(raw, proj, schema, composeFile, argv.includes('--verbose'), { demoRaw, merged, env }));
    report('both', 'self-test', `${count - missed.length}/${count} mistakes caught`, missed.map((m) => `not caught: ${m}`));
  }
  for (const n of notes) console.log(`note: ${n}`);
  console.log(`schema: ${schema.origin}, unchanged`);
  console.log(`deploy/validate compose: ${passed} checks passed, ${failed} failed`);
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code)).catch((e) => {
    console.error(`validate compose: ${e.message}`);
    process.exit(2);
  });
}
