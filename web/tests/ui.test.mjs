// The workbench in Debian's Chromium against a real `ziping serve` with the demo data
// (ctest -R web_playwright). Every figure asserted is the one the API gives for the seed
// form under tianjin-2022 in review mode; the UI only shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiGet, ROOT, seedFormId, signedInContext, demoServerAndBrowser, unitAccount } from './server.mjs';

const VIEWPORT = { width: 1366, height: 768 };
const demo = demoServerAndBrowser();

// A page logged in as `login` (default the 财政审核人, who sees every unit of the demo).
async function newPage(login = 'demo-finance') {
  const context = await signedInContext(demo.browser, demo.server, login, { viewport: VIEWPORT, acceptDownloads: true });
  return context.newPage();
}

// The form path of the indicator whose 三级指标 is `name` ("goals[8].indicators[4]").
async function rowOf(page, name) {
  await page.waitForSelector('[data-path$=".name"]');
  const path = await page.evaluate((n) => {
    const input = [...document.querySelectorAll('[data-path$=".name"]')].find((e) => e.value === n);
    return input?.dataset.path.replace(/\.name$/, '');
  }, name);
  assert.ok(path, `no indicator named ${name}`);
  return path;
}

async function settled(page) {
  await page.waitForSelector('[data-testid=pending]:text("已核算")');
}

async function expectFigures(page, total, grade) {
  await settled(page);
  await assert.doesNotReject(page.waitForFunction(([t, g]) =>
    document.querySelector('[data-testid=total]')?.textContent === t &&
    document.querySelector('[data-testid=grade]')?.textContent === g, [total, grade], { timeout: 5000 }),
  `expected 总分 ${total} ${grade}`);
}

const text = (page, selector) => page.locator(selector).first().textContent();

// Waits until `selector` shows exactly `value` (the live check answers after a short pause).
async function expectText(page, selector, value) {
  await assert.doesNotReject(page.waitForFunction(([s, v]) => document.querySelector(s)?.textContent === v,
    [selector, value], { timeout: 5000 }), `expected ${selector} to show ${value}`);
}

async function noSidewaysScroll(page, what) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(wide <= 0, `${what}: the page scrolls sideways by ${wide}px at 1366×768`);
}

test('seed form: editing 坐席电话接通率 rescores at once; save, reload, the new revision is there', async () => {
  const id = await seedFormId(demo.server);
  const page = await newPage('demo-head'); // the 单位负责人 of the seed form's unit
  await page.goto(`${demo.server.base}/forms/${id}`);
  await expectFigures(page, '97.43', '优');
  assert.equal(await text(page, '[data-testid=formula-total]'), '98.56');
  await noSidewaysScroll(page, 'editor');

  const row = await rowOf(page, '坐席电话接通率');
  const check = page.locator(`[data-row="${row}"] td.check`);
  assert.equal(await check.locator('.check-value').textContent(), '0.83');
  await check.hover(); // the derivation on hover
  const tip = check.locator('.derivation');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /74\.75% ÷ 90% × 1 = 0\.83/);

  // 74.75% → 95%: met. The declared 0.8 now lies under the rules' floor (ZP0302 pinned to the
  // row); the declared total stays, the formula total gains 0.17.
  await page.fill(`[data-path="${row}.actual"]`, '95%');
  await expectText(page, '[data-testid=formula-total]', '98.73');
  await expectFigures(page, '97.43', '优');
  assert.equal(await check.locator('.check-value').textContent(), '1');
  const pinned = page.locator(`[data-row="${row}"] + tr.row-diagnostics`);
  assert.match(await pinned.textContent(), /ZP0302.*申报得分 0\.8 低于规则给出的下限 1\.00/);
  assert.match(await page.locator(`[data-row="${row}"] td.pinned`).first().getAttribute('class'), /pinned-warning/);

  // Clicking a diagnostic in the side list puts the cursor in its cell.
  await page.locator('.diagnostic-list button', { hasText: 'ZP0302' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.path), `${row}.score`);

  // The declared 得分 follows: 0.8 → 1, and the total with it.
  await page.fill(`[data-path="${row}.score"]`, '1');
  await expectFigures(page, '97.63', '优');
  // A grade moves only with ~7.5 points: 全年执行数 0 takes the 8.73 of execution away. The
  // total is shown with the server's digits (88.90), not as a JS number would print it (88.9).
  await page.fill('[data-path="budget.executed"]', '0');
  await expectFigures(page, '88.90', '良');
  await page.fill('[data-path="budget.executed"]', '19792.2');
  await expectFigures(page, '97.63', '优');

  await page.fill('.save-panel [name=comment]', '坐席电话接通率更正为95%');
  await page.click('.save-panel button[type=submit]');
  await page.waitForSelector('.save-message:text("已保存为第 4 版")');

  await page.reload();
  await expectFigures(page, '97.63', '优');
  const newest = page.locator('.revision-list li').first();
  assert.equal(await newest.getAttribute('data-revision'), '4');
  // The revision names the logged-in user (the save panel says who saves; there is no author field).
  assert.match(await newest.textContent(), /第 4 版 · 单位负责人（演示）.*坐席电话接通率更正为95%/);
  assert.equal(await page.inputValue(`[data-path="${row}.actual"]`), '95%');
  await page.context().close();
});

