// The dashboard's analyses (issue 13) in Debian's Chromium against `ziping serve --demo`: each
// analysis the panel shows is there, and its rows are the API's, digit for digit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { apiGet, startServer } from './server.mjs';

const SHOWN = ['inflation', 'always_full', 'target_changes', 'execution_supervisors', 'grades',
  'total_mismatch'];
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the dashboard shows every analysis of the year as the API answers it', async () => {
  const catalogue = await apiGet(server.base, '/api/analyses');
  assert.ok(catalogue.years.includes(2023), `years with facts: ${catalogue.years}`);
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(`${server.base}/dashboard?year=2023`);
  for (const id of SHOWN) {
    const section = page.locator(`[data-testid=analysis-${id}]`);
    await section.waitFor({ timeout: 10000 });
    const answer = await apiGet(server.base, `/api/analyses/${id}?year=2023&limit=10`);
    assert.equal(await section.locator('h3').first().textContent().then((t) => t.startsWith(answer.title)), true);
    const rows = await section.locator('tbody tr').count();
    assert.equal(rows, answer.rows.length, `${id}: rows shown`);
    if (rows > 0) {
      // The first row's text cells, as the API gave them.
      const cells = await section.locator('tbody tr').first().locator('td').allTextContents();
      answer.columns.forEach((c, i) => {
        if (c.kind === 'text') assert.equal(cells[i], answer.rows[0][i] ?? '—', `${id}.${c.key}`);
      });
    }
  }
  // The demo data has 2023 forms of twelve departments: the panel shows the first ten of each
  // table and says how many there are.
  for (const id of ['grades', 'execution_supervisors']) {
    const answer = await apiGet(server.base, `/api/analyses/${id}?year=2023`);
    assert.ok(answer.total_rows >= 12, `${id}: ${answer.total_rows} rows`);
    assert.equal(await page.locator(`[data-testid=analysis-${id}] tbody tr`).count(), 10);
    const head = await page.locator(`[data-testid=analysis-${id}] h3`).textContent();
    assert.ok(head.includes(`共 ${answer.total_rows} 行`), head);
  }
});
