// A real Prometheus (Debian's package) scrapes `dbs-gateways exporter` running against
// dbs-simulator, with the shipped alert rules:
//  1. with a fixed inventory, Prometheus' HTTP API returns the simulator's counts per region and
//     status (as `dbs-gateways list` reads them), every region up, and the exporter's series;
//     `promtool check metrics` finds nothing to say of a scrape (--gateway-metrics all);
//  2. the simulator is then restarted on the same port with --churn: DbsGatewayOffline fires for
//     a gateway that was ONLINE before, one the simulator took OFFLINE.
// The rules are the shipped file with DbsGatewayOffline's `for: 10m` shortened to 3 s, so that
// it fires within the test; `promtool test rules` checks the 10 minutes themselves.
//
// node prometheus.mjs --simulator EXE --gateways EXE --rules FILE --work DIR [--prometheus EXE]
//                    [--promtool EXE]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i += 2)
  args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const needed of ['simulator', 'gateways', 'rules', 'work']) {
  if (!args[needed]) {
    console.error(`prometheus.mjs: --${needed} is required`);
    process.exit(2);
  }
}
const prometheusExe = args.prometheus || 'prometheus';
const promtoolExe = args.promtool || 'promtool';
const key = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIdemoDBSGateway',
              ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'demo-secret-not-for-production' };
const work = path.resolve(args.work);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

const children = [];
function stopAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null)
      child.kill('SIGKILL');
  }
}
function fail(message) {
  console.error(`FAIL: ${message}`);
  for (const name of ['exporter.err', 'prometheus.err']) {
    const file = path.join(work, name);
    if (fs.existsSync(file))
      console.error(`--- ${name} (last lines)\n${fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')}`);
  }
  stopAll();
  process.exit(1);
}
const deadline = setTimeout(() => fail('the test did not end within 150 s'), 150000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Starts a program; resolves with the child once `ready` matches its output, or rejects.
function start(name, exe, argv, env, ready) {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(path.join(work, `${name}.err`), 'a');
    const child = spawn(exe, argv, { env: { ...process.env, LC_ALL: 'C.UTF-8', ...env },
                                    stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let seen = '';
    const look = (chunk) => {
      fs.writeSync(log, chunk);
      seen += chunk.toString();
      const match = seen.match(ready);
      if (match) {
        resolve({ child, match });
        seen = '';
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code) => reject(new Error(`${name} ended (${code}): ${seen.slice(-500)}`)));
  });
}

// A port that was free a moment ago (the programs say clearly when one is not).
function randomPort() {
  return 20000 + Math.floor(Math.random() * 40000);
}
async function startOnFreePort(name, exe, argvFor, env, ready) {
  for (let attempt = 0; ; ++attempt) {
    const port = randomPort();
    try {
      const started = await start(name, exe, argvFor(port), env, ready);
      return { ...started, port };
    } catch (error) {
      if (attempt >= 5)
        throw error;
    }
  }
}

async function query(prometheusPort, promql) {
  const url = `http://127.0.0.1:${prometheusPort}/api/v1/query?query=${encodeURIComponent(promql)}`;
  const answer = await fetch(url);
  const body = await answer.json();
  if (body.status !== 'success')
    fail(`query ${promql}: ${JSON.stringify(body)}`);
  return body.data.result;
}
async function waitFor(what, probe, timeoutMs) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result)
      return result;
    if (Date.now() > until)
      fail(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}

