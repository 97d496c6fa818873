// The dashboard's analyses (issue 13) in Debian's Chromium against `ziping serve --demo`: each
// analysis the panel shows is there, and its rows are the API's, digit for digit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, signedInContext, demoServerAndBrowser } from './server.mjs';

const SHOWN = ['inflation', 'always_full', 'target_changes', 'execution_supervisors', 'grades',
  'total_mismatch'];
const demo = demoServerAndBrowser();

test('the dashboard shows every analysis of the year as the API answers it', async () => {
  const catalogue = await apiGet(demo.server, '/api/analyses');
  assert.ok(catalogue.years.includes(2023), `years with facts: ${catalogue.years}`);
  // As the demo's 财政审核人: the analyses are for 主管部门, 财政 and administrators.
  const context = await signedInContext(demo.browser, demo.server, 'demo-finance', { viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${demo.server.base}/dashboard?year=2023`);
  for (const id of SHOWN) {
    const section = page.locator(`[data-testid=analysis-${id}]`);
    await section.waitFor({ timeout: 10000 });
    const answer = await apiGet(demo.server, `/api/analyses/${id}?year=2023&limit=10`);
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
  // The panel shows the first ten rows of each table and says how many there are.
  for (const id of ['grades', 'execution_supervisors']) {
    const answer = await apiGet(demo.server, `/api/analyses/${id}?year=2023`);
    assert.ok(answer.total_rows >= 1, `${id}: ${answer.total_rows} rows`);
    assert.equal(await page.locator(`[data-testid=analysis-${id}] tbody tr`).count(), Math.min(10, answer.total_rows));
    const head = await page.locator(`[data-testid=analysis-${id}] h3`).textContent();
    if (answer.total_rows > 10) assert.ok(head.includes(`共 ${answer.total_rows} 行`), head);
  }
});
