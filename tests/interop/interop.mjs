#!/usr/bin/env node
// Interop tests: the official Alibaba Cloud Node.js SDKs against dbs-simulator.
//
//   node interop.mjs --simulator PATH --gateways PATH --modules DIR [--verbose]
//
// --simulator  the dbs-simulator executable
// --gateways   the dbs-gateways executable, whose listing must agree with the SDK's
// --modules    a node_modules folder holding the packages pinned in package.json beside this
//              file (ctest installs them with `npm ci --prefix <build>/interop-npm`)
// --verbose    print the request each SDK sent for every case, not only for failing ones
//
// The script starts the simulator with access keys of its own choosing, reads the port from the
// simulator's first stdout line, runs each case (one PASS/FAIL line each), stops the simulator
// with SIGTERM (and SIGKILL if it lingers, also on failure, exception or timeout) and ends with
// the line "N passed, M failed". Exit status 0 only when every case passed.
//
// The SDKs are the judge: a case fails when the simulator rejects what an official SDK signs,
// or accepts what it should reject. For a failing case the script prints the exact request the
// SDK sent and the string-to-sign it computed (recomputed here from the bytes on the wire and
// checked to reproduce the SDK's own signature), next to what the server answered.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const OVERALL_TIMEOUT_MS = 60_000;
const STARTUP_TIMEOUT_MS = 15_000;
const CASE_TIMEOUT_MS = 15_000;
const SHUTDOWN_TIMEOUT_MS = 10_000;
const SLOW_SHUTDOWN_MS = 1_000; // noted (not failed) when exceeded
const SDK_READ_TIMEOUT_MS = 10_000;

const ACTION = 'DescribeBackupGatewayList';
const API_VERSION = '2019-03-06';
const REGION = 'cn-hangzhou';
const GATEWAYS = 75; // all in REGION: PageNum 0 and 1 full pages of 30, PageNum 2 the last 15
const PAGE_SIZE = 30;
const SEED = 20190306;

// Credentials handed to the simulator. The STS token carries '+', '/' and '=' like real ones,
// so that percent-encoding of the token in the query (V1) and in a header (V3) is exercised.
const PLAIN = { id: 'LTAI5tInteropPlainKey0001', secret: 'InteropPlainSecret0123456789abc' };
const STS = {
  id: 'STS.NTInteropStsKey0001',
  secret: 'InteropStsSecret0123456789abcdef',
  token: 'CAIS+interop/StsToken+0123456789/abcdef==',
};
const WRONG_SECRET = { id: PLAIN.id, secret: 'NotTheRightSecret0123456789abcd' };
const UNKNOWN_KEY = { id: 'LTAI5tNoSuchKeyAnywhere00', secret: 'WhateverSecret0123456789abcdef' };

// ---------------------------------------------------------------------------------------------
// Output and bookkeeping

let passed = 0;
let failed = 0;
let finished = false;
let verbose = false;
const simOutput = []; // tail of the simulator's stdout/stderr, printed when something failed
let sim = null; // { child, exited: Promise<{code, signal}>, exitInfo }
let pendingCases = []; // names not yet reported, failed as "not run" if the run is cut short

function out(line) {
  process.stdout.write(`${line}\n`);
}

