#!/usr/bin/env node
// The reference for benchmark scenarios 1 and 2: what a user of the official SDK would write to
// list every gateway of a region with @alicloud/pop-core (V1 RPC signatures): one request after
// the other, PageNum 0, 1, 2, ... until a page comes back shorter than PageSize (empty included),
// as Alibaba Cloud's own tools page DBS 2019-03-06 (the Terraform provider's loop for
// alicloud_dbs_backup_plans: PageNum = 0, then +1 until len(page) < PageSize); every row printed
// as JSON at the end. When the inventory is a multiple of PageSize the last request is an empty
// page, as there. (Against a service that counts pages from 1 this loop would list the first page
// twice; `compare` would then report the difference in count.)
//
//   node sdk_list.mjs list --modules DIR --endpoint URL --region R [--page-size N] [--ids FILE]
//   node sdk_list.mjs compare --csv FILE --ids FILE
//   node sdk_list.mjs regions --csv FILE
//
// list:     credentials from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET, as a
//           user's script would take them. Writes the rows to standard output (one JSON document)
//           and, with --ids, the BackupGatewayIds one a line, for `compare`.
// compare:  checks that a dbs-gateways CSV (header row of API field names, RFC 4180) holds
//           exactly the gateways in the ids file: the same count, the same set, no duplicates.
//           Exit 0 when they agree, 1 with the difference on standard error otherwise.
// regions:  counts a dbs-gateways CSV's rows per value of its Region column and prints one
//           line per region, REGION<TAB>ROWS (for run.sh's all-regions network limit); exit 1
//           when a BackupGatewayId appears twice or a column is missing.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

function args(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[++i];
    else out._.push(argv[i]);
  }
  return out;
}

async function list(opts) {
  const require = createRequire(path.join(path.resolve(opts.modules), 'noop.js'));
  const RPCClient = require('@alicloud/pop-core').RPCClient;
  const client = new RPCClient({
    accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
    accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    endpoint: opts.endpoint,
    apiVersion: '2019-03-06',
  });
  const pageSize = Number(opts['page-size'] || 100);
  const rows = [];
  for (let pageNum = 0; ; ++pageNum) {
    const answer = await client.request(
      'DescribeBackupGatewayList',
      { Region: opts.region, PageSize: pageSize, PageNum: pageNum },
      { method: 'POST', timeout: 30000 },
    );
    const items = (answer.Items && answer.Items.BackupGateway) || [];
    rows.push(...items);
    if (items.length < pageSize) break; // the provider's only end: a short (or empty) page
  }
  process.stdout.write(JSON.stringify(rows));
  process.stdout.write('\n');
  if (opts.ids) fs.writeFileSync(opts.ids, rows.map((r) => String(r.BackupGatewayId)).join('\n') + '\n');
}

// RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        ++i;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') ++i;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function compare(opts) {
  const records = parseCsv(fs.readFileSync(opts.csv, 'utf8').replace(/^\uFEFF/, ''));
  const header = records.shift() || [];
  const column = header.indexOf('BackupGatewayId');
  if (column < 0) {
    process.stderr.write(`compare: no BackupGatewayId column in ${opts.csv}\n`);
    return 1;
  }
  const ours = records.map((r) => r[column]);
  const theirs = fs.readFileSync(opts.ids, 'utf8').split('\n').filter((l) => l !== '');
  const oursSet = new Set(ours);
  const theirsSet = new Set(theirs);
  const problems = [];
  if (ours.length !== theirs.length)
    problems.push(`${ours.length} rows in ${opts.csv}, ${theirs.length} from the SDK`);
  if (oursSet.size !== ours.length) problems.push(`${ours.length - oursSet.size} duplicate rows in ${opts.csv}`);
  const missing = theirs.filter((id) => !oursSet.has(id));
  const extra = ours.filter((id) => !theirsSet.has(id));
  if (missing.length) problems.push(`${missing.length} gateways missing (e.g. ${missing[0]})`);
  if (extra.length) problems.push(`${extra.length} gateways the SDK did not list (e.g. ${extra[0]})`);
  if (problems.length) {
    process.stderr.write(`compare: ${problems.join('; ')}\n`);
    return 1;
  }
  return 0;
}

function regions(opts) {
  const records = parseCsv(fs.readFileSync(opts.csv, 'utf8').replace(/^\uFEFF/, ''));
  const header = records.shift() || [];
  const regionColumn = header.indexOf('Region');
  const idColumn = header.indexOf('BackupGatewayId');
  if (regionColumn < 0 || idColumn < 0) {
    process.stderr.write(`regions: no Region or BackupGatewayId column in ${opts.csv}\n`);
    return 1;
  }
  const counts = new Map();
  const ids = new Set();
  let duplicates = 0;
  for (const record of records) {
    const id = record[idColumn];
    if (ids.has(id)) ++duplicates;
    ids.add(id);
    counts.set(record[regionColumn], (counts.get(record[regionColumn]) || 0) + 1);
  }
  process.stdout.write([...counts].map(([region, count]) => `${region}\t${count}\n`).join(''));
  if (duplicates) {
    process.stderr.write(`regions: ${duplicates} duplicate rows in ${opts.csv}\n`);
    return 1;
  }
  return 0;
}

const opts = args(process.argv.slice(2));
if (opts._[0] === 'list') {
  await list(opts);
} else if (opts._[0] === 'compare') {
  process.exitCode = compare(opts);
} else if (opts._[0] === 'regions') {
  process.exitCode = regions(opts);
} else {
  process.stderr.write('usage: sdk_list.mjs list|compare|regions ...\n');
  process.exitCode = 2;
}
