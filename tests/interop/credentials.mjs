#!/usr/bin/env node
// Our credential chain judged by the official one: @alicloud/credentials (pinned in package.json)
// against dbs-signin-probe (app/auth + app/signin), setup by setup.
//
//   node credentials.mjs --simulator PATH --probe PATH --modules DIR [--verbose] [--keep]
//
// --simulator  the dbs-simulator executable
// --probe      the dbs-signin-probe executable (tests/interop/signin_probe.cpp)
// --modules    a node_modules folder holding the packages pinned in package.json beside this file
// --verbose    print both sides' answers for passing setups too
// --keep       keep the temporary folder (certificates, homes, logs; no secret outside it)
//
// For every setup the script makes a temporary HOME holding that setup's files (~/.aliyun/
// config.json, ~/.alibabacloud/credentials, an OIDC token), starts the simulators it needs, and
// runs, with the same environment and files, both the official default chain (`await new
// Credential().getCredential()`, in a child node process) and our probe. Then:
// - a source that hands out a fixed key (environment, CLI AK/StsToken, INI access_key): both must
//   have picked that very AccessKeyId (the setups put other keys in the sources below it);
// - a source that mints a key per call (AssumeRole, AssumeRoleWithOIDC): both keys must be in the
//   issued log (dbs-simulator --issued-log) of the same simulator, the one serving the host the
//   official library asks, for the same role (and, for AssumeRole, signed by the same source
//   key);
// - instance metadata and a credentials URI: the same AccessKeyId, issued by that simulator;
// - and the keys the official library got must sign a DescribeBackupGatewayList call
//   (@alicloud/pop-core) that the simulator accepts.
//
// The official library only talks to sts.aliyuncs.com / sts.<region>.aliyuncs.com (over https)
// and 100.100.100.200 (instance metadata) in most modes. Those setups run inside a network
// namespace the script makes (`unshare --net --mount --pid`, with --map-root-user when not
// root): lo up, 100.100.100.200 on lo (a simulator listens there on port 80), a hosts file bound
// over /etc/hosts mapping sts.aliyuncs.com to 127.0.0.1 and sts.cn-shanghai.aliyuncs.com to
// 127.0.0.2, where HTTPS simulators listen on 443 with a certificate from a CA made here
// (NODE_EXTRA_CA_CERTS for node, --ca-file for the probe). There our probe runs with its real
// defaults (no DBS_STS_ENDPOINT / DBS_ECS_METADATA_ENDPOINT), which also tests those defaults.
// The namespace's pid namespace ends everything started in it when its first process goes.
//
// One line per setup: PASS, FAIL (with both sides' answers, the simulators' output and issued
// logs, secrets replaced by <secret>) or NOT JUDGED (with the reason); NOT COMPARED lines name
// the modes only one side knows. Last line: "N passed, M failed, K not judged". Exit status 0
// when every setup passed, 1 when one failed, 77 (ctest: skipped, not passed) when none failed
// but some could not be judged. Every process started is killed, by process group, on every
// way out; the script gives up after OVERALL_TIMEOUT_MS.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import dns from 'node:dns';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(import.meta.url);
const OVERALL_TIMEOUT_MS = 60_000;
const STARTUP_TIMEOUT_MS = 10_000;
const SIDE_TIMEOUT_MS = 20_000; // one side of one setup, killed after it
const PROBE_TIMEOUT_MS = 15_000; // the probe gives up by itself a little earlier
const SHUTDOWN_TIMEOUT_MS = 5_000;
const DBS_TIMEOUT_MS = 10_000;

const REGION = 'cn-hangzhou';
const GATEWAYS = 7;
const SKIPPED_EXIT = 77;

const METADATA_HOST = '100.100.100.200';
const STS_GLOBAL = 'sts.aliyuncs.com';
const STS_REGION = 'cn-shanghai';
const STS_REGIONAL = `sts.${STS_REGION}.aliyuncs.com`;

// ---------------------------------------------------------------------------------------------
// Output, bookkeeping, children

let verbose = false;
const children = new Set();
let workDir = null;
let keepWork = false;
const tally = { passed: [], failed: [], notJudged: [] };

function out(line) {
  process.stdout.write(`${line}\n`);
}

function indent(text, prefix = '    ') {
  return String(text)
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

function oneLine(text) {
  return String(text).replace(/\r?\n/g, '\\n');
}

function pass(name, notes = []) {
  tally.passed.push(name);
  out(`PASS ${name}`);
  for (const n of notes) out(indent(n));
}

function fail(name, reason, details = '') {
  tally.failed.push(name);
  out(`FAIL ${name}: ${oneLine(reason)}`);
  if (details) out(indent(details));
}

function notJudged(name, reason) {
  tally.notJudged.push(name);
  out(`NOT JUDGED ${name}: ${oneLine(reason)}`);
}

function notCompared(what, reason) {
  out(`NOT COMPARED ${what}: ${oneLine(reason)}`);
}

// Every child gets its own process group (detached), killed as a whole.
function spawnTracked(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.on('error', () => children.delete(child));
  return child;
}

function killGroup(child, signal = 'SIGKILL') {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function killAll() {
  for (const child of children) killGroup(child);
  children.clear();
}

function removeWork() {
  if (workDir && !keepWork) {
    try {
      fs.rmSync(workDir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
}

process.on('exit', () => {
  killAll();
  removeWork();
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    fail('interrupted', `received ${sig}`);
    finish();
  });
}

function finish() {
  killAll();
  const { passed, failed, notJudged: skipped } = tally;
  out(`${passed.length} passed, ${failed.length} failed, ${skipped.length} not judged`);
  removeWork();
  process.exit(failed.length > 0 ? 1 : skipped.length > 0 ? SKIPPED_EXIT : 0);
}

// Runs a program to its end (or kills its group after timeoutMs).
function run(command, args, { env, timeoutMs, cwd }) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawnTracked(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stdout, stderr: `${stderr}${err.message}`, timedOut, ms: Date.now() - t0 });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup(child); // anything it left behind in its group
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - t0 });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = { simulator: null, probe: null, modules: null, verbose: false, keep: false, mode: 'outer' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--simulator') args.simulator = value();
    else if (a === '--probe') args.probe = value();
    else if (a === '--modules') args.modules = value();
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--keep') args.keep = true;
    // Internal: the namespace's half of the run, and the official library's side of a setup.
    else if (a === '--inside') args.mode = 'inside';
    else if (a === '--official') args.mode = 'official';
    else if (a === '--work') args.work = value();
    else if (a === '--setups') args.setups = value().split(',').filter(Boolean);
    else if (a === '--dbs-endpoint') args.dbsEndpoint = value();
    else if (a === '--secrets-file') args.secretsFile = value();
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.modules) throw new Error('--modules DIR is required');
  // Children run elsewhere (in each setup's folder).
  for (const k of ['simulator', 'probe', 'modules', 'work']) if (args[k]) args[k] = path.resolve(args[k]);
  if (args.mode !== 'official') {
    if (!args.simulator) throw new Error('--simulator PATH is required');
    if (!args.probe) throw new Error('--probe PATH is required');
  }
  return args;
}

