// The year's chain in the workbench (issue 14): the demo stores the seed department's made-up
// 2022 申报表 and 监控表 (examples/chain/) linked to the seed form. From the form list's chain
// count to the editor's 三表对照 link to the chain view, where 坐席电话接通率's target, lowered
// from ≥95% to ≥90%, is marked in the 申报表 and in the 自评表, and the dropped indicator's row
// says it is missing from the 自评表.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, apiSend, logIn, seedFormId, signedInContext, demoServerAndBrowser } from './server.mjs';

const demo = demoServerAndBrowser();

test('the chain view of the demo project shows the lowered target highlighted in both forms', async () => {
  const id = await seedFormId(demo.server);
  const chain = await apiGet(demo.server, `/api/forms/${id}/chain`);
  assert.ok(chain.declaration && chain.monitoring, 'both plans are linked to the seed form');
  assert.ok(chain.diagnostics.some((d) => d.code === 'ZP0453'), chain.diagnostics.map((d) => d.code).join(' '));

  const context = await signedInContext(demo.browser, demo.server, 'demo-head', { viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  // The form list counts the chain's diagnostics.
  await page.goto(`${demo.server.base}/?q=${encodeURIComponent('天津市人民政府政务服务办公室')}`);
  const count = page.locator(`tr[data-form-id="${id}"] [data-testid=chain-count]`);
  await count.waitFor({ timeout: 10000 });
  assert.match(await count.textContent(), /三表 [1-9]\d* 错误/);
  // The editor links to the chain view.
  await page.goto(`${demo.server.base}/forms/${id}`);
  await page.locator('[data-testid=chain-link]').click();
  await page.waitForURL(`**/forms/${id}/chain`);

  const row = page.locator('tr[data-indicator="坐席电话接通率"]');
  await row.waitFor({ timeout: 10000 });
  const declared = row.locator('td[data-form=declaration][data-path$=".target"]');
  const evaluated = row.locator('td[data-form=self][data-path$="target"]');
  assert.equal((await declared.textContent()).trim(), '≥95%');
  assert.equal((await evaluated.textContent()).trim(), '≥90%');
  for (const cell of [declared, evaluated])
    assert.match(await cell.getAttribute('class'), /chain-diff chain-error/);
  // An unchanged target in the same table is not marked.
  const marked = await page.locator('td.chain-diff').count();
  const cells = await page.locator('td[data-form]').count();
  assert.ok(marked > 0 && marked < cells / 4, `${marked} of ${cells} cells marked`);
  // The pinned diagnostics say what changed; the dropped indicator's row says where it went.
  assert.ok(await page.locator('li.chain-finding[data-code=ZP0453]').count() >= 1);
  const dropped = page.locator('tr[data-indicator="营商环境政策解读覆盖率"]');
  assert.match(await dropped.textContent(), /自评表中缺失/);
  await context.close();
});

// The link buttons (取消关联, 关联到本表) and the import are offered only to whom the server then
// lets link: the chain view's may_link is the gate's plan_link rule. The unit's 单位负责人 sees
// them; the 主管部门 and 财政 reviewers see none, and the server refuses them the link (403).
test('the chain view offers linking only to the roles the server lets link', async () => {
  const id = await seedFormId(demo.server);
  const chainAs = async (login) => {
    const { cookie } = await logIn(demo.server, login);
    const r = await fetch(`${demo.server.base}/api/forms/${id}/chain`, { headers: { Cookie: cookie } });
    assert.equal(r.status, 200, login);
    return r.json();
  };
  const view = await chainAs('demo-head');
  assert.equal(view.may_link, true);
  const planId = view.declaration.plan.id;
  for (const login of ['demo-supervisor', 'demo-finance']) {
    const theirs = await chainAs(login);
    assert.equal(theirs.may_link, false, login);
    const refused = await apiSend(demo.server, login, 'PUT', `/api/plans/${planId}/link`, JSON.stringify({ form_id: id }));
    assert.equal(refused.status, 403, login);
  }

  const buttonsAs = async (login) => {
    const context = await signedInContext(demo.browser, demo.server, login, { viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${demo.server.base}/forms/${id}/chain`);
    await page.locator('tr[data-indicator="坐席电话接通率"]').waitFor({ timeout: 10000 });
    const unlink = await page.getByRole('button', { name: '取消关联' }).count();
    const link = await page.getByRole('button', { name: '关联到本表' }).count();
    const imports = await page.locator('.chain-import input[type=file]').count();
    await context.close();
    return { unlink, link, imports };
  };
  const head = await buttonsAs('demo-head');
  assert.equal(head.unlink, 2, JSON.stringify(head));
  assert.equal(head.imports, 1, JSON.stringify(head));
  for (const login of ['demo-supervisor', 'demo-finance']) {
    const seen = await buttonsAs(login);
    assert.deepEqual(seen, { unlink: 0, link: 0, imports: 0 }, login);
  }
});
