// Exact decimals through the UI (ctest -R web_playwright_decimals): a form travels to the
// browser and back with the digits the unit declared. `0.80` must not come back `0.8`: a save
// would rewrite the declaration, and `8.70` (error ZP0505: not 8.73) would become `8.7`
// (note ZP0506: 8.73 printed with one decimal), another verdict for the same form.
//
// Forms are built from examples/tianjin-2022-dept.json as text and posted as text: Node's
// JSON.parse would itself turn 8.70 into 8.7. Stored revisions are compared as the bytes the
// server's canonical writer exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiGet, apiSend, logIn, ROOT, signedInContext, demoServerAndBrowser, unitAccount } from './server.mjs';

const SEED = readFileSync(join(ROOT, 'examples/tianjin-2022-dept.json'), 'utf8');
const demo = demoServerAndBrowser();

// `text` with every `from` replaced, failing if the seed no longer holds it.
function replaced(text, from, to) {
  assert.ok(text.includes(from), `the seed form no longer contains ${from}`);
  return text.split(from).join(to);
}

// Files `content` (JSON text) as a new form under tianjin-2022; answers its id.
async function fileForm(content, department) {
  const body = `{"content": ${replaced(content, '"天津市人民政府政务服务办公室"', JSON.stringify(department))}, ` +
    '"rules": "tianjin-2022", "author": "测试", "comment": "精确小数"}';
  const r = await apiSend(demo.server, unitAccount(demo.server, department), 'POST', '/api/forms', body);
  const text = await r.text();
  assert.equal(r.status, 201, text);
  return JSON.parse(text).form.id;
}

// The stored content of one revision, as the bytes of the canonical JSON export.
async function stored(id, revision) {
  const { cookie } = await logIn(demo.server, 'demo-finance');
  const r = await fetch(`${demo.server.base}/api/forms/${id}/export?format=json&revision=${revision}`, { headers: { Cookie: cookie } });
  assert.equal(r.status, 200, `export of revision ${revision}`);
  return Buffer.from(await r.arrayBuffer());
}

// A page logged in as the unit of `department` (it edits that unit's forms), else the 财政审核人.
async function newPage(department) {
  const login = department ? unitAccount(demo.server, department) : 'demo-finance';
  const context = await signedInContext(demo.browser, demo.server, login, { viewport: { width: 1366, height: 768 } });
  return context.newPage();
}

// Runs `action` and waits until the editor's live check (POST /api/check) has answered and
// the answer is on screen, so what is asserted is the live check's verdict, not the stored one.
async function liveChecked(page, action) {
  const answered = page.waitForResponse((r) => r.url().includes('/api/check') && r.request().method() === 'POST');
  await action();
  await answered;
  await page.waitForSelector('[data-testid=pending]:text("已核算")');
}

async function diagnosticCodes(page) {
  const lines = await page.locator('.diagnostic-list .diag-code').allTextContents();
  return lines.map((l) => l.split(' ').pop());
}

async function save(page, comment, revision) {
  await page.fill('.save-panel [name=comment]', comment);
  await page.click('.save-panel button[type=submit]');
  await page.waitForSelector(`.save-message:text("已保存为第 ${revision} 版")`);
}

test('a form saved unchanged from the editor is stored byte for byte as it was (0.80, 8.70, 100.00)', async () => {
  let content = replaced(SEED, '"score": 0.8,', '"score": 0.80,');
  content = replaced(content, '"score": 8.7,', '"score": 8.70,');
  content = replaced(content, '"weight": 100,', '"weight": 100.00,');
  content = replaced(content, '"executed": 19792.2,', '"executed": 19792.20,');
  const id = await fileForm(content, '精确小数测试一局');
  const first = await stored(id, 1);
  for (const figure of ['"score": 0.80,', '"score": 8.70,', '"weight": 100.00,', '"executed": 19792.20,'])
    assert.ok(first.includes(figure), `the server stored ${figure} (a server-side rewrite, not the UI's)`);

  const page = await newPage('精确小数测试一局');
  await liveChecked(page, () => page.goto(`${demo.server.base}/forms/${id}`));
  // The cells show the declared digits.
  assert.equal(await page.inputValue('[data-path="budget.score"]'), '8.70');
  assert.equal(await page.inputValue('[data-path="budget.executed"]'), '19792.20');
  assert.equal(await page.inputValue('[data-path="total.weight"]'), '100.00');
  assert.equal(await page.textContent('[data-testid=dirty]'), '无未保存的修改');
  await save(page, '原样保存', 2);
  await page.context().close();

  const { revisions } = await apiGet(demo.server, `/api/forms/${id}/revisions`);
  assert.deepEqual(revisions.map((r) => r.number), [2, 1]);
  const second = await stored(id, 2);
  assert.ok(second.equals(first), 'revision 2 differs from revision 1:\n' + firstDifference(first, second));
});