test('two tabs: a stale save shows the conflict, keeps the draft, and merges', async () => {
  // A form still with its unit (only 填报中 and 已退回 forms can be edited), edited by that unit.
  const draft = await apiGet(demo.server, '/api/forms?kind=department&status=draft&limit=1');
  const list = draft.forms.length ? draft : await apiGet(demo.server, '/api/forms?kind=department&status=returned&limit=1');
  assert.ok(list.forms.length, 'the demo holds no department form that its unit may edit');
  const id = list.forms[0].id;
  const revision = list.forms[0].revision;
  const login = unitAccount(demo.server, list.forms[0].department);
  const a = await newPage(login);
  const b = await newPage(login);
  await Promise.all([a.goto(`${demo.server.base}/forms/${id}`), b.goto(`${demo.server.base}/forms/${id}`)]);
  await Promise.all([settled(a), settled(b)]);

  await a.fill('[data-path="conclusion"]', '甲修改的结论');
  await a.fill('.save-panel [name=comment]', '甲保存');
  await a.click('.save-panel button[type=submit]');
  await a.waitForSelector(`.save-message:text("已保存为第 ${revision + 1} 版")`);

  const cell = '[data-path="goals[0].indicators[0].deviation_reason"]';
  await b.fill(cell, '乙写的偏差原因');
  await b.fill('.save-panel [name=comment]', '乙保存');
  await b.click('.save-panel button[type=submit]');
  const conflict = b.locator('[data-testid=conflict]');
  await conflict.waitFor();
  assert.match(await conflict.textContent(), /已被他人修改/);
  assert.match(await conflict.textContent(), new RegExp(`当前是第 ${revision + 1} 版.*甲保存`));
  assert.equal(await b.inputValue(cell), '乙写的偏差原因', 'the draft is kept');
  assert.equal(await b.textContent('[data-testid=dirty]'), '有未保存的修改');

  await conflict.locator('button', { hasText: '合并' }).click();
  assert.equal(await b.inputValue(cell), '乙写的偏差原因');
  assert.equal(await b.inputValue('[data-path="conclusion"]'), '甲修改的结论', 'the other change is merged in');
  await b.click('.save-panel button[type=submit]');
  await b.waitForSelector(`.save-message:text("已保存为第 ${revision + 2} 版")`);
  await a.context().close();
  await b.context().close();
});

test('import: a JSON form dropped on the page is read, checked, and filed', async () => {
  const page = await newPage(unitAccount(demo.server, '某县交通运输局')); // the form's own unit files it
  await page.goto(`${demo.server.base}/import`);
  await page.waitForSelector('.drop-zone .sub:has-text(".json")');
  const json = readFileSync(join(ROOT, 'examples/county-roads-2023-proj.json'), 'utf8');
  const dataTransfer = await page.evaluateHandle((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], 'county-roads.json', { type: 'application/json' }));
    return dt;
  }, json);
  await page.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer });
  await page.waitForSelector('[data-testid=import-result]');
  assert.equal(await text(page, '[data-testid=import-total]'), '98.81');
  assert.equal(await text(page, '[data-testid=import-grade]'), '优');
  assert.match(await text(page, '[data-testid=import-result] h2'), /county-roads\.json.*json/);

  await page.click('text=保存为新表单并打开');
  await page.waitForURL(/\/forms\/\d+$/);
  await expectFigures(page, '98.81', '优');
  // The project layout: 项目资金 with its funding rows, one 绩效指标 table.
  assert.match(await text(page, '.budget-table caption'), /项目资金/);
  assert.equal(await page.locator('.budget-table [data-path^="budget.sources"][data-path$=".label"]').count(), 3);
  assert.equal(await page.inputValue('[data-path="project"]'), '2023年农村公路养护及危桥改造项目');
  await page.context().close();
});

