// The review chain end to end in Debian's Chromium (ctest -R web_playwright_review): four
// people — 填报人, 单位负责人, 主管部门审核人, 财政审核人, made with `ziping user add` on an
// organisation tree from `ziping org import` — take the seed form (examples/tianjin-2022-dept.json)
// through the whole chain: import and save, 上报, 主管 退回 with a comment pinned to a cell, the
// filler sees it on that cell, fixes and saves, 上报 again, 主管 通过, 财政 scores a leaf with a
// reason, 通过, 公开; the public page then lists it. Afterwards `ziping audit verify` passes,
// and fails naming the entry once one row is edited in the database. On SQLite, or on the
// PostgreSQL of scripts/pg_throwaway.sh (ZIPING_TEST_PG_URL).
//
// ZIPING_SCREENS=DIR also saves a screenshot of every screen the scenario passes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { ADMIN, cli, FINANCE, IDLE_UNIT, makeWorld, ROOT, startServe, SUPERVISOR, tamperAuditEntry, UNIT, USERS } from './chain.mjs';

const VIEWPORT = { width: 1366, height: 768 };
const SCREENS = process.env.ZIPING_SCREENS;
// The cell the 主管部门 comments on, and the leaf 财政 scores: 党建活动及培训次数 (≥5次, 6次, 2 分).
const LEAF = 'goals[0].indicators[0]';
const CELL = `${LEAF}.actual`;

let world;
let server;
let browser;

