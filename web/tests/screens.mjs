// Screenshots of every page at 1366×768 and the print view as PDF, for a person to look at:
//   node tests/screens.mjs http://127.0.0.1:8080 /tmp/screens
// Uses Debian's Chromium (never a downloaded browser).
import { mkdirSync } from 'node:fs';
import { launch } from './browser.mjs';

const [base = 'http://127.0.0.1:8080', out = '/tmp/ziping-screens', formId = '2'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
const shot = async (name) => {
  await page.screenshot({ path: `${out}/${name}.png` });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  console.log(`${out}/${name}.png${wide ? '  (page scrolls sideways!)' : ''}`);
};

await page.goto(`${base}/`);
await page.waitForSelector('.form-list tbody tr');
await shot('list');

await page.goto(`${base}/forms/${formId}`);
await page.waitForSelector('[data-testid=total]');
await page.waitForSelector('[data-testid=pending]:text("已核算")');
await shot('editor');
const check = page.locator(`[data-row="goals[8].indicators[4]"] td.check`);
await check.scrollIntoViewIfNeeded();
await check.hover();
await shot('editor-derivation');

await page.emulateMedia({ media: 'print' });
await page.pdf({ path: `${out}/print.pdf`, format: 'A4', landscape: true, printBackground: true });
console.log(`${out}/print.pdf`);
await page.emulateMedia({ media: 'screen' });

await page.goto(`${base}/dashboard`);
await page.waitForSelector('.chart svg');
await page.waitForTimeout(300);
await shot('dashboard');

await page.goto(`${base}/import`);
await shot('import');
await browser.close();