function requireFrom(modulesDir) {
  const dir = fs.realpathSync(modulesDir);
  const req = createRequire(path.join(dir, '__interop_resolver__.js'));
  return (name) => {
    const resolved = fs.realpathSync(req.resolve(name));
    if (!resolved.startsWith(dir + path.sep)) throw new Error(`${name} resolved to ${resolved}, outside ${dir}`);
    return req(name);
  };
}

function packageVersion(modulesDir, name) {
  return JSON.parse(fs.readFileSync(path.join(modulesDir, name, 'package.json'), 'utf8')).version;
}

// ---------------------------------------------------------------------------------------------
// The official side: one child process per setup, in that setup's environment. Prints one JSON
// line, never a secret: the secret and token it got go to --secrets-file (in the test's temp
// folder, mode 0600) so that the parent can look for them in everyone's output.

async function officialMain(args) {
  const print = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);
  const timer = setTimeout(() => {
    print({ ok: false, error: `no credential within ${SIDE_TIMEOUT_MS - 3000} ms` });
    process.exit(1);
  }, SIDE_TIMEOUT_MS - 3000);
  const load = requireFrom(args.modules);
  const Credential = load('@alicloud/credentials').default;
  let credential;
  try {
    credential = await new Credential().getCredential();
  } catch (err) {
    print({ ok: false, error: err && err.message ? err.message : String(err) });
    process.exit(1);
  }
  const result = {
    ok: true,
    accessKeyId: credential.accessKeyId,
    providerName: credential.providerName,
    type: credential.type,
    securityToken: Boolean(credential.securityToken),
  };
  if (args.secretsFile) {
    const secrets = [credential.accessKeySecret, credential.securityToken].filter(Boolean);
    fs.writeFileSync(args.secretsFile, JSON.stringify(secrets), { mode: 0o600 });
  }
  if (args.dbsEndpoint) {
    const RPCClient = load('@alicloud/pop-core');
    const config = {
      accessKeyId: credential.accessKeyId,
      accessKeySecret: credential.accessKeySecret,
      endpoint: args.dbsEndpoint,
      apiVersion: '2019-03-06',
      opts: { timeout: DBS_TIMEOUT_MS },
    };
    if (credential.securityToken) config.securityToken = credential.securityToken;
    try {
      const client = new RPCClient(config);
      const body = await client.request(
        'DescribeBackupGatewayList',
        { Region: REGION, PageSize: 30 },
        { method: 'POST', timeout: DBS_TIMEOUT_MS },
      );
      result.dbs = { ok: true, totalElements: Number(String(body.TotalElements)), requestId: body.RequestId };
    } catch (err) {
      result.dbs = {
        ok: false,
        code: err && err.code,
        status: err && err.entry && err.entry.response ? err.entry.response.statusCode : undefined,
        error: err && err.message ? err.message : String(err),
      };
    }
  }
  clearTimeout(timer);
  print(result);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Keys and files of the setups. Ids are fixed (they may be printed), secrets and tokens are new
// each run (they never are).

function secret(n = 30) {
  return crypto.randomBytes(n).toString('base64url').slice(0, n);
}

function key(id, withToken = false) {
  // Tokens carry '+', '/' and '=' like real ones.
  return { id, secret: secret(), token: withToken ? `CAIS+${secret(40)}/${secret(20)}==` : undefined };
}

