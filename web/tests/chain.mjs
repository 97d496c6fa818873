// The review chain's world for the scenario test (review.test.mjs): a fresh database — a SQLite
// file, or the PostgreSQL of scripts/pg_throwaway.sh when ZIPING_TEST_PG_URL is set — with an
// organisation tree and four accounts (and an administrator) made by the command line, as an administrator would
// (`ziping org import`, `ziping user add … --password-stdin`), then a `ziping serve` on it
// without demo data.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
export const ROOT = resolve(here, '../..');
export const BINARY = process.env.ZIPING_BINARY ?? join(ROOT, 'build/ziping');
const DIST = process.env.ZIPING_DIST ?? join(ROOT, 'web/dist');

// The seed form's unit, its 主管部门 and 财政局; a second unit under the same 主管部门 files
// nothing, so the progress board has a 未填报 unit past its deadline.
export const UNIT = '天津市人民政府政务服务办公室';
export const SUPERVISOR = '天津市人民政府办公厅';
export const FINANCE = '天津市财政局';
export const IDLE_UNIT = '天津市政务信息中心';

export const USERS = {
  filler: { login: 'tianbao', password: 'tianbao-pass-2022', role: 'filler', org: UNIT, label: '填报人' },
  head: { login: 'fuze', password: 'fuze-pass-2022', role: 'unit_head', org: UNIT, label: '单位负责人' },
  supervisor: { login: 'zhuguan', password: 'zhuguan-pass-2022', role: 'supervisor', org: SUPERVISOR, label: '主管部门审核人' },
  finance: { login: 'caizheng', password: 'caizheng-pass-2022', role: 'finance', org: FINANCE, label: '财政审核人' },
};

// The administrator (no organisation), for the administration pages.
export const ADMIN = { login: 'guanli', password: 'guanli-pass-2022', role: 'admin', label: '管理员' };

export function cli(args, input = '') {
  const r = spawnSync(BINARY, args, { input, encoding: 'utf8' });
  return { status: r.status, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

function must(args, input) {
  const r = cli(args, input);
  if (r.status !== 0) throw new Error(`ziping ${args.join(' ')} exited ${r.status}:\n${r.out}`);
  return r.out;
}

// A fresh database with the organisation tree and the four accounts.
export function makeWorld() {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-chain-'));
  const pg = process.env.ZIPING_TEST_PG_URL;
  const db = pg || join(dir, 'chain.db');
  const csv = join(dir, 'orgs.csv');
  writeFileSync(csv, [
    '类型,名称,上级,代码',
    `财政局,${FINANCE},,`,
    `主管部门,${SUPERVISOR},${FINANCE},`,
    `预算单位,${UNIT},${SUPERVISOR},12120000MB1234567X`,
    `预算单位,${IDLE_UNIT},${SUPERVISOR},`,
  ].join('\n') + '\n');
  must(['org', 'import', csv, '--db', db]);
  for (const u of Object.values(USERS))
    must(['user', 'add', u.login, '--role', u.role, '--org', u.org, '--password-stdin', '--db', db], u.password + '\n');
  must(['user', 'add', ADMIN.login, '--role', 'admin', '--password-stdin', '--db', db], ADMIN.password + '\n');
  return { db, backend: pg ? 'postgresql' : 'sqlite', dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startServe(db) {
  const child = spawn(BINARY, ['serve', '--port', '0', '--db', db, '--static', DIST], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('ziping serve did not start in 10 s:\n' + output)), 10000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`ziping serve exited ${code}:\n${output}`)); });
  });
  return {
    base,
    async stop() {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// Changes one audit entry behind the program's back, as someone with database access would.
export function tamperAuditEntry(world, seq) {
  const sql = `UPDATE audit_entries SET detail = detail || ' (edited)' WHERE seq = ${Number(seq)}`;
  const r = world.backend === 'postgresql'
    ? spawnSync('psql', [world.db, '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' })
    : spawnSync('sqlite3', [world.db, sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tampering failed: ${r.stdout}${r.stderr}`);
}