before(async () => {
  world = makeWorld();
  server = await startServe(world.db);
  browser = await launch();
  if (SCREENS) mkdirSync(SCREENS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  world?.cleanup();
});

async function shot(page, name) {
  if (SCREENS) await page.screenshot({ path: join(SCREENS, `${world.backend}-${name}.png`) });
}

// A browser of its own per person (cookies apart), logged in through the login page.
async function loginAs(who, next = '/todo') {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(server.base + next);
  await page.waitForURL(/\/login/); // a private page without a session sends to the login page
  await page.fill('[name=login]', who.login);
  await page.fill('[name=password]', who.password);
  await page.click('[data-testid=login-form] button[type=submit]');
  await page.waitForURL((url) => url.pathname === next.split('?')[0]); // and back
  assert.equal(await page.textContent('[data-testid=current-role]'), who.label);
  return page;
}

async function openForm(page, id) {
  await page.goto(`${server.base}/forms/${id}`);
  await page.waitForSelector('[data-testid=review-panel]');
  await page.waitForSelector('[data-testid=pending]:text("已核算")');
}

async function expectState(page, label) {
  await page.waitForSelector(`[data-testid=review-panel] h3 .state:text("${label}")`, { timeout: 5000 });
}

async function act(page, action, reason) {
  if (reason !== undefined) await page.fill('[data-testid=review-panel] [name=reason]', reason);
  await page.click(`[data-testid=review-panel] button[data-action=${action}]`);
}

async function todoIds(page) {
  await page.goto(`${server.base}/todo`);
  await page.waitForSelector('.todo-list tbody tr');
  return page.locator('.todo-list tbody tr[data-form-id]').evaluateAll((rows) => rows.map((r) => Number(r.dataset.formId)));
}

test('the seed form through the whole review chain, then the audit trail', async () => {
  // 填报人: the login page, then the seed form imported and filed for the unit.
  const filler = await loginAs(USERS.filler);
  await shot(filler, 'todo-filler-empty');
  await filler.goto(`${server.base}/import`);
  await filler.waitForSelector('.drop-zone .sub:has-text(".json")');
  const json = readFileSync(join(ROOT, 'examples/tianjin-2022-dept.json'), 'utf8');
  const dataTransfer = await filler.evaluateHandle((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], 'tianjin-2022-dept.json', { type: 'application/json' }));
    return dt;
  }, json);
  await filler.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer });
  await filler.waitForSelector('[data-testid=import-result]');
  await filler.click('text=保存为新表单并打开');
  await filler.waitForURL(/\/forms\/\d+$/);
  const id = Number(/\/forms\/(\d+)$/.exec(filler.url())[1]);
  await openForm(filler, id);
  await expectState(filler, '填报中');
  assert.equal(await filler.locator('[data-testid=read-only]').count(), 0, 'the unit edits its own draft');
  assert.equal(await filler.locator('[data-testid=review-panel] button[data-action=submit]').count(), 0,
    'only the 单位负责人 signs off');

  // Fill in and save.
  await filler.fill('[data-path="conclusion"]', '全年目标基本完成，自评为优。');
  await filler.fill('.save-panel [name=comment]', '填写自评结论');
  await filler.click('.save-panel button[type=submit]');
  await filler.waitForSelector('.save-message:text("已保存为第 2 版")');
  await shot(filler, 'editor-filler');

  // 单位负责人: the form is in 我的待办; 上报.
  const head = await loginAs(USERS.head);
  assert.deepEqual(await todoIds(head), [id]);
  // The year's deadline (no --deadline: 30 April of the next year), long past: red.
  const due = head.locator(`.todo-list tr[data-form-id="${id}"] [data-testid=deadline]`);
  assert.match(await due.textContent(), /^2023-04-30（已逾期 \d+ 天）$/);
  assert.match(await due.getAttribute('class'), /overdue-text/);
  assert.match(await head.getAttribute(`.todo-list tr[data-form-id="${id}"]`, 'class'), /overdue/);
  await shot(head, 'todo-head');
  await openForm(head, id);
  await act(head, 'submit');
  await expectState(head, '已提交');
  assert.equal(await head.locator('[data-testid=read-only]').count(), 1, 'a submitted form is read-only');

  // 主管部门审核人: a comment pinned to 实际完成值 of the first leaf, then 退回 with a reason.
  const supervisor = await loginAs(USERS.supervisor);
  assert.deepEqual(await todoIds(supervisor), [id]);
  await openForm(supervisor, id);
  assert.equal(await supervisor.locator('[data-testid=read-only]').count(), 1, 'a reviewer does not edit the content');
  await supervisor.click(`[data-path="${CELL}"]`);
  await supervisor.waitForSelector(`[data-testid=comment-target] code:text("${CELL}")`);
  await supervisor.fill('[data-testid=comment-panel] [name=comment-text]', '实际完成值请附培训签到记录并注明场次');
  await supervisor.click('[data-testid=comment-panel] button[type=submit]');
  await supervisor.waitForSelector(`td.commented [data-path="${CELL}"]`);
  // 退回 needs a reason: without one the step is not sent.
  await supervisor.click('[data-testid=review-panel] button[data-action=return]');
  await supervisor.waitForSelector('[data-testid=review-panel] .error-text:has-text("请填写退回原因")');
  await expectState(supervisor, '已提交');
  await shot(supervisor, 'review-supervisor-comment');
  await act(supervisor, 'return', '党建活动次数的完成值缺少佐证，请补充后重新上报');
  await expectState(supervisor, '已退回');

  // 填报人: the comment is on that cell and in the line under its row; fix, save.
  await openForm(filler, id);
  await expectState(filler, '已退回');
  const cell = filler.locator(`td:has(> [data-path="${CELL}"])`);
  assert.match(await cell.getAttribute('class'), /commented/);
  assert.match(await filler.getAttribute(`[data-path="${CELL}"]`, 'title'), /培训签到记录/);
  const line = filler.locator(`[data-row="${LEAF}"] + tr.row-diagnostics .comment-line`);
  assert.match(await line.textContent(), /主管部门审核人 zhuguan.*实际完成值请附培训签到记录/);
  assert.match(await filler.textContent('.event-list'), /退回.*党建活动次数的完成值缺少佐证/);
  await cell.scrollIntoViewIfNeeded();
  await shot(filler, 'editor-filler-returned');
  await filler.fill(`[data-path="${CELL}"]`, '6次（签到记录已附）');
  await filler.fill('.save-panel [name=comment]', '按退回意见补充佐证');
  await filler.click('.save-panel button[type=submit]');
  await filler.waitForSelector('.save-message:text("已保存为第 3 版")');

  // 单位负责人: 上报 again.
  await openForm(head, id);
  await expectState(head, '已退回');
  await act(head, 'submit');
  await expectState(head, '已提交');

  // 主管部门: 通过 → 主管已审核.
  await openForm(supervisor, id);
  assert.equal(await supervisor.inputValue(`[data-path="${CELL}"]`), '6次（签到记录已附）');
  await act(supervisor, 'approve');
  await expectState(supervisor, '主管已审核');

  // 财政审核人: the progress board, then the 复核 score for one leaf beside the self-score.
  const finance = await loginAs(USERS.finance);
  await finance.goto(`${server.base}/progress?year=2022`);
  await finance.waitForSelector(`.progress-list tr[data-unit="${UNIT}"]`);
  assert.match(await finance.textContent(`.progress-list tr[data-unit="${UNIT}"]`), /主管已审核/);
  const idle = finance.locator(`.progress-list tr[data-unit="${IDLE_UNIT}"]`);
  assert.match(await idle.textContent(), /未填报/);
  assert.match(await idle.getAttribute('class'), /overdue/, 'a unit with nothing filed after the deadline is red');
  await shot(finance, 'progress-finance');
  assert.deepEqual(await todoIds(finance), [id]);
  await openForm(finance, id);
  const row = finance.locator(`[data-testid=review-scores] tr[data-score-path="${LEAF}"]`);
  await row.locator('[name=review-score]').fill('1.50');
  await row.locator('[name=review-reason]').fill('培训记录仅能证实 5 场，扣 0.5 分');
  await row.locator('button:has-text("保存")').click();
  await row.locator('[data-testid=reviewer-score]:text("1.50")').waitFor();
  assert.match(await row.locator('[data-testid=self-score]').textContent(), /^2(\.0+)?$/);
  assert.match(await row.locator('[data-testid=difference]').textContent(), /^-0\.50?$/);
  assert.match(await row.locator('[data-testid=review-reason]').textContent(), /仅能证实 5 场/);
  await row.scrollIntoViewIfNeeded();
  await shot(finance, 'review-finance-score');
  await act(finance, 'approve');
  await expectState(finance, '已通过');
  await act(finance, 'publish');
  await expectState(finance, '已公开');

  // The public: no login, the published form listed and readable.
  const publicContext = await browser.newContext({ viewport: VIEWPORT });
  const anyone = await publicContext.newPage();
  await anyone.goto(`${server.base}/public`);
  await anyone.waitForSelector(`.public-list tr[data-form-id="${id}"]`);
  assert.equal(await anyone.locator('.public-list tbody tr[data-form-id]').count(), 1);
  await shot(anyone, 'public-list');
  await anyone.click(`.public-list tr[data-form-id="${id}"] a`);
  await anyone.waitForURL(new RegExp(`/public/forms/${id}$`));
  await anyone.waitForSelector('[data-testid=read-only]');
  assert.equal(await anyone.inputValue('[data-path="department"]'), UNIT);
  assert.equal(await anyone.locator('.save-panel').count(), 0);
  await shot(anyone, 'public-form');

  // The list's 状态 filter is the review chain's: 已公开 holds the form, 填报中 nothing. The
  // filler's 部门 choices are its own unit only (GET /api/departments is scoped).
  await filler.goto(`${server.base}/`);
  await filler.waitForSelector(`.form-list tr[data-form-id="${id}"]`);
  const departments = await filler.locator('select[name=department] option').allTextContents();
  assert.deepEqual(departments, ['全部', UNIT]);
  await filler.selectOption('select[name=review_state]', 'published');
  await filler.waitForURL((url) => url.searchParams.get('review_state') === 'published');
  await filler.waitForSelector(`.form-list tr[data-form-id="${id}"] .state:text("已公开")`);
  await filler.selectOption('select[name=review_state]', 'draft');
  await filler.waitForSelector('.form-list td.empty:text("没有符合条件的表单")');
  await shot(filler, 'list-state-filter');

  // The supervisor's board shows the unit published.
  await supervisor.goto(`${server.base}/progress?year=2022`);
  await supervisor.waitForSelector(`.progress-list tr[data-unit="${UNIT}"]`);
  assert.match(await supervisor.textContent(`.progress-list tr[data-unit="${UNIT}"]`), /已公开/);
  await shot(supervisor, 'progress-supervisor');

  for (const p of [filler, head, supervisor, finance, anyone]) await p.context().close();
});

