// Talks to `ziping serve`. Every failure has the server's one error shape
// ({error: {code, message, message_en, diagnostic, details}}), kept whole in ApiFailure so that
// a view can branch on `code` (a 409 conflict carries the current version in `details`).
// Bodies are read and written by exactJson, so decimals keep their digits both ways.
//
// Who is asking: the session cookie `ziping_session` (HttpOnly, so this code never sees it; the
// browser sends it to our own origin). Every POST/PUT/DELETE carries the session's CSRF token in
// the X-CSRF-Token header: read from GET /api/session (or the login answer), kept here, and
// fetched again once when the server says `csrf_failed` (a new session since).
import { parseCounts, parseExact, stringifyExact } from './exactJson';
import type {
  ChainView, Department, FormContent, FormDocument, FormPage, FormStats, Format, ImportResult, Overview,
  PlanRecord, Revision, ScoreDocument, SessionState, Vocabulary,
} from './types';

const CSRF_HEADER = 'X-CSRF-Token';
let csrfToken: string | null = null;
let sessionLoaded: Promise<SessionState> | null = null;

function remember(state: SessionState): SessionState {
  csrfToken = state.csrf_token;
  return state;
}

// What a 401 from any call does (the shell sends the user to the login page and back).
let unauthorized: (() => void) | null = null;
export function onUnauthorized(handler: (() => void) | null) {
  unauthorized = handler;
}

// The caller as the server sees it (and its CSRF token, kept for writes).
export function loadSession(): Promise<SessionState> {
  sessionLoaded = fetch('/api/session', { credentials: 'same-origin' })
    .then((r) => answer<SessionState>(r))
    .then(remember);
  return sessionLoaded;
}

async function writeHeaders(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  if (csrfToken === null && sessionLoaded === null) await loadSession().catch(() => undefined);
  else if (sessionLoaded) await sessionLoaded.catch(() => undefined);
  return csrfToken ? { ...extra, [CSRF_HEADER]: csrfToken } : extra;
}

