// The editor's indicator columns come from the field catalogue (ctest -R web_playwright_fields):
// a form whose leaves carry 指标解释 (a Variant field of model/fields.def) shows that column
// in catalogue order, edits it and saves it; a form without it shows no such column. Nothing
// in web/ names the field: adding one to the catalogue is enough for the editor to show it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiGet, apiSend, logIn, ROOT, signedInContext, demoServerAndBrowser, unitAccount } from './server.mjs';

const SEED = readFileSync(join(ROOT, 'examples/tianjin-2022-dept.json'), 'utf8');
const LEAF = '"name": "党建活动及培训次数",';
const EXPLAINED = '"name": "党建活动及培训次数", "explanation": "全年组织党建活动和培训的次数",';
const demo = demoServerAndBrowser();

async function fileForm(content, department) {
  assert.ok(content.includes('"天津市人民政府政务服务办公室"'));
  const body = `{"content": ${content.split('"天津市人民政府政务服务办公室"').join(JSON.stringify(department))}, ` +
    '"rules": "tianjin-2022", "author": "测试", "comment": "指标解释"}';
  const r = await apiSend(demo.server, unitAccount(demo.server, department), 'POST', '/api/forms', body);
  const text = await r.text();
  assert.equal(r.status, 201, text);
  return JSON.parse(text).form.id;
}

// The editor as the unit's own 单位负责人 (who may edit its 填报中 forms).
async function openEditor(id, department) {
  const context = await signedInContext(demo.browser, demo.server, unitAccount(demo.server, department),
    { viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${demo.server.base}/forms/${id}`);
  await page.waitForSelector('table.indicators thead th[data-field=name]');
  return page;
}

const headers = (page) => page.locator('table.indicators thead th').allTextContents();

test('指标解释 filled in a leaf is a column of the editor, in catalogue order, edited and saved', async () => {
  assert.ok(SEED.includes(LEAF), 'the seed form no longer has the leaf this test explains');
  const id = await fileForm(SEED.replace(LEAF, EXPLAINED), '指标解释测试一局');
  const page = await openEditor(id, '指标解释测试一局');
  const shown = await headers(page);
  const { indicator_fields: catalogue } = await apiGet(demo.server, '/api/vocabulary');
  const order = catalogue.map((f) => f.header);
  assert.ok(shown.includes('指标解释'), `headers: ${shown.join(' | ')}`);
  const inCatalogue = shown.filter((h) => order.includes(h));
  assert.deepEqual(inCatalogue, [...inCatalogue].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    'the editor keeps the catalogue order');
  const cell = '[data-path="goals[0].indicators[0].explanation"]';
  assert.equal(await page.inputValue(cell), '全年组织党建活动和培训的次数');

  await page.fill(cell, '全年组织党建活动、理论学习和培训的次数');
  await page.fill('.save-panel [name=comment]', '修改指标解释');
  await page.click('.save-panel button[type=submit]');
  await page.waitForSelector('.save-message:text("已保存为第 2 版")');
  await page.context().close();
  const { cookie } = await logIn(demo.server, 'demo-finance');
  const r = await fetch(`${demo.server.base}/api/forms/${id}/export?format=json&revision=2`, { headers: { Cookie: cookie } });
  const stored = await r.text();
  assert.ok(stored.includes('"explanation": "全年组织党建活动、理论学习和培训的次数"'), 'revision 2 stores the edit');
});

test('a form without 指标解释 has no such column; the standard columns are all there', async () => {
  const id = await fileForm(SEED, '指标解释测试二局');
  const page = await openEditor(id, '指标解释测试二局');
  const shown = await headers(page);
  assert.ok(!shown.includes('指标解释'), `headers: ${shown.join(' | ')}`);
  for (const h of ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '核算', '偏差原因分析及改进措施'])
    assert.ok(shown.includes(h), `${h} missing from: ${shown.join(' | ')}`);
  await page.context().close();
});