test('sessions: a 401 mid-session goes to the login page and back; a new password; logout', async () => {
  const head = await loginAs(USERS.head);
  await head.click('.topbar a:has-text("表单列表")');
  await head.waitForSelector('.form-list tbody tr[data-form-id]');
  // The session ends behind the page's back (expired, ended elsewhere): the next call's 401
  // sends the user to log in, and back to the page after.
  await head.context().clearCookies();
  await head.click('.topbar a:has-text("我的待办")');
  await head.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/todo');
  await head.fill('[name=login]', USERS.head.login);
  await head.fill('[name=password]', USERS.head.password);
  await head.click('[data-testid=login-form] button[type=submit]');
  await head.waitForURL((url) => url.pathname === '/todo');
  await head.waitForSelector('.todo-list tbody tr');

  // 修改密码: the wrong current password is refused; the right one gives a new session.
  const fresh = 'fuze-new-pass-2023';
  await head.goto(`${server.base}/account`);
  await head.fill('[name=current]', 'not-the-password');
  await head.fill('[name=new]', fresh);
  await head.fill('[name=again]', fresh);
  await head.click('.password-card button[type=submit]');
  await head.waitForSelector('.password-card .error-text');
  await head.fill('[name=current]', USERS.head.password);
  await head.fill('[name=new]', fresh);
  await head.fill('[name=again]', fresh);
  await head.click('.password-card button[type=submit]');
  await head.waitForSelector('.password-card .save-message:text("密码已修改")');
  await shot(head, 'account');
  USERS.head.password = fresh;

  // 退出登录: back to the login page; a private page now asks for a login again.
  await head.click('.topbar button:has-text("退出登录")');
  await head.waitForURL((url) => url.pathname === '/login');
  await head.waitForSelector('[data-testid=login-form]');
  await shot(head, 'login');
  await head.goto(`${server.base}/todo`);
  await head.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/todo');
  await head.fill('[name=login]', USERS.head.login);
  await head.fill('[name=password]', 'fuze-pass-2022');
  await head.click('[data-testid=login-form] button[type=submit]');
  await head.waitForSelector('[data-testid=login-error]');
  await head.fill('[name=password]', fresh);
  await head.click('[data-testid=login-form] button[type=submit]');
  await head.waitForURL((url) => url.pathname === '/todo');
  await head.context().close();
});

