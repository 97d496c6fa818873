// A throwaway `ziping serve` for the UI tests: a fresh SQLite file with the demo data, a free
// port (--port 0; the line saying where it listens names it), the built UI from web/dist.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
export const ROOT = resolve(here, '../..');

export async function startServer() {
  const binary = process.env.ZIPING_BINARY ?? join(ROOT, 'build/ziping');
  const dist = process.env.ZIPING_DIST ?? join(ROOT, 'web/dist');
  const dir = mkdtempSync(join(tmpdir(), 'ziping-web-'));
  const child = spawn(binary, ['serve', '--port', '0', '--db', join(dir, 'web.db'), '--demo', '--static', dist],
    { stdio: ['ignore', 'pipe', 'pipe'] });
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function apiGet(base, path) {
  const r = await fetch(base + path);
  if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

// The stored form of the seed (Tianjin 政务服务办 2022), found by name rather than by id.
export async function seedFormId(base) {
  const page = await apiGet(base, '/api/forms?q=' + encodeURIComponent('天津市人民政府政务服务办公室'));
  const seed = page.forms.find((f) => f.kind === 'department' && f.year === 2022);
  if (!seed) throw new Error('the demo data holds no seed form');
  return seed.id;
}
