// Exact decimals between the server and the browser. The server writes every amount, rate,
// weight and score as a JSON number with the digits the unit declared (`0.80`, `8.70`,
// `100.00`); a JS number would make them `0.8`, `8.7`, `100`, and the same stored form would
// get another verdict after a save (`8.70` is error ZP0505, `8.7` only note ZP0506). So such a
// number never becomes a JS number here: JSON.parse hands the reviver each number's source text
// (`context.source`), which is kept as a raw JSON value (`JSON.rawJSON`); JSON.stringify writes
// a raw JSON value back byte for byte, with no replacer. Every request and response body of the
// fetch client goes through this module.
//
// Identifiers and counts (ids, revision numbers, years, diagnostic counts, positions) are whole
// numbers the UI compares and links with; they stay JS numbers, exact below 2^53.

declare const decimalBrand: unique symbol;

// A JSON number as its own source text. At run time it is the frozen object JSON.rawJSON makes
// (`{rawJSON: "0.80"}`), so it is told apart from a text field holding the same characters, and
// JSON.stringify writes it as the number `0.80`.
export type DecimalText = { readonly rawJSON: string; readonly [decimalBrand]: true };

interface RawJsonApi {
  rawJSON(text: string): object;
  isRawJSON(value: unknown): boolean;
}
type SourceReviver = (this: Record<string, unknown>, key: string, value: unknown,
                      context?: { source?: string }) => unknown;

const platform = JSON as unknown as JSON & Partial<RawJsonApi>;

// JSON.parse source text access and JSON.rawJSON: Chromium ≥ 114; other browsers as they implement it.
export const exactJsonSupported = typeof platform.rawJSON === 'function' &&
  typeof platform.isRawJSON === 'function';

function requireSupport() {
  if (!exactJsonSupported)
    throw new Error('此浏览器不能精确读写小数（缺少 JSON.rawJSON），请使用 Chromium 114 或更新的浏览器 ' +
      '(this browser lacks JSON.rawJSON: decimals would be rounded; use Chromium 114 or later)');
}

// The JSON number grammar (RFC 8259 §6). The server refuses exponents and too many digits
// itself (ZP0118, ZP0107); this only decides what is a number at all.
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function isDecimal(value: unknown): value is DecimalText {
  return exactJsonSupported && platform.isRawJSON!(value);
}

// `text` as a decimal, or null when it is not a JSON number ("0.80" → 0.80; "8,7" → null).
export function decimalOf(text: string): DecimalText | null {
  requireSupport();
  return JSON_NUMBER.test(text) ? platform.rawJSON!(text) as DecimalText : null;
}

// The digits as the server wrote them: "0.80".
export function decimalText(value: DecimalText): string {
  return value.rawJSON;
}

// Numeric equality of two decimals, from their digits (`0.8` = `0.80`, `-0` = `0`), without
// rounding and without binary floating point.
export function sameDecimal(a: DecimalText, b: DecimalText): boolean {
  return canonical(a.rawJSON) === canonical(b.rawJSON);
}

function canonical(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text; // an exponent: compared as written
  const whole = m[2].replace(/^0+(?=\d)/, '');
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const digits = fraction ? `${whole}.${fraction}` : whole;
  return digits === '0' ? '0' : m[1] + digits;
}

// Keys whose numbers identify or count, in every shape the server answers (docs/api.md). Every
// other number is a decimal; a new field is therefore exact unless it is named here.
const WHOLE_KEYS = new Set([
  'id', 'department_id', 'form_id', 'revision', 'base_revision', 'current_revision', 'number',
  'year', 'format_version', 'goal', 'forms', 'form_count', 'errors', 'warnings', 'notes',
  'limit', 'offset', 'line', 'column', 'page', 'schema_version', 'places', 'month', 'days_left',
  'declaration', 'monitoring', // plan ids in a form list's `chains` (a chain view's are objects)
]);

// `total` is points in a score and a summary, but the number of forms on a list page
// (`{forms: [...], total, limit, offset}`).
function isWhole(key: string, holder: Record<string, unknown>): boolean {
  return WHOLE_KEYS.has(key) || (key === 'total' && Array.isArray(holder.forms));
}

const keepSource: SourceReviver = function (key, value, context) {
  if (typeof value !== 'number' || isWhole(key, this)) return value;
  const source = context?.source;
  if (source === undefined) throw new Error('JSON.parse gave no source text for a number');
  return platform.rawJSON!(source);
};

// A response body: decimals as DecimalText, identifiers and counts as numbers.
export function parseExact(text: string): unknown {
  requireSupport();
  return (JSON.parse as (text: string, reviver: SourceReviver) => unknown)(text, keepSource);
}

// An answer made only of counts (GET /api/forms/stats: `by_grade: {"优": 12}`), whose keys are
// names, not fields: every number is a count.
export function parseCounts(text: string): unknown {
  return JSON.parse(text);
}

// A request body: a DecimalText is written as the number it holds, digit for digit.
export function stringifyExact(value: unknown): string {
  requireSupport();
  return JSON.stringify(value);
}