test('administration: a new account logs in; the organisation tree and its import; the audit trail verifies', async () => {
  const admin = await loginAs(ADMIN, '/admin/users');
  await admin.waitForSelector(`.user-list tr[data-login="${USERS.filler.login}"]`);
  // 新建用户: a 填报人 of the idle unit, the password generated and shown once.
  await admin.fill('[data-testid=add-user] [name=login]', 'xinren');
  await admin.fill('[data-testid=add-user] [name=name]', '新人');
  await admin.selectOption('[data-testid=add-user] [name=role]', 'filler');
  await admin.selectOption('[data-testid=add-user] [name=org]', { label: IDLE_UNIT });
  await admin.click('[data-testid=add-user] button[type=submit]');
  const password = await admin.textContent('[data-testid=handover-password]');
  assert.match(password, /^[A-Za-z0-9]{16}$/);
  const row = admin.locator('.user-list tr[data-login="xinren"]');
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(`填报人.*${IDLE_UNIT}.*正常`));
  await shot(admin, 'admin-users');
  const newcomer = await loginAs({ login: 'xinren', password, label: '填报人' });
  await newcomer.waitForSelector('.todo-list td.empty');
  // 停用: the account's session ends with it.
  await row.locator('button[data-action=toggle]').click();
  await row.locator('[data-testid=user-state]:text("已停用")').waitFor();
  await newcomer.goto(`${server.base}/todo`);
  await newcomer.waitForURL((url) => url.pathname === '/login');
  await newcomer.context().close();

  // 组织机构: the tree, then a CSV import adding a unit.
  await admin.click('.topbar a:has-text("组织机构")');
  await admin.waitForSelector(`[data-org="${FINANCE}"] [data-org="${SUPERVISOR}"] [data-org="${UNIT}"]`);
  await admin.fill('.org-import [name=csv]', `类型,名称,上级,代码\n预算单位,天津市新设单位,${SUPERVISOR},\n`);
  await admin.click('.org-import button[type=submit]');
  await admin.waitForSelector('.org-import .save-message:text("导入完成：新增 1 个，更新 0 个")');
  await admin.waitForSelector(`[data-org="${SUPERVISOR}"] [data-org="天津市新设单位"]`);
  await admin.fill('.org-import [name=csv]', '类型,名称,上级\n预算单位,无上级单位,不存在的主管部门\n');
  await admin.click('.org-import button[type=submit]');
  assert.match(await admin.textContent('[data-testid=import-problems]'), /第 2 行/);
  await shot(admin, 'admin-orgs');

  // 审计日志: the newest entries first (the account just made is among them), then 校验.
  await admin.click('.topbar a:has-text("审计日志")');
  await admin.waitForSelector('.audit-list tbody tr[data-seq]');
  assert.match(await admin.textContent('.audit-list tbody'), /xinren/);
  await admin.click('[data-testid=audit-verify]');
  await admin.waitForSelector('[data-testid=audit-result]:has-text("校验通过")');
  await shot(admin, 'admin-audit');
  await admin.context().close();
});

test('the audit trail verifies, and fails at an entry edited in the database', async () => {
  await server.stop();
  server = null;
  const intact = cli(['audit', 'verify', '--db', world.db]);
  assert.equal(intact.status, 0, intact.out);
  const entries = Number(/(\d+) entries/.exec(intact.out)?.[1]);
  assert.ok(entries > 10, `the chain holds every login, save, transition, comment and score: ${intact.out}`);
  const seq = Math.ceil(entries / 2);
  tamperAuditEntry(world, seq);
  const broken = cli(['audit', 'verify', '--db', world.db]);
  assert.equal(broken.status, 1, broken.out);
  assert.match(broken.out, new RegExp(`ZP0770.*第 ${seq} 条`));
  assert.match(broken.out, new RegExp(`audit entry ${seq} does not fit`));
});
