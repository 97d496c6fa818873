// Import of an xlsx by upload and export of a PDF, through the UI (ctest -R web_playwright_formats).
// The xlsx reader and the pdf writer come from the format registry; until they are in the
// binary these tests fail and say so — a missing format is never a silent skip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { apiGet, ROOT, seedFormId, signedInContext, demoServerAndBrowser } from './server.mjs';

const XLSX_FIXTURE = join(ROOT, 'tests/golden/xlsx-lo-seed/input.xlsx'); // the seed saved by LibreOffice
const demo = demoServerAndBrowser();

async function format(name) {
  const { formats } = await apiGet(demo.server, '/api/formats');
  return formats.find((f) => f.name === name);
}

test('import: an xlsx chosen with the file input is read and checked', async () => {
  const xlsx = await format('xlsx');
  assert.ok(xlsx?.read, 'GET /api/formats lists no readable xlsx: this binary has no xlsx reader ' +
    '(it arrives when main, with io/xlsx, is merged into this branch)');
  assert.ok(existsSync(XLSX_FIXTURE), `the fixture ${XLSX_FIXTURE} is missing (it comes with main's golden cases)`);
  const page = await (await signedInContext(demo.browser, demo.server, 'demo-finance', { viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(`${demo.server.base}/import`);
  await page.waitForSelector('.drop-zone .sub:has-text(".xlsx")');
  await page.setInputFiles('input[type=file]', XLSX_FIXTURE);
  await page.waitForSelector('[data-testid=import-result]');
  assert.match(await page.textContent('[data-testid=import-result] h2'), /input\.xlsx.*xlsx/);
  assert.match(await page.textContent('[data-testid=import-result]'), /天津市人民政府政务服务办公室/);
  assert.equal(await page.textContent('[data-testid=import-grade]'), '优');
  await page.close();
});

test('export: the PDF button downloads a PDF of the saved form', async () => {
  const pdf = await format('pdf');
  assert.ok(pdf?.write, 'GET /api/formats lists no writable pdf: this binary has no PDF writer ' +
    '(it arrives when main, with io/pdf_writer, is merged into this branch)');
  const id = await seedFormId(demo.server);
  const page = await (await signedInContext(demo.browser, demo.server, 'demo-finance', { viewport: { width: 1366, height: 768 }, acceptDownloads: true })).newPage();
  await page.goto(`${demo.server.base}/forms/${id}`);
  const button = page.locator('.export-buttons [data-format=pdf]');
  await button.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF', 'the download is a PDF');
  assert.match(download.suggestedFilename(), /\.pdf$/);
  await page.close();
});