test('dashboard: charts with Chinese labels at 1366×768, no sideways scroll', async () => {
  const page = await newPage();
  await page.goto(`${demo.server.base}/dashboard?year=2022`);
  await page.waitForSelector('.chart svg text');
  const labels = await page.locator('.chart svg text').allTextContents();
  assert.ok(labels.some((l) => l.includes('优')), 'the grade chart names 优');
  assert.ok(labels.some((l) => l.includes('市教育局')), 'the execution chart names departments');
  assert.equal(await page.locator('.chart svg').count(), 2);
  const overview = await apiGet(demo.server, '/api/forms/overview?year=2022&top=15');
  const first = page.locator('.deviations tbody tr').first();
  assert.match(await first.textContent(), new RegExp(overview.deviations[0].name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await noSidewaysScroll(page, 'dashboard');
  await page.context().close();
});

test('list: filters and paging follow the API', async () => {
  const page = await newPage();
  await page.goto(`${demo.server.base}/`);
  await page.waitForSelector('.form-list tbody tr[data-form-id]');
  await noSidewaysScroll(page, 'list');
  const all = await apiGet(demo.server, '/api/forms/stats');
  assert.match(await text(page, '.pager-state'), new RegExp(`第 1 / ${Math.ceil(all.total / 20)} 页，共 ${all.total} 张`));
  await page.click('.pager button:has-text("下一页")');
  await page.waitForSelector('.pager-state:has-text("第 2 /")');

  await page.selectOption('select[name=year]', '2022');
  await page.selectOption('select[name=kind]', 'project');
  const expected = await apiGet(demo.server, '/api/forms?year=2022&kind=project&limit=20');
  await page.waitForSelector(`.pager-state:has-text("共 ${expected.total} 张")`);
  const ids = await page.locator('.form-list tbody tr[data-form-id]').evaluateAll((rows) => rows.map((r) => Number(r.dataset.formId)));
  assert.deepEqual(ids, expected.forms.map((f) => f.id));
  assert.match(page.url(), /year=2022&kind=project/);

  await page.selectOption('select[name=kind]', '');
  await page.selectOption('select[name=grade]', '良');
  const good = await apiGet(demo.server, '/api/forms?year=2022&grade=' + encodeURIComponent('良') + '&limit=20');
  await page.waitForSelector(`.pager-state:has-text("共 ${good.total} 张")`);
  const grades = await page.locator('.form-list tbody .grade').allTextContents();
  assert.ok(grades.length > 0 && grades.every((g) => g === '良'), grades.join(','));

  await page.selectOption('select[name=grade]', '');
  await page.selectOption('select[name=department]', { label: '市教育局' });
  await page.waitForFunction(() => [...document.querySelectorAll('.form-list .form-link')].every((a) => a.textContent === '市教育局'));
  await page.context().close();
});

test('print: the official table alone, every row where the screen has it', async () => {
  const id = await seedFormId(demo.server);
  const page = await newPage();
  await page.goto(`${demo.server.base}/forms/${id}`);
  await settled(page);
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.topbar', '.side', '.total-bar', '.row-diagnostics ul', '.indicators td.check'])
    assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} is printed`);
  assert.equal(await page.locator('.indicators .print-value').first().isVisible(), true);
  // The merged 一级指标 cells still line up: every 三级指标 cell starts at the same x.
  const xs = await page.locator('.indicators td.name').evaluateAll((cells) =>
    [...new Set(cells.map((c) => Math.round(c.getBoundingClientRect().left)))]);
  assert.equal(xs.length, 1, `三级指标 cells at ${xs.join(', ')}`);
  const pdf = await page.pdf({ format: 'A4', landscape: true });
  assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
  await page.context().close();
});