function listGateways(simulatorUrl) {
  const run = spawnSync(args.gateways, ['list', '--region', 'all', '--endpoint', simulatorUrl,
                                        '--format', 'json'],
                        { env: { ...process.env, ...key }, encoding: 'utf8' });
  if (run.status !== 0)
    fail(`dbs-gateways list: exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

async function main() {
  const simulatorArgs = ['--gateways', '300', '--seed', '17'];
  const simulator = await start('simulator', args.simulator,
                                ['--listen', '127.0.0.1:0', ...simulatorArgs], {},
                                /listening on (http:\/\/127\.0\.0\.1:(\d+))/);
  const simulatorUrl = simulator.match[1];
  const simulatorPort = simulator.match[2];

  const exporter = await startOnFreePort(
    'exporter', args.gateways,
    (port) => ['exporter', '--region', 'all', '--endpoint', simulatorUrl, '--interval', '1s',
               '--gateway-metrics', 'all', '--listen', `127.0.0.1:${port}`],
    key, /serving metrics on /);

  const rules = fs.readFileSync(args.rules, 'utf8');
  const offlineRule = /(- alert: DbsGatewayOffline\n(?:.*\n)*?\s+for: )10m/;
  if (!offlineRule.test(rules))
    fail('the shipped rules have no DbsGatewayOffline with for: 10m');
  fs.writeFileSync(path.join(work, 'rules.yml'), rules.replace(offlineRule, '$13s'));
  fs.writeFileSync(path.join(work, 'prometheus.yml'),
                   `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n` +
                   `rule_files:\n  - ${path.join(work, 'rules.yml')}\n` +
                   `scrape_configs:\n  - job_name: dbs-gateways\n    static_configs:\n` +
                   `      - targets: ['127.0.0.1:${exporter.port}']\n`);
  const prometheus = await startOnFreePort(
    'prometheus', prometheusExe,
    (port) => [`--config.file=${path.join(work, 'prometheus.yml')}`,
               `--storage.tsdb.path=${path.join(work, 'data')}`,
               `--web.listen-address=127.0.0.1:${port}`, '--log.level=info'],
    {}, /Server is ready to receive web requests/);
  const promPort = prometheus.port;

  // 1. The counts, as the simulator serves them.
  await waitFor('the exporter is scraped', async () =>
    (await query(promPort, 'up{job="dbs-gateways"} == 1')).length === 1 &&
    (await query(promPort, 'dbs_exporter_refreshes_total')).length === 1, 30000);
  const listed = listGateways(simulatorUrl);
  const expected = {};
  for (const gateway of listed) {
    const k = `${gateway.Region}/${gateway.BackupGatewayStatus}`;
    expected[k] = (expected[k] || 0) + 1;
  }
  const counts = await query(promPort, 'dbs_gateways > 0');
  const got = {};
  for (const series of counts)
    got[`${series.metric.region}/${series.metric.status}`] = Number(series.value[1]);
  if (JSON.stringify(Object.entries(got).sort()) !== JSON.stringify(Object.entries(expected).sort()))
    fail(`counts differ:\nPrometheus ${JSON.stringify(got)}\nlist       ${JSON.stringify(expected)}`);
  const total = (await query(promPort, 'sum(dbs_gateways)'))[0];
  if (Number(total.value[1]) !== listed.length)
    fail(`sum(dbs_gateways) is ${total.value[1]}, list has ${listed.length}`);
  const down = await query(promPort, 'dbs_region_up == 0');
  if (down.length !== 0)
    fail(`regions down: ${JSON.stringify(down.map((s) => s.metric.region))}`);
  const offlineBefore = new Set(listed.filter((g) => g.BackupGatewayStatus === 'OFFLINE').map((g) => g.BackupGatewayId));
  const info = await query(promPort, 'count(dbs_gateway_info)');
  if (Number(info[0].value[1]) < offlineBefore.size)
    fail(`${info[0].value[1]} dbs_gateway_info series for ${offlineBefore.size} OFFLINE gateways`);
  // promtool's lint of a scrape in the Prometheus text format: silent and 0 when clean.
  const scrape = await (await fetch(`http://127.0.0.1:${exporter.port}/metrics`)).text();
  const lint = spawnSync(promtoolExe, ['check', 'metrics'], { input: scrape, encoding: 'utf8' });
  if (lint.status !== 0 || (lint.stdout + lint.stderr).trim() !== '')
    fail(`promtool check metrics (exit ${lint.status}): ${lint.stdout}${lint.stderr}`);
  if (scrape.includes('demo-secret-not-for-production'))
    fail('the secret is in a scrape');
  console.log(`PASS: promtool check metrics: clean (${scrape.split('\n').length} lines)`);
  console.log(`PASS: Prometheus has the simulator's ${listed.length} gateways, ` +
              `${Object.keys(expected).length} region/status counts, every region up`);

  // 2. The simulator takes gateways OFFLINE: the alert fires for one that was ONLINE.
  simulator.child.removeAllListeners('exit');
  simulator.child.kill('SIGTERM');
  await new Promise((resolve) => simulator.child.once('exit', resolve));
  await start('simulator', args.simulator,
              ['--listen', `127.0.0.1:${simulatorPort}`, ...simulatorArgs, '--churn', '20'], {},
              /listening on /);
  const fired = await waitFor('DbsGatewayOffline fires for a gateway the simulator took OFFLINE',
                              async () => {
    const alerts = await query(promPort, 'ALERTS{alertname="DbsGatewayOffline",alertstate="firing"}');
    return alerts.find((a) => !offlineBefore.has(a.metric.id));
  }, 60000);
  if (fired.metric.severity !== 'critical' || fired.metric.account !== 'default' || !fired.metric.region)
    fail(`the alert's labels: ${JSON.stringify(fired.metric)}`);
  console.log(`PASS: DbsGatewayOffline fired for ${fired.metric.id} (${fired.metric.region}), ` +
              'ONLINE before the simulator churned');

  clearTimeout(deadline);
  // SIGTERM ends the exporter cleanly.
  exporter.child.removeAllListeners('exit');
  const exited = new Promise((resolve) => exporter.child.once('exit', (code, signal) => resolve({ code, signal })));
  exporter.child.kill('SIGTERM');
  const end = await exited;
  if (end.code !== 0)
    fail(`the exporter ended with ${JSON.stringify(end)} on SIGTERM`);
  stopAll();
  console.log('PASS: the exporter ends with 0 on SIGTERM');
  process.exit(0);
}

main().catch((error) => fail(error.stack || String(error)));