const KEYS = {
  envAk: key('LTAI5tCredEnvAk0000000001'),
  envSts: key('STS.NTCredEnvSts000000001', true),
  cliAk: key('LTAI5tCredCliAk0000000001'),
  cliSts: key('STS.NTCredCliSts000000001', true),
  cliSource: key('LTAI5tCredCliRoleSource01'),
  cliChainSource: key('LTAI5tCredCliChainSrc0001'),
  iniAk: key('LTAI5tCredIniAk0000000001'),
  iniSource: key('LTAI5tCredIniRoleSource01'),
  decoyCli: key('LTAI5tCredDecoyCliProfile'),
  decoyIni: key('LTAI5tCredDecoyIniSection'),
  decoyFile: key('LTAI5tCredDecoyDefaultIni'),
};
const OIDC_TOKEN = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(`{"sub":"interop","n":"${secret(12)}"}`).toString('base64url')}.${secret(43)}`;
const ACCOUNT = '1234567890123456';
const OIDC_PROVIDER_ARN = `acs:ram::${ACCOUNT}:oidc-provider/interop-ack`;
const role = (name) => `acs:ram::${ACCOUNT}:role/${name}`;

function knownName(id) {
  for (const [name, k] of Object.entries(KEYS)) if (k.id === id) return name;
  return null;
}

function allSecrets() {
  const list = [OIDC_TOKEN];
  for (const k of Object.values(KEYS)) {
    list.push(k.secret);
    if (k.token) list.push(k.token);
  }
  return list;
}

function redact(text, secrets) {
  let s = String(text);
  for (const x of secrets) if (x) s = s.split(x).join('<secret>');
  return s;
}

function akProfile(name, k, extra = {}) {
  const p = { name, mode: k.token ? 'StsToken' : 'AK', access_key_id: k.id, access_key_secret: k.secret, region_id: REGION };
  if (k.token) p.sts_token = k.token;
  return { ...p, ...extra };
}

function cliConfig(current, profiles) {
  return JSON.stringify({ current, profiles, meta_path: '' }, null, 2);
}

function ini(sections) {
  return Object.entries(sections)
    .map(([name, fields]) => `[${name}]\n${Object.entries(fields).map(([k, v]) => `${k} = ${v}`).join('\n')}\n`)
    .join('\n');
}

const decoyCliConfig = () => cliConfig('decoy', [akProfile('decoy', KEYS.decoyCli)]);
const decoyIni = () =>
  ini({ default: { type: 'access_key', access_key_id: KEYS.decoyIni.id, access_key_secret: KEYS.decoyIni.secret } });

// Servers: name -> { listen, tls, keys, ecsRole, v2Only }. After start, each has url and issued.
const stsServer = (listen, keys = []) => ({ listen, tls: true, keys });
const GLOBAL = '127.0.0.1:443';
const REGIONAL = '127.0.0.2:443';

// expect: { fixed: KEY } | { issued: server, kind, roleArn, source?: KEY } |
//         { shared: server, kind: 'InstanceMetadata', roleName }
// dbs: the server the official library's keys are sent to, and the URL it is reached at.
const SETUPS = [
  {
    name: 'env_ak',
    what: 'ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET, over a CLI profile and an INI file',
    servers: { dbs: { listen: '127.0.0.1:0', keys: [KEYS.envAk] } },
    env: () => ({ ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.envAk.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEYS.envAk.secret }),
    files: () => ({ '.aliyun/config.json': decoyCliConfig(), '.alibabacloud/credentials': decoyIni() }),
    expect: { fixed: KEYS.envAk },
    dbs: 'dbs',
  },
  {
    name: 'env_sts',
    what: 'the environment with ALIBABA_CLOUD_SECURITY_TOKEN, over an INI file',
    servers: { dbs: { listen: '127.0.0.1:0', keys: [KEYS.envSts] } },
    env: () => ({
      ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.envSts.id,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEYS.envSts.secret,
      ALIBABA_CLOUD_SECURITY_TOKEN: KEYS.envSts.token,
    }),
    files: () => ({ '.alibabacloud/credentials': decoyIni() }),
    expect: { fixed: KEYS.envSts },
    dbs: 'dbs',
  },
  {
    name: 'cli_ak',
    what: 'aliyun CLI profile mode AK (the current one), over an INI file',
    servers: { dbs: { listen: '127.0.0.1:0', keys: [KEYS.cliAk] } },
    files: () => ({
      '.aliyun/config.json': cliConfig('work', [akProfile('decoy', KEYS.decoyCli), akProfile('work', KEYS.cliAk)]),
      '.alibabacloud/credentials': decoyIni(),
    }),
    expect: { fixed: KEYS.cliAk },
    dbs: 'dbs',
  },
  {
    name: 'cli_ak_profile_env',
    what: 'aliyun CLI profile mode AK picked by ALIBABA_CLOUD_PROFILE (not the current one)',
    servers: { dbs: { listen: '127.0.0.1:0', keys: [KEYS.cliAk] } },
    env: () => ({ ALIBABA_CLOUD_PROFILE: 'picked' }),
    files: () => ({
      '.aliyun/config.json': cliConfig('decoy', [akProfile('decoy', KEYS.decoyCli), akProfile('picked', KEYS.cliAk)]),
    }),
    expect: { fixed: KEYS.cliAk },
    dbs: 'dbs',
  },
  {
    name: 'cli_ststoken',
    what: 'aliyun CLI profile mode StsToken, over an INI file',
    servers: { dbs: { listen: '127.0.0.1:0', keys: [KEYS.cliSts] } },
    files: () => ({
      '.aliyun/config.json': cliConfig('sts', [akProfile('sts', KEYS.cliSts)]),
      '.alibabacloud/credentials': decoyIni(),
    }),
    expect: { fixed: KEYS.cliSts },
    dbs: 'dbs',
  },
  {
    name: 'cli_ramrolearn_sts_endpoint',
    what: 'aliyun CLI profile mode RamRoleArn with sts_endpoint (https, a local STS)',
    servers: { sts: { listen: '127.0.0.1:0', tls: true, keys: [KEYS.cliSource] } },
    files: (s) => ({
      '.aliyun/config.json': cliConfig('role', [
        akProfile('role', KEYS.cliSource, {
          mode: 'RamRoleArn',
          ram_role_arn: role('cli-ram-role'),
          ram_session_name: 'cli-ram-session',
          sts_endpoint: `127.0.0.1:${s.sts.port}`,
        }),
      ]),
      '.alibabacloud/credentials': decoyIni(),
    }),
    expect: { issued: 'sts', kind: 'AssumeRole', roleArn: role('cli-ram-role'), source: KEYS.cliSource },
    dbs: 'sts',
  },
  {
    name: 'ini_access_key',
    what: 'INI ~/.alibabacloud/credentials [default] type access_key',
    servers: { dbs: { listen: '127.0.0.1:0', keys: [KEYS.iniAk] } },
    files: () => ({
      '.alibabacloud/credentials': ini({
        other: { type: 'access_key', access_key_id: KEYS.decoyIni.id, access_key_secret: KEYS.decoyIni.secret },
        default: { type: 'access_key', access_key_id: KEYS.iniAk.id, access_key_secret: KEYS.iniAk.secret },
      }),
    }),
    expect: { fixed: KEYS.iniAk },
    dbs: 'dbs',
  },
  {
    name: 'ini_access_key_credentials_file',
    what: 'INI file named by ALIBABA_CLOUD_CREDENTIALS_FILE, over ~/.alibabacloud/credentials',
    servers: { dbs: { listen: '127.0.0.1:0', keys: [KEYS.iniAk] } },
    env: (s, home) => ({ ALIBABA_CLOUD_CREDENTIALS_FILE: path.join(home, 'elsewhere', 'credentials.ini') }),
    files: () => ({
      'elsewhere/credentials.ini': ini({
        default: { type: 'access_key', access_key_id: KEYS.iniAk.id, access_key_secret: KEYS.iniAk.secret },
      }),
      '.alibabacloud/credentials': ini({
        default: { type: 'access_key', access_key_id: KEYS.decoyFile.id, access_key_secret: KEYS.decoyFile.secret },
      }),
    }),
    expect: { fixed: KEYS.iniAk },
    dbs: 'dbs',
  },

  // In the network namespace: the real hosts.
  {
    name: 'oidc_env',
    namespace: true,
    what: 'OIDC from ALIBABA_CLOUD_ROLE_ARN/OIDC_PROVIDER_ARN/OIDC_TOKEN_FILE at sts.aliyuncs.com, over a CLI profile',
    servers: { global: stsServer(GLOBAL), regional: stsServer(REGIONAL) },
    env: (s, home) => ({
      ALIBABA_CLOUD_ROLE_ARN: role('oidc-role'),
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: OIDC_PROVIDER_ARN,
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: path.join(home, 'oidc', 'token'),
    }),
    files: () => ({ 'oidc/token': OIDC_TOKEN, '.aliyun/config.json': decoyCliConfig() }),
    expect: { issued: 'global', kind: 'AssumeRoleWithOIDC', roleArn: role('oidc-role') },
    dbs: 'global',
  },
  {
    name: 'oidc_env_sts_region',
    namespace: true,
    what: `OIDC from the environment with ALIBABA_CLOUD_STS_REGION=${STS_REGION} (${STS_REGIONAL})`,
    servers: { global: stsServer(GLOBAL), regional: stsServer(REGIONAL) },
    env: (s, home) => ({
      ALIBABA_CLOUD_ROLE_ARN: role('oidc-role'),
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: OIDC_PROVIDER_ARN,
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: path.join(home, 'oidc', 'token'),
      ALIBABA_CLOUD_STS_REGION: STS_REGION,
    }),
    files: () => ({ 'oidc/token': OIDC_TOKEN }),
    expect: { issued: 'regional', kind: 'AssumeRoleWithOIDC', roleArn: role('oidc-role') },
    dbs: 'regional',
  },
  {
    name: 'cli_oidc',
    namespace: true,
    what: 'aliyun CLI profile mode OIDC at sts.aliyuncs.com',
    servers: { global: stsServer(GLOBAL), regional: stsServer(REGIONAL) },
    files: (s, home) => ({
      'oidc/token': OIDC_TOKEN,
      '.aliyun/config.json': cliConfig('oidc', [
        {
          name: 'oidc',
          mode: 'OIDC',
          ram_role_arn: role('cli-oidc-role'),
          oidc_provider_arn: OIDC_PROVIDER_ARN,
          oidc_token_file: path.join(home, 'oidc', 'token'),
          ram_session_name: 'cli-oidc-session',
          region_id: REGION,
        },
      ]),
    }),
    expect: { issued: 'global', kind: 'AssumeRoleWithOIDC', roleArn: role('cli-oidc-role') },
    dbs: 'global',
  },
  {
    name: 'cli_chainable_ramrolearn',
    namespace: true,
    what: 'aliyun CLI profile mode ChainableRamRoleArn (source_profile AK) at sts.aliyuncs.com',
    servers: { global: stsServer(GLOBAL, [KEYS.cliChainSource]), regional: stsServer(REGIONAL, [KEYS.cliChainSource]) },
    files: () => ({
      '.aliyun/config.json': cliConfig('chained', [
        akProfile('base', KEYS.cliChainSource),
        { name: 'chained', mode: 'ChainableRamRoleArn', source_profile: 'base', ram_role_arn: role('chained-role'), ram_session_name: 'chained-session' },
      ]),
      '.alibabacloud/credentials': decoyIni(),
    }),
    expect: { issued: 'global', kind: 'AssumeRole', roleArn: role('chained-role'), source: KEYS.cliChainSource },
    dbs: 'global',
  },
  {
    name: 'cli_chainable_sts_region',
    namespace: true,
    what: `aliyun CLI profile mode ChainableRamRoleArn with sts_region ${STS_REGION} (${STS_REGIONAL})`,
    servers: { global: stsServer(GLOBAL, [KEYS.cliChainSource]), regional: stsServer(REGIONAL, [KEYS.cliChainSource]) },
    files: () => ({
      '.aliyun/config.json': cliConfig('chained', [
        akProfile('base', KEYS.cliChainSource),
        {
          name: 'chained',
          mode: 'ChainableRamRoleArn',
          source_profile: 'base',
          ram_role_arn: role('chained-role'),
          ram_session_name: 'chained-session',
          sts_region: STS_REGION,
        },
      ]),
    }),
    expect: { issued: 'regional', kind: 'AssumeRole', roleArn: role('chained-role'), source: KEYS.cliChainSource },
    dbs: 'regional',
  },
  {
    name: 'cli_chainable_env_sts_region',
    namespace: true,
    what: `aliyun CLI profile mode ChainableRamRoleArn, no sts_region, ALIBABA_CLOUD_STS_REGION=${STS_REGION} (${STS_REGIONAL})`,
    servers: { global: stsServer(GLOBAL, [KEYS.cliChainSource]), regional: stsServer(REGIONAL, [KEYS.cliChainSource]) },
    env: () => ({ ALIBABA_CLOUD_STS_REGION: STS_REGION }),
    files: () => ({
      '.aliyun/config.json': cliConfig('chained', [
        akProfile('base', KEYS.cliChainSource),
        { name: 'chained', mode: 'ChainableRamRoleArn', source_profile: 'base', ram_role_arn: role('chained-role'), ram_session_name: 'chained-session' },
      ]),
    }),
    expect: { issued: 'regional', kind: 'AssumeRole', roleArn: role('chained-role'), source: KEYS.cliChainSource },
    dbs: 'regional',
  },
  {
    name: 'cli_ecsramrole',
    namespace: true,
    what: 'aliyun CLI profile mode EcsRamRole with ram_role_name (IMDSv2 only), over an INI file',
    servers: { imds: { listen: `${METADATA_HOST}:80`, ecsRole: 'cli-ecs-role', v2Only: true } },
    files: () => ({
      '.aliyun/config.json': cliConfig('ecs', [{ name: 'ecs', mode: 'EcsRamRole', ram_role_name: 'cli-ecs-role', region_id: REGION }]),
      '.alibabacloud/credentials': decoyIni(),
    }),
    expect: { shared: 'imds', kind: 'InstanceMetadata', roleName: 'cli-ecs-role' },
    dbs: 'imds',
  },
  {
    name: 'ini_ram_role_arn',
    namespace: true,
    what: 'INI type ram_role_arn at sts.aliyuncs.com',
    servers: { global: stsServer(GLOBAL, [KEYS.iniSource]), regional: stsServer(REGIONAL, [KEYS.iniSource]) },
    files: () => ({
      '.alibabacloud/credentials': ini({
        default: {
          type: 'ram_role_arn',
          access_key_id: KEYS.iniSource.id,
          access_key_secret: KEYS.iniSource.secret,
          role_arn: role('ini-role'),
          role_session_name: 'ini-session',
        },
      }),
    }),
    expect: { issued: 'global', kind: 'AssumeRole', roleArn: role('ini-role'), source: KEYS.iniSource },
    dbs: 'global',
  },
  {
    name: 'ini_ram_role_arn_env_sts_region',
    namespace: true,
    what: `INI type ram_role_arn with ALIBABA_CLOUD_STS_REGION=${STS_REGION} (${STS_REGIONAL})`,
    servers: { global: stsServer(GLOBAL, [KEYS.iniSource]), regional: stsServer(REGIONAL, [KEYS.iniSource]) },
    env: () => ({ ALIBABA_CLOUD_STS_REGION: STS_REGION }),
    files: () => ({
      '.alibabacloud/credentials': ini({
        default: {
          type: 'ram_role_arn',
          access_key_id: KEYS.iniSource.id,
          access_key_secret: KEYS.iniSource.secret,
          role_arn: role('ini-role'),
          role_session_name: 'ini-session',
        },
      }),
    }),
    expect: { issued: 'regional', kind: 'AssumeRole', roleArn: role('ini-role'), source: KEYS.iniSource },
    dbs: 'regional',
  },
  {
    name: 'ini_ecs_ram_role',
    namespace: true,
    what: 'INI type ecs_ram_role without role_name (asked from the metadata service)',
    servers: { imds: { listen: `${METADATA_HOST}:80`, ecsRole: 'ini-ecs-role' } },
    files: () => ({ '.alibabacloud/credentials': ini({ default: { type: 'ecs_ram_role' } }) }),
    expect: { shared: 'imds', kind: 'InstanceMetadata', roleName: 'ini-ecs-role' },
    dbs: 'imds',
  },
  {
    name: 'credentials_uri',
    namespace: true, // where no metadata service answers, as on a desktop
    what: 'ALIBABA_CLOUD_CREDENTIALS_URI (http, the simulator\'s metadata credentials path, v1)',
    servers: { uri: { listen: '127.0.0.1:0', ecsRole: 'uri-role' } },
    env: (s) => ({ ALIBABA_CLOUD_CREDENTIALS_URI: `${s.uri.url}/latest/meta-data/ram/security-credentials/uri-role` }),
    files: () => ({}),
    expect: { shared: 'uri', kind: 'InstanceMetadata', roleName: 'uri-role' },
    dbs: 'uri',
  },
  {
    name: 'ecs_metadata_last_resort',
    namespace: true,
    what: 'nothing configured: the ECS instance RAM role from 100.100.100.200 (IMDSv2 only)',
    servers: { imds: { listen: `${METADATA_HOST}:80`, ecsRole: 'instance-role', v2Only: true } },
    files: () => ({}),
    expect: { shared: 'imds', kind: 'InstanceMetadata', roleName: 'instance-role' },
    dbs: 'imds',
    lastResort: true,
  },
];

const NOT_COMPARED = [
  ['CLI profile mode CredentialsURI', 'nodejs 2.4.7 has no such mode (throws "unsupported profile mode"); ours reads it as the aliyun CLI does'],
  ['CLI profile without a mode', 'nodejs 2.4.7 throws "unsupported profile mode \'\'"; ours recognizes the mode as the aliyun CLI does'],
  ['CLI profile mode RamRoleArnWithRoleName', 'an aliyun CLI mode nodejs 2.4.7 does not know'],
  ['CLI profile modes CloudSSO and OAuth', 'nodejs signs in at the SSO/OAuth portal; ours uses the keys the CLI cached'],
  ['CLI profile mode External', 'both know it, but nodejs writes the keys back into config.json; not covered here'],
  ['INI types sts, oidc_role_arn, credentials_uri', 'the nodejs 2.4.7 default chain knows only access_key, ecs_ram_role and ram_role_arn'],
  ['ALIBABA_CLOUD_CONFIG_FILE', 'nodejs 2.4.7 reads only ~/.aliyun/config.json'],
  ['a credentials URI beside a metadata service', 'nodejs asks instance metadata before the URI, ours the URI first (on purpose): credentials_uri runs where no metadata service answers'],
];

// ---------------------------------------------------------------------------------------------
// Simulators

function startSimulator(exe, name, spec, dir, certs) {
  return new Promise((resolve, reject) => {
    const issuedLog = path.join(dir, `issued-${name}.jsonl`);
    const args = ['--listen', spec.listen, '--gateways', String(GATEWAYS), '--regions', REGION, '--seed', '7', '--issued-log', issuedLog];
    for (const k of spec.keys || []) args.push('--access-key', [k.id, k.secret, k.token].filter(Boolean).join(':'));
    if (spec.tls) args.push('--tls-cert', certs.cert, '--tls-key', certs.key);
    if (spec.ecsRole) args.push('--ecs-role', spec.ecsRole);
    if (spec.v2Only) args.push('--imds-v2-only');
    const child = spawnTracked(exe, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8' } });
    const output = [];
    const server = { name, spec, child, output, issuedLog, exited: null };
    server.exited = new Promise((res) => child.on('exit', (code, signal) => res({ code, signal })));
    let settled = false;
    const settle = (fn, v) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        if (fn === reject) killGroup(child); // a simulator that did not start does not stay
        fn(v);
      }
    };
    const timer = setTimeout(() => settle(reject, new Error(`simulator ${name}: no "listening on" line within ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
    child.on('error', (err) => settle(reject, new Error(`simulator ${name}: ${err.message}`)));
    server.exited.then(({ code, signal }) =>
      settle(reject, new Error(`simulator ${name} (${spec.listen}) exited (code ${code}, signal ${signal}): ${output.join(' | ')}`)),
    );
    let first = true;
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(`[${name} stdout] ${line}`);
      if (!first) return;
      first = false;
      const m = /^listening on (https?):\/\/([^/]+):(\d+)\/?$/.exec(line.trim());
      if (!m) return settle(reject, new Error(`simulator ${name}: first line ${JSON.stringify(line)}`));
      server.port = Number(m[3]);
      server.url = `${m[1]}://${m[2]}:${m[3]}`;
      settle(resolve, server);
    });
    readline.createInterface({ input: child.stderr }).on('line', (line) => {
      output.push(`[${name} stderr] ${line}`);
      if (output.length > 100) output.shift();
    });
  });
}

