// A throwaway `ziping serve` for the UI tests: a fresh SQLite file with the demo data, a free
// port (--port 0; the line saying where it listens names it), the built UI from web/dist.
//
// Accounts (issue 10): `--demo` prints one account per role with a fresh password; startServer()
// reads them into `server.accounts` ({login: password}: demo-filler, demo-head, demo-supervisor,
// demo-finance, demo-admin; the unit ones act for the seed form's department). What the
// fixture offers the tests:
//   logIn(server, login)             → {cookie, csrf}: a session made through POST /api/session
//   signedInContext(browser, server, login, options) → a browser context carrying that session
//                                      (the HttpOnly cookie; the UI reads its CSRF token itself)
//   unitAccount(server, department)  → the login of a 单位负责人 for that department, made
//                                      through the CLI (`ziping user add … --generate-password`)
//   apiGet / apiSend(server, …)      → reads as demo-finance (every unit), writes as `login`
//   demoServerAndBrowser()           → {server, browser}: one demo server and one Chromium for
//                                      a test file, started before its tests, stopped after them
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { launch } from './browser.mjs';

const here = new URL('.', import.meta.url).pathname;
export const ROOT = resolve(here, '../..');

export async function startServer() {
  const binary = process.env.ZIPING_BINARY ?? join(ROOT, 'build/ziping');
  const dist = process.env.ZIPING_DIST ?? join(ROOT, 'web/dist');
  const dir = mkdtempSync(join(tmpdir(), 'ziping-web-'));
  const db = join(dir, 'web.db');
  const child = spawn(binary, ['serve', '--port', '0', '--db', db, '--demo', '--static', dist],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const base = await new Promise((ok, fail) => {
    // A hang guard, not a speed check: the demo (42 forms, five argon2id accounts) starts in ~2 s
    // on a quiet machine and took 13 s at load 22.
    const timer = setTimeout(() => fail(new Error('ziping serve did not start in 60 s:\n' + output)), 60000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`ziping serve exited ${code}:\n${output}`)); });
  });
  const accounts = {};
  for (const m of output.matchAll(/^\s+(demo-[a-z]+)\s+(\S+)/gm)) accounts[m[1]] = m[2];
  return {
    base,
    binary,
    db,
    accounts,
    sessions: {},
    async stop() {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Registers the file's set-up and clean-up; the fields are filled once the tests start.
export function demoServerAndBrowser() {
  const demo = { server: undefined, browser: undefined };
  before(async () => {
    demo.server = await startServer();
    demo.browser = await launch();
  });
  after(async () => {
    await demo.browser?.close();
    await demo.server?.stop();
  });
  return demo;
}

// A session for `login` (a demo account, or one unitAccount() made), cached per server.
export async function logIn(server, login) {
  if (server.sessions[login]) return server.sessions[login];
  const password = server.accounts[login];
  if (!password) throw new Error(`no password for ${login}: ${Object.keys(server.accounts)}`);
  const r = await fetch(server.base + '/api/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!r.ok) throw new Error(`login ${login}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await r.json();
  return (server.sessions[login] = { cookie, csrf });
}

// A browser context logged in as `login`: the session cookie set as the server sets it.
export async function signedInContext(browser, server, login, options = {}) {
  const { cookie } = await logIn(server, login);
  const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
  const context = await browser.newContext(options);
  await context.addCookies([{ name, value, url: server.base, httpOnly: true, sameSite: 'Strict' }]);
  return context;
}

// A 单位负责人 of `department` (a unit of the demo tree: every department with demo forms).
// A department without a unit yet is placed under the demo's 演示主管部门一 first.
export function unitAccount(server, department) {
  server.units ??= {};
  if (server.units[department]) return server.units[department];
  const csv = join(server.db + '.orgs.csv');
  writeFileSync(csv, `类型,名称,上级,代码\n财政局,演示市财政局,,\n主管部门,演示主管部门一,演示市财政局,\n预算单位,${department},演示主管部门一,\n`);
  execFileSync(server.binary, ['org', 'import', csv, '--db', server.db], { encoding: 'utf8' });
  const login = 'ui-head-' + Object.keys(server.accounts).length;
  const out = execFileSync(server.binary, ['user', 'add', login, '--role', 'unit_head', '--org', department,
    '--generate-password', '--db', server.db], { encoding: 'utf8' });
  server.accounts[login] = /: (\S+)\s*$/m.exec(out)[1];
  return (server.units[department] = login);
}

// Reads as demo-finance: the 财政审核人 sees every unit of the demo bureau.
export async function apiGet(server, path) {
  const { cookie } = await logIn(server, 'demo-finance');
  const r = await fetch(server.base + path, { headers: { Cookie: cookie } });
  if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

// A write as `login`, with its session's CSRF token.
export async function apiSend(server, login, method, path, body, type = 'application/json') {
  const { cookie, csrf } = await logIn(server, login);
  return fetch(server.base + path, {
    method, body, headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': type },
  });
}

// The stored form of the seed (Tianjin 政务服务办 2022), found by name rather than by id.
export async function seedFormId(server) {
  const page = await apiGet(server, '/api/forms?q=' + encodeURIComponent('天津市人民政府政务服务办公室'));
  const seed = page.forms.find((f) => f.kind === 'department' && f.year === 2022);
  if (!seed) throw new Error('the demo data holds no seed form');
  return seed.id;
}