function indent(text, prefix = '    ') {
  return String(text)
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

function settleCase(name) {
  pendingCases = pendingCases.filter((n) => n !== name);
}

function pass(name, notes = []) {
  settleCase(name);
  passed += 1;
  out(`PASS ${name}`);
  for (const n of notes) out(indent(`note: ${n}`));
}

function oneLine(text) {
  return String(text).replace(/\r?\n/g, '\\n');
}

function fail(name, reason, details = '') {
  settleCase(name);
  failed += 1;
  out(`FAIL ${name}: ${oneLine(reason)}`);
  if (details) out(indent(details));
}

function summary() {
  out(`${passed} passed, ${failed} failed`);
}

function killSimulatorNow() {
  if (sim && sim.child.exitCode === null && sim.child.signalCode === null) {
    try {
      sim.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

function finishAndExit(code) {
  if (finished) return;
  finished = true;
  killSimulatorNow();
  for (const name of [...pendingCases]) fail(name, 'not run or not finished: the run was cut short');
  if (failed > 0 && simOutput.length > 0) {
    out('--- last simulator output ---');
    for (const l of simOutput) out(l);
    out('--- end of simulator output ---');
  }
  summary();
  process.exit(failed > 0 ? Math.max(code, 1) : code);
}

process.on('exit', killSimulatorNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    fail('interrupted', `received ${sig}`);
    finishAndExit(1);
  });
}
process.on('uncaughtException', (err) => {
  fail('uncaught_exception', err && err.stack ? err.stack : String(err));
  finishAndExit(1);
});
process.on('unhandledRejection', (err) => {
  fail('unhandled_rejection', err && err.stack ? err.stack : String(err));
  finishAndExit(1);
});

// ---------------------------------------------------------------------------------------------
// Arguments and modules

function parseArgs(argv) {
  const args = { simulator: null, gateways: null, modules: null, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--simulator') args.simulator = value();
    else if (a.startsWith('--simulator=')) args.simulator = a.slice('--simulator='.length);
    else if (a === '--gateways') args.gateways = value();
    else if (a.startsWith('--gateways=')) args.gateways = a.slice('--gateways='.length);
    else if (a === '--modules') args.modules = value();
    else if (a.startsWith('--modules=')) args.modules = a.slice('--modules='.length);
    else if (a === '--verbose') args.verbose = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.simulator) throw new Error('--simulator PATH is required');
  if (!args.modules) throw new Error('--modules DIR is required');
  if (!args.gateways) throw new Error('--gateways PATH is required');
  return args;
}

function loadSdks(modulesDir) {
  const dir = fs.realpathSync(modulesDir);
  // Resolve from a file inside DIR: Node's lookup then starts at DIR itself.
  const req = createRequire(path.join(dir, '__interop_resolver__.js'));
  const load = (name) => {
    const resolved = fs.realpathSync(req.resolve(name));
    if (!resolved.startsWith(dir + path.sep)) {
      throw new Error(`${name} resolved to ${resolved}, outside ${dir}`);
    }
    const pkg = JSON.parse(fs.readFileSync(req.resolve(`${name}/package.json`), 'utf8'));
    return { mod: req(name), version: pkg.version };
  };
  const popCore = load('@alicloud/pop-core');
  const openapiClient = load('@alicloud/openapi-client');
  const openapiUtil = load('@alicloud/openapi-util');
  const teaUtil = load('@alicloud/tea-util');
  const teaTypescript = load('@alicloud/tea-typescript');
  return {
    RPCClient: popCore.mod,
    OpenApi: openapiClient.mod,
    OpenApiUtil: openapiUtil.mod.default,
    TeaUtil: teaUtil.mod,
    versions: {
      '@alicloud/pop-core': popCore.version,
      '@alicloud/openapi-client': openapiClient.version,
      '@alicloud/openapi-util': openapiUtil.version,
      '@alicloud/tea-util': teaUtil.version,
      '@alicloud/tea-typescript': teaTypescript.version,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Capture of what the SDKs put on the wire. Both SDKs send through Node's http.request (via
// httpx); the wrapper records the request head and body exactly as written.

let currentLog = null;
const originalRequest = http.request;
http.request = function interopRecordingRequest(...args) {
  const req = originalRequest.apply(this, args);
  if (currentLog) {
    const rec = { method: req.method, path: req.path, head: null, headers: null, body: [], status: null };
    currentLog.push(rec);
    const take = (chunk, encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      rec.body.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
    };
    const origWrite = req.write;
    const origEnd = req.end;
    req.write = function (chunk, encoding, ...rest) {
      take(chunk, encoding);
      return origWrite.call(this, chunk, encoding, ...rest);
    };
    req.end = function (chunk, encoding, ...rest) {
      take(chunk, encoding);
      rec.headers = req.getHeaders();
      return origEnd.call(this, chunk, encoding, ...rest);
    };
    req.on('finish', () => {
      // The head as serialised on the wire (Node keeps it in _header once flushed).
      if (typeof req._header === 'string') rec.head = req._header;
    });
    req.on('response', (res) => {
      rec.status = res.statusCode;
    });
  }
  return req;
};

function lastRecord() {
  return currentLog && currentLog.length ? currentLog[currentLog.length - 1] : null;
}

// ---------------------------------------------------------------------------------------------
// Signature recomputation (diagnostics only: it shows the string-to-sign the SDK signed)

function rfc3986(s) {
  return encodeURIComponent(String(s)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function parseForm(s) {
  const outPairs = [];
  if (!s) return outPairs;
  for (const part of s.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const k = i < 0 ? part : part.slice(0, i);
    const v = i < 0 ? '' : part.slice(i + 1);
    const dec = (x) => {
      try {
        return decodeURIComponent(x.replace(/\+/g, ' '));
      } catch {
        return x;
      }
    };
    outPairs.push([dec(k), dec(v)]);
  }
  return outPairs;
}

function byName(a, b) {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function requestParts(rec) {
  let method = rec.method;
  let target = rec.path;
  let headers = [];
  if (rec.head) {
    const lines = rec.head.split('\r\n').filter((l) => l.length > 0);
    const first = lines[0].split(' ');
    method = first[0];
    target = first[1];
    headers = lines.slice(1).map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    });
  } else if (rec.headers) {
    headers = Object.entries(rec.headers).map(([k, v]) => [k, String(v)]);
  }
  const qi = target.indexOf('?');
  const pathname = qi < 0 ? target : target.slice(0, qi);
  const query = qi < 0 ? '' : target.slice(qi + 1);
  const body = Buffer.concat(rec.body);
  const header = (name) => {
    const vals = headers.filter(([k]) => k.toLowerCase() === name).map(([, v]) => v);
    return vals.length ? vals.join(',') : undefined;
  };
  return { method, target, pathname, query, headers, header, body };
}

function v1Recompute(rec, secret) {
  const r = requestParts(rec);
  let params = parseForm(r.query);
  const ct = r.header('content-type') || '';
  if (ct.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    params = params.concat(parseForm(r.body.toString('utf8')));
  }
  const sent = params.find(([k]) => k === 'Signature');
  const canon = params
    .filter(([k]) => k !== 'Signature')
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(byName)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const stringToSign = `${r.method}&${rfc3986('/')}&${rfc3986(canon)}`;
  const mine = crypto.createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
  return { kind: 'V1', stringToSign, sdkSignature: sent ? sent[1] : undefined, reproduces: !!sent && sent[1] === mine };
}

function v3Recompute(rec, secret) {
  const r = requestParts(rec);
  const auth = r.header('authorization') || '';
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]*),SignedHeaders=([^,]*),Signature=([0-9a-f]+)$/.exec(auth);
  if (!m) return { kind: 'V3', error: `no ACS3-HMAC-SHA256 Authorization header (got ${JSON.stringify(auth)})` };
  const signed = m[2].split(';');
  const canonHeaders = signed.map((n) => `${n}:${(r.header(n) || '').trim()}\n`).join('');
  const canonQuery = parseForm(r.query)
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(byName)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const bodyHash = crypto.createHash('sha256').update(r.body).digest('hex');
  const payloadHash = r.header('x-acs-content-sha256') || bodyHash;
  const canonicalRequest = [r.method, r.pathname, canonQuery, canonHeaders, signed.join(';'), payloadHash].join('\n');
  const hashedCanonicalRequest = crypto.createHash('sha256').update(canonicalRequest).digest('hex');
  const stringToSign = `ACS3-HMAC-SHA256\n${hashedCanonicalRequest}`;
  const mine = crypto.createHmac('sha256', secret).update(stringToSign).digest('hex');
  return {
    kind: 'V3',
    canonicalRequest,
    hashedCanonicalRequest,
    stringToSign,
    sdkSignature: m[3],
    reproduces: m[3] === mine,
    bodyHashMatches: payloadHash === bodyHash,
  };
}

function recompute(rec, sig, secret) {
  return sig === 'v3' ? v3Recompute(rec, secret) : v1Recompute(rec, secret);
}

// What the server's SignatureDoesNotMatch message says it signed.
function serverStringToSign(message, sig) {
  if (typeof message !== 'string') return null;
  if (sig === 'v3') {
    const m = /ACS3-HMAC-SHA256(?:\r?\n|\\n|\s|:)+([0-9a-f]{64})/.exec(message);
    return m ? { hashedCanonicalRequest: m[1] } : null;
  }
  const all = [...message.matchAll(/(?:GET|POST|PUT|DELETE|HEAD|PATCH)&%2F&[^\s"']*/g)];
  return all.length ? { stringToSign: all[all.length - 1][0] } : null;
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function compareStringToSign(rec, c, body) {
  const sdk = recompute(rec, c.sig, c.cred.secret);
  if (sdk.error) return `cannot recompute the SDK's string-to-sign: ${sdk.error}`;
  const srv = serverStringToSign(body && body.Message, c.sig);
  if (!srv) return "the server's Message shows no string-to-sign to compare with the SDK's";
  if (c.sig === 'v3') {
    return srv.hashedCanonicalRequest === sdk.hashedCanonicalRequest
      ? "the server's string-to-sign equals the SDK's (same canonical request hash)"
      : `the server's string-to-sign DIFFERS from the SDK's: server hash ${srv.hashedCanonicalRequest}, SDK hash ${sdk.hashedCanonicalRequest}`;
  }
  return srv.stringToSign === sdk.stringToSign
    ? "the server's string-to-sign equals the SDK's"
    : `the server's string-to-sign DIFFERS from the SDK's from character ${firstDifference(sdk.stringToSign, srv.stringToSign)}:\n` +
        `  SDK:    ${sdk.stringToSign}\n  server: ${srv.stringToSign}`;
}

function clip(text, max) {
  return text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text;
}

function describeExchanges(log, c) {
  const lines = [];
  log.forEach((rec, i) => {
    const r = requestParts(rec);
    lines.push(`request ${i + 1} of ${log.length} (${c.sdkLabel}):`);
    lines.push(`  > ${r.method} ${r.target}`);
    for (const [k, v] of r.headers) lines.push(`  > ${k}: ${v}`);
    if (r.body.length) lines.push(`  > (body) ${r.body.toString('utf8')}`);
    const sdk = recompute(rec, c.sig, c.cred.secret);
    if (sdk.error) {
      lines.push(`  SDK signature: ${sdk.error}`);
    } else {
      const rep = sdk.reproduces ? 'yes' : 'NO';
      lines.push(`  SDK string-to-sign (recomputed from the bytes sent; reproduces the SDK's signature with this case's secret: ${rep}):`);
      if (sdk.kind === 'V3') {
        lines.push('    canonical request:');
        for (const l of sdk.canonicalRequest.split('\n')) lines.push(`      |${l}`);
        if (!sdk.bodyHashMatches) lines.push('    (x-acs-content-sha256 differs from the SHA-256 of the body sent)');
      }
      for (const l of sdk.stringToSign.split('\n')) lines.push(`    ${l}`);
    }
    lines.push(`  < HTTP ${rec.status === null ? '(no response)' : rec.status}`);
    if (rec.responseBody !== undefined) {
      const rb = rec.responseBody;
      const text = typeof rb === 'string' ? rb : JSON.stringify(rb);
      // Error bodies in full (their Message carries the server's string-to-sign), data clipped.
      lines.push(`  < ${rec.status >= 400 ? text : clip(text, 600)}`);
      if (rb && rb.Code === 'SignatureDoesNotMatch') {
        const srv = serverStringToSign(rb.Message, c.sig);
        if (srv && srv.stringToSign) lines.push(`  server string-to-sign (from its Message):\n    ${srv.stringToSign}`);
        if (srv && srv.hashedCanonicalRequest) lines.push(`  server canonical request hash (from its Message): ${srv.hashedCanonicalRequest}`);
        lines.push(indent(compareStringToSign(rec, c, rb), '  '));
      }
    }
  });
  if (!log.length) lines.push('(the SDK sent no request)');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// SDK calls. Each returns { threw, status, code?, body, message? } for a server answer and throws
// for anything else (connection refused, unparseable body, timeout...).

class CaseError extends Error {}

function check(cond, message) {
  if (!cond) throw new CaseError(message);
}

function makeCallers(sdk, host, port) {
  const { RPCClient, OpenApi, OpenApiUtil, TeaUtil } = sdk;

  async function popCore(cred, method, query) {
    const config = {
      accessKeyId: cred.id,
      accessKeySecret: cred.secret,
      endpoint: `http://${host}:${port}`,
      apiVersion: API_VERSION,
      opts: { timeout: SDK_READ_TIMEOUT_MS },
    };
    if (cred.token) config.securityToken = cred.token;
    const client = new RPCClient(config, true /* verbose: also return the HTTP exchange */);
    try {
      const [json, entry] = await client.request(ACTION, query, { method, timeout: SDK_READ_TIMEOUT_MS });
      const rec = lastRecord();
      if (rec) rec.responseBody = json;
      return { threw: false, status: entry.response.statusCode, body: json };
    } catch (err) {
      if (!err || err.data === undefined || !err.entry) throw err; // not a server error answer
      const rec = lastRecord();
      if (rec) rec.responseBody = err.data;
      return { threw: true, status: err.entry.response.statusCode, code: err.code, body: err.data, message: err.message };
    }
  }

  async function openApi(cred, signatureAlgorithm, query) {
    const cfg = {
      accessKeyId: cred.id,
      accessKeySecret: cred.secret,
      endpoint: `${host}:${port}`,
      protocol: 'http',
      regionId: REGION,
      readTimeout: SDK_READ_TIMEOUT_MS,
      connectTimeout: SDK_READ_TIMEOUT_MS,
    };
    if (cred.token) cfg.securityToken = cred.token;
    if (signatureAlgorithm) cfg.signatureAlgorithm = signatureAlgorithm;
    const client = new OpenApi.default(new OpenApi.Config(cfg));
    // The same Params a generated product SDK (RPC style) hands to callApi.
    const params = new OpenApi.Params({
      action: ACTION,
      version: API_VERSION,
      protocol: 'HTTPS',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
    const request = new OpenApi.OpenApiRequest({ query: OpenApiUtil.query(query) });
    const runtime = new TeaUtil.RuntimeOptions({});
    try {
      const resp = await client.callApi(params, request, runtime);
      const rec = lastRecord();
      if (rec) rec.responseBody = resp.body;
      return { threw: false, status: resp.statusCode, body: resp.body };
    } catch (err) {
      // ResponseError from a 4xx/5xx answer carries code and data (the parsed body).
      if (!err || !err.data || err.name === 'UnretryableError' || err.data.statusCode === undefined) throw err;
      const rec = lastRecord();
      if (rec) rec.responseBody = err.data;
      return { threw: true, status: Number(err.statusCode ?? err.data.statusCode), code: err.code, body: err.data, message: err.message };
    }
  }

  return { popCore, openApi };
}

// ---------------------------------------------------------------------------------------------
// Expectations

function int(v) {
  // json-bigint (pop-core) may hand back BigNumber objects; Number() copes with both.
  const n = Number(typeof v === 'object' && v !== null ? v.toString() : v);
  return Number.isInteger(n) ? n : NaN;
}

function gatewaysOf(body) {
  const items = body.Items;
  if (items === undefined || items === null || items === '') return [];
  check(typeof items === 'object', `Items is ${JSON.stringify(items)}, expected an object {BackupGateway: [...]}`);
  const list = items.BackupGateway;
  if (list === undefined) return [];
  check(Array.isArray(list), `Items.BackupGateway is not an array: ${JSON.stringify(list).slice(0, 200)}`);
  return list;
}

// Pages as Alibaba Cloud's own tools page DBS (the Terraform provider's DescribeBackupPlanList
// loop): from PageNum 0 upward until a page shorter than PageSize. Every gateway must come back
// exactly once. The ids, in order, are kept to compare with what dbs-gateways lists.
const sdkListings = new Map(); // case name -> ids in service order

async function checkListing(call, name) {
  const ids = [];
  let total = null;
  let pageNum = 0;
  for (;; ++pageNum) {
    check(pageNum < 10, `no short page after ${pageNum} pages of ${PAGE_SIZE}`);
    const r = await call({ Region: REGION, PageSize: PAGE_SIZE, PageNum: pageNum });
    const where = `PageNum ${pageNum}`;
    check(!r.threw, `${where}: rejected with HTTP ${r.status} ${r.code}: ${JSON.stringify(r.body && r.body.Message)}`);
    check(r.status === 200, `${where}: HTTP ${r.status}, expected 200`);
    const b = r.body;
    check(b && typeof b === 'object', `${where}: body is not a JSON object`);
    check(b.Success === true, `${where}: Success is ${JSON.stringify(b.Success)}, expected true`);
    check(typeof b.RequestId === 'string' && b.RequestId.length > 0, `${where}: no RequestId`);
    const pageTotal = int(b.TotalElements);
    check(pageTotal === GATEWAYS, `${where}: TotalElements ${pageTotal}, expected ${GATEWAYS} (simulator started with --gateways ${GATEWAYS} --regions ${REGION})`);
    check(total === null || pageTotal === total, `TotalElements changed between pages: ${total} then ${pageTotal}`);
    total = pageTotal;
    check(int(b.PageSize) === PAGE_SIZE, `${where}: PageSize ${JSON.stringify(b.PageSize)}, expected ${PAGE_SIZE}`);
    check(int(b.PageNum) === pageNum, `${where}: PageNum ${JSON.stringify(b.PageNum)}, expected ${pageNum}`);
    const totalPages = Math.ceil(total / PAGE_SIZE);
    check(int(b.TotalPages) === totalPages, `${where}: TotalPages ${JSON.stringify(b.TotalPages)}, expected ${totalPages} for ${total} rows of ${PAGE_SIZE}`);
    const list = gatewaysOf(b);
    // Counted from 0: PageNum p holds rows p*size .. p*size+size-1.
    const want = Math.max(0, Math.min(PAGE_SIZE, total - pageNum * PAGE_SIZE));
    check(list.length === want, `${where}: ${list.length} gateways, expected ${want}`);
    for (const g of list) {
      check(g && typeof g === 'object', `${where}: a gateway is not an object`);
      const id = g.BackupGatewayId;
      check(id !== undefined && id !== null && String(id).length > 0, `${where}: a gateway has no BackupGatewayId: ${JSON.stringify(g)}`);
      if (g.Region !== undefined) check(g.Region === REGION, `${where}: gateway ${id} has Region ${JSON.stringify(g.Region)}, asked for ${REGION}`);
      ids.push(String(id));
    }
    if (list.length < PAGE_SIZE) break;
  }
  const distinct = new Set(ids);
  check(distinct.size === ids.length, `a BackupGatewayId came back twice (${ids.length - distinct.size} repeats)`);
  check(ids.length === GATEWAYS, `${ids.length} gateways listed, expected ${GATEWAYS}`);
  sdkListings.set(name, ids);
  return [`${total} gateways in ${pageNum + 1} pages from PageNum 0, each exactly once`];
}

// dbs-gateways lists the same simulator: the same ids in the same order as the SDK paging
// from 0 (and no more requests than it needs).
async function checkGatewaysAgrees(gatewaysExe, host, port) {
  const reference = sdkListings.get('openapi_v3_accepted');
  check(reference, 'no SDK listing to compare with (openapi_v3_accepted did not pass)');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dbs-interop-'));
  const env = { PATH: process.env.PATH, HOME: home, LC_ALL: 'C.UTF-8',
    ALIBABA_CLOUD_ACCESS_KEY_ID: PLAIN.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: PLAIN.secret };
  try {
    const result = await new Promise((resolve, reject) => {
      const child = spawn(gatewaysExe, ['list', '--region', REGION, '--endpoint', `http://${host}:${port}`,
        '--page-size', String(PAGE_SIZE), '--format', 'json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const stdout = [];
      const stderr = [];
      child.stdout.on('data', (d) => stdout.push(d));
      child.stderr.on('data', (d) => stderr.push(d));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    });
    check(result.code === 0, `dbs-gateways exited ${result.code}: ${result.stderr.trim()}`);
    const listed = JSON.parse(result.stdout).map((g) => String(g.BackupGatewayId));
    check(listed.length === reference.length, `dbs-gateways listed ${listed.length}, the SDK ${reference.length}`);
    const differ = listed.findIndex((id, i) => id !== reference[i]);
    check(differ < 0, `first difference at row ${differ}: dbs-gateways ${listed[differ]}, the SDK ${reference[differ]}`);
    return [`dbs-gateways list and the SDK paging from 0 agree on all ${listed.length} gateways, in order`];
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

const ERROR_FIELDS = ['RequestId', 'HostId', 'Code', 'Message', 'Recommend', 'Success', 'ErrCode', 'ErrMessage', 'HttpStatusCode'];

async function checkRejected(call, c) {
  const r = await call({ Region: REGION, PageSize: PAGE_SIZE, PageNum: 1 });
  if (!r.threw && r.status >= 400) {
    throw new CaseError(
      `HTTP ${r.status} but the SDK did not throw: the body carries no Code ` +
        `(Code ${JSON.stringify(r.body && r.body.Code)}); expected ${c.expect.code}`,
    );
  }
  check(r.threw, `accepted (HTTP ${r.status}); expected the SDK to throw ${c.expect.code}`);
  check(r.code === c.expect.code, `SDK error code ${JSON.stringify(r.code)} (HTTP ${r.status}, Message ${JSON.stringify(r.body && r.body.Message)}); expected ${c.expect.code}`);
  check(r.status === c.expect.status, `HTTP ${r.status}, expected ${c.expect.status} for ${c.expect.code}`);
  const b = r.body || {};
  check(typeof b.RequestId === 'string' && b.RequestId.length > 0, 'error body has no RequestId');
  check(typeof b.Message === 'string' && b.Message.length > 0, 'error body has no Message');
  check(b.Success === false, `error body Success is ${JSON.stringify(b.Success)}, expected false`);
  const notes = [`${c.expect.code} (HTTP ${r.status})`];
  const missing = ERROR_FIELDS.filter((f) => b[f] === undefined);
  if (missing.length) notes.push(`error body lacks ${missing.join(', ')}`);
  if (b.HttpStatusCode !== undefined && int(b.HttpStatusCode) !== r.status) {
    notes.push(`error body HttpStatusCode ${b.HttpStatusCode} differs from the HTTP status ${r.status}`);
  }
  if (c.expect.code === 'SignatureDoesNotMatch') {
    const rec = lastRecord();
    if (rec) notes.push(compareStringToSign(rec, c, b));
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Cases

function buildCases(callers) {
  const viaPopCore = (method) => ({
    sdkLabel: `@alicloud/pop-core ${method}, V1 HMAC-SHA1`,
    sig: 'v1',
    call: (cred) => (q) => callers.popCore(cred, method, q),
  });
  const viaOpenApiV3 = {
    sdkLabel: '@alicloud/openapi-client, V3 ACS3-HMAC-SHA256',
    sig: 'v3',
    call: (cred) => (q) => callers.openApi(cred, undefined, q),
  };
  const viaOpenApiV2 = {
    sdkLabel: "@alicloud/openapi-client, signatureAlgorithm 'v2' (V1 RPC HMAC-SHA1)",
    sig: 'v1',
    call: (cred) => (q) => callers.openApi(cred, 'v2', q),
  };
  const accepted = (name, via, cred) => ({ name, ...via, cred, run: (c) => checkListing(c.call(c.cred), c.name) });
  const rejected = (name, via, cred, expect) => ({ name, ...via, cred, expect, run: (c) => checkRejected(c.call(c.cred), c) });
  const badSig = { code: 'SignatureDoesNotMatch', status: 400 };
  const noKey = { code: 'InvalidAccessKeyId.NotFound', status: 404 };

  return [
    accepted('popcore_v1_get_accepted', viaPopCore('GET'), PLAIN),
    accepted('popcore_v1_post_accepted', viaPopCore('POST'), PLAIN),
    accepted('openapi_v3_accepted', viaOpenApiV3, PLAIN),
    accepted('openapi_v2_rpc_accepted', viaOpenApiV2, PLAIN),
    accepted('popcore_v1_get_sts_accepted', viaPopCore('GET'), STS),
    accepted('popcore_v1_post_sts_accepted', viaPopCore('POST'), STS),
    accepted('openapi_v3_sts_accepted', viaOpenApiV3, STS),
    accepted('openapi_v2_rpc_sts_accepted', viaOpenApiV2, STS),
    rejected('popcore_v1_get_wrong_secret_rejected', viaPopCore('GET'), WRONG_SECRET, badSig),
    rejected('popcore_v1_post_wrong_secret_rejected', viaPopCore('POST'), WRONG_SECRET, badSig),
    rejected('openapi_v3_wrong_secret_rejected', viaOpenApiV3, WRONG_SECRET, badSig),
    rejected('openapi_v2_rpc_wrong_secret_rejected', viaOpenApiV2, WRONG_SECRET, badSig),
    rejected('popcore_v1_unknown_key_rejected', viaPopCore('GET'), UNKNOWN_KEY, noKey),
    rejected('openapi_v3_unknown_key_rejected', viaOpenApiV3, UNKNOWN_KEY, noKey),
    rejected('openapi_v2_rpc_unknown_key_rejected', viaOpenApiV2, UNKNOWN_KEY, noKey),
  ];
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new CaseError(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runCase(c) {
  const log = [];
  currentLog = log;
  try {
    const notes = await withTimeout(Promise.resolve().then(() => c.run(c)), CASE_TIMEOUT_MS, c.name);
    pass(c.name, notes || []);
    if (verbose) out(indent(describeExchanges(log, c)));
  } catch (err) {
    const reason = err instanceof CaseError ? err.message : `SDK call failed: ${err && err.name}: ${err && err.message}`;
    const stack = err instanceof CaseError || !(err && err.stack) ? '' : `${err.stack}\n`;
    fail(c.name, reason, stack + describeExchanges(log, c));
  } finally {
    currentLog = null;
  }
}

// ---------------------------------------------------------------------------------------------
// Simulator process

function remember(stream, line) {
  simOutput.push(`[simulator ${stream}] ${line}`);
  if (simOutput.length > 200) simOutput.shift();
}

function startSimulator(exe, args) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn, v) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        fn(v);
      }
    };
    const child = spawn(exe, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let exitInfo = null;
    const exited = new Promise((res) => {
      child.on('exit', (code, signal) => {
        exitInfo = { code, signal };
        res(exitInfo);
        settle(reject, new Error(`the simulator exited (code ${code}, signal ${signal}) before printing "listening on ..."`));
      });
    });
    sim = { child, exited, get exitInfo() { return exitInfo; } };
    const timer = setTimeout(
      () => settle(reject, new Error(`no "listening on http://HOST:PORT" line within ${STARTUP_TIMEOUT_MS} ms`)),
      STARTUP_TIMEOUT_MS,
    );
    child.on('error', (err) => settle(reject, new Error(`cannot start ${exe}: ${err.message}`)));
    let first = true;
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      remember('stdout', line);
      if (!first) return;
      first = false;
      const m = /^listening on http:\/\/(\[[^\]]+\]|[^:/]+):(\d+)\/?$/.exec(line.trim());
      if (!m) {
        settle(reject, new Error(`first stdout line is ${JSON.stringify(line)}, expected "listening on http://HOST:PORT"`));
        return;
      }
      const port = Number(m[2]);
      if (!(port > 0 && port < 65536)) {
        settle(reject, new Error(`bad port in ${JSON.stringify(line)}`));
        return;
      }
      settle(resolve, { host: m[1], port });
    });
    readline.createInterface({ input: child.stderr }).on('line', (line) => remember('stderr', line));
  });
}

async function stopSimulator() {
  if (!sim) return { notStarted: true };
  if (sim.exitInfo) return { alreadyExited: true, ...sim.exitInfo };
  const t0 = Date.now();
  sim.child.kill('SIGTERM');
  let timer;
  const timedOut = new Promise((res) => {
    timer = setTimeout(() => res(null), SHUTDOWN_TIMEOUT_MS);
  });
  const info = await Promise.race([sim.exited, timedOut]);
  clearTimeout(timer);
  if (info) return { ...info, ms: Date.now() - t0 };
  sim.child.kill('SIGKILL');
  await sim.exited;
  return { lingered: true };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const overall = setTimeout(() => {
    fail('overall_timeout', `the interop run took longer than ${OVERALL_TIMEOUT_MS / 1000} s`);
    finishAndExit(1);
  }, OVERALL_TIMEOUT_MS);

  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    out(`usage: node interop.mjs --simulator PATH --gateways PATH --modules DIR [--verbose]`);
    fail('arguments', err.message);
    finishAndExit(2);
    return;
  }
  verbose = args.verbose;

  let sdk;
  try {
    sdk = loadSdks(args.modules);
  } catch (err) {
    fail('load_sdks', `cannot load the SDKs from ${args.modules}: ${err.message}`);
    finishAndExit(1);
    return;
  }
  out(`SDKs: ${Object.entries(sdk.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out(`node ${process.version}; simulator ${args.simulator}`);

  const simArgs = [
    '--listen', '127.0.0.1:0',
    '--gateways', String(GATEWAYS),
    '--seed', String(SEED),
    '--regions', REGION,
    '--access-key', `${PLAIN.id}:${PLAIN.secret}`,
    '--access-key', `${STS.id}:${STS.secret}:${STS.token}`,
  ];
  let addr = null;
  try {
    addr = await startSimulator(args.simulator, simArgs);
    pass('simulator_starts', [`listening on http://${addr.host}:${addr.port}`]);
  } catch (err) {
    fail('simulator_starts', err.message, `command: ${[args.simulator, ...simArgs].join(' ')}`);
  }

  const host = addr ? addr.host.replace(/^\[|\]$/g, '') : '127.0.0.1';
  const cases = buildCases(makeCallers(sdk, host.includes(':') ? `[${host}]` : host, addr ? addr.port : 0));
  const agrees = {
    name: 'dbs_gateways_agrees_with_sdk',
    sdkLabel: 'dbs-gateways list',
    sig: 'v3',
    run: () => checkGatewaysAgrees(args.gateways, host.includes(':') ? `[${host}]` : host, addr.port),
  };
  cases.push(agrees);
  pendingCases.push(...cases.map((c) => c.name));
  if (addr) pendingCases.push('simulator_sigterm_exits_0');
  for (const c of cases) {
    if (!addr) {
      fail(c.name, 'not run: the simulator did not start');
      continue;
    }
    await runCase(c);
  }

  if (addr) {
    const stop = await stopSimulator();
    if (stop.lingered) fail('simulator_sigterm_exits_0', `still running ${SHUTDOWN_TIMEOUT_MS} ms after SIGTERM (killed)`);
    else if (stop.alreadyExited) fail('simulator_sigterm_exits_0', `the simulator had already exited during the run (code ${stop.code}, signal ${stop.signal})`);
    else if (stop.code !== 0) fail('simulator_sigterm_exits_0', `exited with code ${stop.code}, signal ${stop.signal} after SIGTERM`);
    else {
      const notes = [`exited 0 ${stop.ms} ms after SIGTERM`];
      if (stop.ms > SLOW_SHUTDOWN_MS) {
        notes.push('slow: the SDKs still held idle keep-alive connections, which the server seems to wait out');
      }
      pass('simulator_sigterm_exits_0', notes);
    }
  }

  clearTimeout(overall);
  finishAndExit(failed > 0 ? 1 : 0);
}

main().catch((err) => {
  fail('internal_error', err && err.stack ? err.stack : String(err));
  finishAndExit(1);
});