async function stopSimulator(server) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  killGroup(server.child, 'SIGTERM');
  let timer;
  const late = new Promise((res) => (timer = setTimeout(() => res('late'), SHUTDOWN_TIMEOUT_MS)));
  const how = await Promise.race([server.exited, late]);
  clearTimeout(timer);
  if (how === 'late') {
    killGroup(server.child);
    await server.exited;
  }
}

function readIssued(server) {
  try {
    return fs
      .readFileSync(server.issuedLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  } catch (err) {
    return [{ unreadable: err.message }];
  }
}

// ---------------------------------------------------------------------------------------------
// One setup

function parseSide(result) {
  const lines = result.stdout.trim().split('\n').filter(Boolean);
  let answer = null;
  try {
    answer = JSON.parse(lines[lines.length - 1]);
  } catch {
    answer = null;
  }
  return answer;
}

function describeSide(label, result, answer, secrets) {
  const parts = [`${label}: exit ${result.code}${result.signal ? ` (${result.signal})` : ''}${result.timedOut ? ', killed after the time limit' : ''}, ${result.ms} ms`];
  parts.push(`  stdout: ${redact(result.stdout.trim(), secrets) || '(nothing)'}`);
  if (result.stderr.trim()) parts.push(`  stderr: ${redact(result.stderr.trim().split('\n').slice(-15).join('\n          '), secrets)}`);
  if (!answer) parts.push('  (no JSON answer)');
  return parts.join('\n');
}

function keyLabel(id) {
  const name = knownName(id);
  return name ? `${id} (the ${name} key)` : String(id);
}

async function runSetup(setup, args, certs) {
  const dir = path.join(workDir, setup.name);
  const home = path.join(dir, 'home');
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const servers = {};
  const t0 = Date.now();
  const problems = [];
  let official = null;
  let probe = null;
  let officialAnswer = null;
  let probeAnswer = null;
  let secrets = allSecrets();
  try {
    for (const [name, spec] of Object.entries(setup.servers)) {
      servers[name] = await startSimulator(args.simulator, name, spec, dir, certs);
    }
    const files = setup.files ? setup.files(servers, home) : {};
    for (const [rel, content] of Object.entries(files)) {
      const file = path.join(home, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, content, { mode: 0o600 });
    }
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TMPDIR: dir,
      NODE_EXTRA_CA_CERTS: certs.ca,
      ...(setup.env ? setup.env(servers, home) : {}),
    };
    const dbsServer = servers[setup.dbs];
    // sts.aliyuncs.com and the regional host are reached by name (the certificate's), the rest
    // at the address they listen on.
    const dbsUrl =
      dbsServer.spec.listen === GLOBAL ? `https://${STS_GLOBAL}` : dbsServer.spec.listen === REGIONAL ? `https://${STS_REGIONAL}` : dbsServer.url;
    const secretsFile = path.join(dir, 'official-secrets.json');
    [official, probe] = await Promise.all([
      run(process.execPath, [SCRIPT, '--official', '--modules', args.modules, '--dbs-endpoint', dbsUrl, '--secrets-file', secretsFile], {
        env,
        timeoutMs: SIDE_TIMEOUT_MS,
        cwd: dir,
      }),
      run(args.probe, ['--ca-file', certs.ca, '--timeout-ms', String(PROBE_TIMEOUT_MS)], { env, timeoutMs: SIDE_TIMEOUT_MS, cwd: dir }),
    ]);
    try {
      secrets = secrets.concat(JSON.parse(fs.readFileSync(secretsFile, 'utf8')));
    } catch {
      // no credential, nothing to look for
    }
    officialAnswer = parseSide(official);
    probeAnswer = parseSide(probe);

    // Secrets: never in our probe's output (nor, checked here too, in the simulators').
    for (const x of secrets) {
      if (probe.stdout.includes(x) || probe.stderr.includes(x)) problems.push('our probe printed a secret or token');
    }
    for (const server of Object.values(servers)) {
      const logText = fs.existsSync(server.issuedLog) ? fs.readFileSync(server.issuedLog, 'utf8') : '';
      for (const x of secrets) {
        if (server.output.join('\n').includes(x) || logText.includes(x)) problems.push(`simulator ${server.name} printed or logged a secret`);
      }
    }

    if (!officialAnswer || !officialAnswer.ok) {
      problems.push(`the official library got no credential: ${officialAnswer ? officialAnswer.error : 'no answer'}`);
    }
    if (!probeAnswer || !probeAnswer.ok) {
      problems.push(`our chain got no credential: ${probeAnswer ? probeAnswer.error : 'no answer'}`);
    }
    if (officialAnswer && officialAnswer.ok && probeAnswer && probeAnswer.ok) {
      const ids = { official: officialAnswer.accessKeyId, ours: probeAnswer.accessKeyId };
      const issued = Object.fromEntries(Object.entries(servers).map(([n, s]) => [n, readIssued(s)]));
      const whereIssued = (id) => {
        for (const [n, lines] of Object.entries(issued)) {
          const line = lines.find((l) => l.accessKeyId === id);
          if (line) return { server: n, line };
        }
        return null;
      };
      const e = setup.expect;
      if (e.fixed) {
        for (const [side, id] of Object.entries(ids)) {
          if (id !== e.fixed.id) problems.push(`${side} picked ${keyLabel(id)}, expected ${keyLabel(e.fixed.id)}`);
        }
        if (probeAnswer.expires !== 0) problems.push(`our chain says the fixed key expires at ${probeAnswer.expires}`);
      } else {
        const serverName = e.issued || e.shared;
        const host = servers[serverName].spec.listen;
        if (e.shared && ids.official !== ids.ours) {
          problems.push(`different keys: official ${keyLabel(ids.official)}, ours ${keyLabel(ids.ours)} (the same service hands out one key)`);
        }
        if (e.issued && ids.official === ids.ours) problems.push(`the same key ${ids.ours} from two AssumeRole calls`);
        for (const [side, id] of Object.entries(ids)) {
          const found = whereIssued(id);
          if (!found) {
            problems.push(`${side}'s key ${keyLabel(id)} was issued by none of this setup's simulators`);
            continue;
          }
          if (found.server !== serverName) {
            problems.push(`${side}'s key came from simulator "${found.server}" (${servers[found.server].spec.listen}), expected "${serverName}" (${host})`);
            continue;
          }
          const l = found.line;
          if (l.kind !== e.kind) problems.push(`${side}'s key was issued by ${l.kind}, expected ${e.kind}`);
          if (e.roleArn && l.roleArn !== e.roleArn) problems.push(`${side}'s key is for role ${l.roleArn}, expected ${e.roleArn}`);
          if (e.roleName && l.roleName !== e.roleName) problems.push(`${side}'s key is for role ${l.roleName}, expected ${e.roleName}`);
          if (e.source && l.sourceAccessKeyId !== e.source.id) {
            problems.push(`${side}'s AssumeRole was signed by ${keyLabel(l.sourceAccessKeyId)}, expected ${keyLabel(e.source.id)}`);
          }
          // Our chain read the answer's Expiration right (to the millisecond of the whole second).
          if (side === 'ours' && probeAnswer.expires !== Date.parse(l.expiration)) {
            problems.push(`our chain says its key expires at ${probeAnswer.expires}, the simulator issued it until ${l.expiration}`);
          }
        }
      }
      if (Boolean(probeAnswer.lastResort) !== Boolean(setup.lastResort)) {
        problems.push(`our chain's lastResort is ${probeAnswer.lastResort}, expected ${Boolean(setup.lastResort)}`);
      }
      const d = officialAnswer.dbs;
      if (!d) problems.push('the official keys were not tried on DBS');
      else if (!d.ok) problems.push(`DBS refused the official library's keys at ${dbsUrl}: ${d.status} ${d.code}: ${d.error}`);
      else if (d.totalElements !== GATEWAYS) problems.push(`DBS answered TotalElements ${d.totalElements}, expected ${GATEWAYS}`);
    }
  } catch (err) {
    problems.push(err && err.message ? err.message : String(err));
  } finally {
    await Promise.all(Object.values(servers).map((s) => stopSimulator(s)));
  }
  const ms = Date.now() - t0;
  const sides = () =>
    [
      official ? describeSide('official @alicloud/credentials', official, officialAnswer, secrets) : 'official: not run',
      probe ? describeSide('our dbs-signin-probe', probe, probeAnswer, secrets) : 'ours: not run',
    ].join('\n');
  if (problems.length === 0) {
    const notes = [
      `${setup.what}; ${ms} ms`,
      `official: ${officialAnswer.accessKeyId} (${officialAnswer.providerName}); DBS accepted it`,
      `ours:     ${probeAnswer.accessKeyId} (${probeAnswer.description})`,
    ];
    if (verbose) notes.push(sides());
    pass(setup.name, notes);
    return;
  }
  const details = [`setup: ${setup.what}; ${ms} ms`, sides()];
  for (const server of Object.values(servers)) {
    details.push(`simulator ${server.name} at ${server.spec.listen}, issued: ${redact(JSON.stringify(readIssued(server)), secrets)}`);
    if (server.output.length) details.push(redact(server.output.slice(-20).join('\n'), secrets));
  }
  fail(setup.name, [...new Set(problems)].join('; '), details.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// The namespace

function namespaceCommand() {
  const flags = ['--net', '--mount', '--pid', '--fork', '--kill-child', '--mount-proc'];
  if (process.getuid && process.getuid() !== 0) flags.unshift('--map-root-user');
  return flags;
}

// Why the namespace cannot be made here, or null.
function namespaceProblem() {
  const flags = namespaceCommand();
  const tried = spawnSync('unshare', [...flags, '--', 'sh', '-c', 'ip link set lo up && ip addr add 100.100.100.200/32 dev lo && mount --bind /dev/null /etc/hosts'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (tried.error) return `cannot run unshare: ${tried.error.message} (install util-linux and iproute2: tools/deps.sh)`;
  if (tried.status !== 0) return `unshare ${flags.join(' ')} with ip/mount failed (exit ${tried.status}): ${tried.stderr.trim()}`;
  return null;
}

async function setUpNamespaceNetwork() {
  const step = (cmd, cmdArgs) => {
    const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', timeout: 10_000 });
    if (r.error || r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')}: ${r.error ? r.error.message : r.stderr.trim()}`);
  };
  step('ip', ['link', 'set', 'lo', 'up']);
  step('ip', ['addr', 'add', `${METADATA_HOST}/32`, 'dev', 'lo']);
  const hosts = path.join(workDir, 'hosts');
  fs.writeFileSync(hosts, `127.0.0.1 localhost\n::1 localhost\n127.0.0.1 ${STS_GLOBAL}\n127.0.0.2 ${STS_REGIONAL}\n`);
  step('mount', ['--bind', hosts, '/etc/hosts']);
  for (const [name, address] of [
    [STS_GLOBAL, '127.0.0.1'],
    [STS_REGIONAL, '127.0.0.2'],
  ]) {
    const found = await dns.promises.lookup(name, { family: 4 });
    if (found.address !== address) throw new Error(`${name} resolves to ${found.address}, not ${address}`);
  }
}

async function insideMain(args) {
  workDir = args.work;
  keepWork = true; // the outer run owns the folder
  const certs = certFiles(workDir);
  const setups = SETUPS.filter((s) => args.setups.includes(s.name));
  try {
    await setUpNamespaceNetwork();
  } catch (err) {
    for (const s of setups) notJudged(s.name, `the network namespace could not be set up: ${err.message}`);
    process.exit(0);
  }
  for (const s of setups) await runSetup(s, args, certs);
  killAll();
  process.exit(0);
}

// Runs the namespace setups in a child inside the namespace, relaying its lines.
function runInNamespace(args, setups, timeoutMs) {
  return new Promise((resolve) => {
    const childArgs = [
      ...namespaceCommand(),
      '--',
      process.execPath,
      SCRIPT,
      '--inside',
      '--work',
      workDir,
      '--simulator',
      args.simulator,
      '--probe',
      args.probe,
      '--modules',
      args.modules,
      '--setups',
      setups.map((s) => s.name).join(','),
    ];
    if (verbose) childArgs.push('--verbose');
    const child = spawnTracked('unshare', childArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const reported = new Set();
    const stderr = [];
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^(PASS|FAIL|NOT JUDGED) ([A-Za-z0-9_]+)/.exec(line);
      if (m) {
        reported.add(m[2]);
        (m[1] === 'PASS' ? tally.passed : m[1] === 'FAIL' ? tally.failed : tally.notJudged).push(m[2]);
      }
      out(line);
    });
    readline.createInterface({ input: child.stderr }).on('line', (line) => {
      stderr.push(line);
      if (stderr.length > 40) stderr.shift();
    });
    const timer = setTimeout(() => killGroup(child), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup(child);
      for (const s of setups) {
        if (!reported.has(s.name)) {
          fail(s.name, `not reported: the namespace run ended (code ${code}, signal ${signal})`, redact(stderr.join('\n'), allSecrets()));
        }
      }
      resolve();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Certificates: a CA and one server certificate for both STS hosts and 127.0.0.1/127.0.0.2.

function certFiles(dir) {
  return { ca: path.join(dir, 'ca.pem'), cert: path.join(dir, 'server.pem'), key: path.join(dir, 'server.key') };
}

function makeCertificates(dir) {
  const files = certFiles(dir);
  const openssl = (opensslArgs) => {
    const r = spawnSync('openssl', opensslArgs, { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    if (r.error || r.status !== 0) throw new Error(`openssl ${opensslArgs[0]}: ${r.error ? r.error.message : r.stderr.trim()}`);
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=DBS interop credentials test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${STS_GLOBAL}`]);
  fs.writeFileSync(
    path.join(dir, 'server.ext'),
    `subjectAltName=DNS:${STS_GLOBAL},DNS:${STS_REGIONAL},IP:127.0.0.1,IP:127.0.0.2\n` +
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n',
  );
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2',
    '-extfile', 'server.ext']);
  return files;
}

// ---------------------------------------------------------------------------------------------

async function outerMain(args) {
  const t0 = Date.now();
  const overall = setTimeout(() => {
    fail('overall_timeout', `the run took longer than ${OVERALL_TIMEOUT_MS / 1000} s`);
    finish();
  }, OVERALL_TIMEOUT_MS);
  for (const [what, file] of [
    ['--simulator', args.simulator],
    ['--probe', args.probe],
  ]) {
    if (!fs.existsSync(file)) {
      fail('arguments', `${what} ${file} does not exist`);
      finish();
    }
  }
  out(`@alicloud/credentials ${packageVersion(args.modules, '@alicloud/credentials')}, @alicloud/pop-core ${packageVersion(args.modules, '@alicloud/pop-core')}; node ${process.version}`);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbs-interop-credentials-'));
  fs.chmodSync(workDir, 0o700);
  if (keepWork) out(`work folder (kept): ${workDir}`);
  let certs;
  try {
    certs = makeCertificates(workDir);
  } catch (err) {
    fail('certificates', err.message);
    finish();
  }
  for (const [what, why] of NOT_COMPARED) notCompared(what, why);

  for (const setup of SETUPS.filter((s) => !s.namespace)) await runSetup(setup, args, certs);

  const inside = SETUPS.filter((s) => s.namespace);
  const problem = namespaceProblem();
  if (problem) {
    for (const s of inside) notJudged(s.name, `needs a network namespace for the real hosts: ${problem}`);
  } else {
    await runInNamespace(args, inside, Math.max(1000, OVERALL_TIMEOUT_MS - (Date.now() - t0) - 2000));
  }
  clearTimeout(overall);
  out(`time: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  finish();
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    out('usage: node credentials.mjs --simulator PATH --probe PATH --modules DIR [--verbose] [--keep]');
    fail('arguments', err.message);
    finish();
    return;
  }
  verbose = args.verbose;
  keepWork = args.keep;
  if (args.mode === 'official') return officialMain(args);
  if (args.mode === 'inside') return insideMain(args);
  return outerMain(args);
}

process.on('uncaughtException', (err) => {
  fail('uncaught_exception', redact(err && err.stack ? err.stack : String(err), allSecrets()));
  finish();
});
process.on('unhandledRejection', (err) => {
  fail('unhandled_rejection', redact(err && err.stack ? err.stack : String(err), allSecrets()));
  finish();
});

main();