test('a budget score declared 8.70 keeps its error ZP0505 in the live check, after a save and a reload', async () => {
  const id = await fileForm(replaced(SEED, '"score": 8.7,', '"score": 8.70,'), '精确小数测试二局');
  const verdict = await apiGet(demo.server, `/api/forms/${id}/score`);
  assert.ok(verdict.diagnostics.some((d) => d.code === 'ZP0505'), 'the server itself gives ZP0505 for 8.70');

  const page = await newPage('精确小数测试二局');
  await liveChecked(page, () => page.goto(`${demo.server.base}/forms/${id}`));
  await expectZP0505(page, 'the first live check');

  await liveChecked(page, () => page.fill('[data-path="conclusion"]', '本次自评等级为优。（复核）'));
  await expectZP0505(page, 'the live check after an edit elsewhere');
  await save(page, '修改结论', 2);

  await liveChecked(page, () => page.reload());
  await expectZP0505(page, 'the live check after the reload');
  assert.equal(await page.inputValue('[data-path="budget.score"]'), '8.70');
  assert.equal(await page.inputValue('[data-path="conclusion"]'), '本次自评等级为优。（复核）');
  await page.context().close();
  assert.ok((await stored(id, 2)).includes('"score": 8.70,'), 'revision 2 stores the budget score as 8.70');
});

test('a figure typed as 8.70 is sent and stored as 8.70', async () => {
  const id = await fileForm(SEED, '精确小数测试三局');
  const page = await newPage('精确小数测试三局');
  await liveChecked(page, () => page.goto(`${demo.server.base}/forms/${id}`));
  assert.ok((await diagnosticCodes(page)).includes('ZP0506'), 'the seed declares 8.7: note ZP0506');
  await liveChecked(page, () => page.fill('[data-path="budget.score"]', '8.70'));
  await expectZP0505(page, 'after typing 8.70');
  await save(page, '预算执行得分改写为8.70', 2);
  await page.context().close();
  const second = (await stored(id, 2)).toString('utf8');
  assert.ok(second.includes('"score": 8.70,'), 'revision 2 stores 8.70 as typed');
  // Nothing else changed: only that one number's text differs from revision 1.
  const first = (await stored(id, 1)).toString('utf8');
  assert.equal(second, first.replace('"score": 8.7,', '"score": 8.70,'));
});

test('dashboard: rates, deviations and scores are shown with the server\'s digits', async () => {
  // Read as text: the figures to expect are the digits of the answer (97.50, 2.00, -0.6000).
  const { cookie } = await logIn(demo.server, 'demo-finance');
  const raw = await (await fetch(`${demo.server.base}/api/forms/overview?year=2023&top=15`, { headers: { Cookie: cookie } })).text();
  const rates = [...raw.matchAll(/"execution_rate":(-?[\d.]+)/g)].map((m) => m[1]);
  const rows = [...raw.matchAll(/"deviation":(-?[\d.]+),"weight":(-?[\d.]+|null),"score":(-?[\d.]+|null),/g)];
  assert.ok(rates.some((r) => /\.\d*0$/.test(r)), 'the 2023 demo has a rate with a trailing zero');
  assert.ok(rows.some((m) => /\.\d*0$/.test(m[3])), 'and a deviation score with one');

  const page = await newPage();
  await page.goto(`${demo.server.base}/dashboard?year=2023`);
  await page.waitForSelector('.chart svg text');
  await page.waitForSelector('.deviations tbody tr td.num');
  const labels = await page.locator('.chart svg text').allTextContents();
  for (const rate of rates) assert.ok(labels.includes(`${rate}%`), `the chart labels ${rate}%`);
  const cells = await page.locator('.deviations tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td.num')].map((td) => td.textContent)));
  assert.equal(cells.length, rows.length);
  rows.forEach(([, deviation, weight, score], i) => {
    const [shown, points] = cells[i];
    assert.equal(points, `${score === 'null' ? '—' : score} / ${weight === 'null' ? '—' : weight}`);
    // The percentage keeps every digit of the ratio: -0.6000 → -60.00%.
    const digits = (t) => t.replace(/[^\d]/g, '').replace(/^0+/, '');
    assert.equal(digits(shown), digits(deviation), `${deviation} shown as ${shown}`);
    assert.equal(shown.startsWith('-'), deviation.startsWith('-') && /[1-9]/.test(deviation));
  });
  await page.context().close();
});

async function expectZP0505(page, when) {
  const codes = await diagnosticCodes(page);
  assert.ok(codes.includes('ZP0505'), `${when}: ZP0505 is listed (got ${codes.join(' ')})`);
  assert.ok(!codes.includes('ZP0506'), `${when}: no ZP0506, which is 8.7's note`);
  const row = page.locator('[data-row="budget"] ~ tr.row-diagnostics');
  assert.match(await row.textContent(), /ZP0505.*申报预算执行得分.*8\.73/);
  assert.match(await page.getAttribute('[data-path="budget.score"]', 'title'), /ZP0505/);
}

function firstDifference(a, b) {
  const x = a.toString('utf8').split('\n');
  const y = b.toString('utf8').split('\n');
  const i = x.findIndex((line, n) => line !== y[n]);
  return i < 0 ? `(revision 2 has ${y.length - x.length} more lines)` : `line ${i + 1}: ${x[i]}\n     now: ${y[i]}`;
}