// A write, sent again once with a fresh token when the session changed underneath it.
async function write(url: string, init: (headers: Record<string, string>) => RequestInit,
  extra: Record<string, string> = {}): Promise<Response> {
  const first = await fetch(url, { credentials: 'same-origin', ...init(await writeHeaders(extra)) });
  if (first.status !== 403) return first;
  const copy = first.clone();
  let code = '';
  try { code = JSON.parse(await copy.text())?.error?.code ?? ''; } catch { /* not JSON */ }
  if (code !== 'csrf_failed') return first;
  await loadSession().catch(() => undefined);
  return fetch(url, { credentials: 'same-origin', ...init(await writeHeaders(extra)) });
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

type Parse = (text: string) => unknown;

async function answer<T>(response: Response, parse: Parse = parseExact): Promise<T> {
  const text = await response.text();
  let body: any = null;
  try {
    body = text ? parse(text) : null;
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e; // no exact decimals in this browser: say so
    body = null;
  }
  if (!response.ok) {
    if (response.status === 401) unauthorized?.();
    const e = body?.error;
    throw new ApiFailure(response.status, e?.code ?? 'http_' + response.status,
      e?.message ?? `服务器返回 ${response.status}`, e?.message_en ?? '', e?.details ?? {});
  }
  return body as T;
}

// `credentials: 'omit'` asks as the public would, whoever is logged in (the public page).
export async function get<T>(url: string, signal?: AbortSignal, parse?: Parse,
                             credentials: RequestCredentials = 'same-origin'): Promise<T> {
  return answer<T>(await fetch(url, { signal, credentials }), parse);
}

// A write whose body is text of its own type (an organisation CSV: text/csv).
export async function sendText<T>(method: string, url: string, body: string, type: string, parse?: Parse): Promise<T> {
  return answer<T>(await write(url, (headers) => ({ method, headers, body }), { 'Content-Type': type }), parse);
}

export async function send<T>(method: string, url: string, body: unknown, signal?: AbortSignal,
                              parse?: Parse): Promise<T> {
  return answer<T>(await write(url, (headers) => ({
    method, signal, headers, body: body === undefined ? undefined : stringifyExact(body),
  }), { 'Content-Type': 'application/json' }), parse);
}

export interface ListQuery {
  year?: string;
  kind?: string;
  status?: string;
  review_state?: string;
  grade?: string;
  department?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? '?' + s : '';
}

export const api = {
  forms: (q: ListQuery, signal?: AbortSignal) =>
    get<FormPage>('/api/forms' + query({ ...q }), signal),
  stats: (q: ListQuery) => get<FormStats>('/api/forms/stats' + query({ ...q }), undefined, parseCounts),
  overview: (year: string, top = 15) => get<Overview>('/api/forms/overview' + query({ year, top })),
  departments: () => get<{ departments: Department[] }>('/api/departments'),
  form: (id: number, revision?: number) =>
    get<FormDocument>(`/api/forms/${id}` + query({ revision, include: 'score' })),
  revisions: (id: number) => get<{ revisions: Revision[] }>(`/api/forms/${id}/revisions`),
  save: (id: number, body: { base_revision: number; content: FormContent; author: string; comment: string }) =>
    send<FormDocument>('PUT', `/api/forms/${id}`, body),
  check: (content: FormContent, rules: string, mode: string, signal?: AbortSignal) =>
    send<ScoreDocument>('POST', '/api/check' + query({ rules, mode }), content, signal),
  formats: () => get<{ formats: Format[] }>('/api/formats'),
  vocabulary: () => get<Vocabulary>('/api/vocabulary'),
  importFile: async (file: File, save: boolean, author: string) => {
    const data = new FormData();
    data.set('file', file, file.name);
    if (save) {
      data.set('save', 'true');
      data.set('author', author);
    }
    return answer<ImportResult>(await write('/api/import', (headers) => ({ method: 'POST', headers, body: data })));
  },
  // Accounts: who am I, log in (sets the HttpOnly cookie), log out.
  session: () => loadSession(),
  login: async (login: string, password: string) => {
    const r = await fetch('/api/session', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    const state = remember(await answer<SessionState>(r));
    sessionLoaded = Promise.resolve(state);
    return state;
  },
  logout: async () => {
    await answer<null>(await write('/api/session', (headers) => ({ method: 'DELETE', headers })));
    csrfToken = null;
    sessionLoaded = null;
  },
  // 修改密码: every session ends, this one too; the answer is a new session (cookie and token).
  changePassword: async (current_password: string, new_password: string) => {
    const r = await write('/api/session/password', (headers) => ({
      method: 'PUT', headers, body: JSON.stringify({ current_password, new_password }),
    }), { 'Content-Type': 'application/json' });
    const state = remember(await answer<SessionState>(r));
    sessionLoaded = Promise.resolve(state);
    return state;
  },
  exportUrl: (id: number, format: string) => `/api/forms/${id}/export` + query({ format }),
  // The year's chain (docs/chain.md): the view of a form, linking plans by hand, importing one.
  chain: (id: number) => get<ChainView>(`/api/forms/${id}/chain`),
  linkPlan: (plan: number, form_id: number | null) =>
    send<{ plan: PlanRecord }>('PUT', `/api/plans/${plan}/link`, { form_id }),
  unlinkPlan: async (plan: number) =>
    answer<{ plan: PlanRecord }>(await write(`/api/plans/${plan}/link`, (headers) => ({ method: 'DELETE', headers }))),
  importPlan: async (file: File, form: number) => {
    const data = new FormData();
    data.set('file', file, file.name);
    return answer<{ plan: PlanRecord }>(await write('/api/plans' + query({ form }),
      (headers) => ({ method: 'POST', headers, body: data })));
  },
};
