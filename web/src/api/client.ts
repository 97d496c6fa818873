// Talks to `ziping serve`. Every failure has the server's one error shape
// ({error: {code, message, message_en, diagnostic, details}}), kept whole in ApiFailure so that
// a view can branch on `code` (a 409 conflict carries the current version in `details`).
// Bodies are read and written by exactJson, so decimals keep their digits both ways.
import { parseCounts, parseExact, stringifyExact } from './exactJson';
import type {
  Department, FormContent, FormDocument, FormPage, FormStats, Format, ImportResult, Overview,
  Revision, ScoreDocument,
} from './types';

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

// The session's CSRF token, sent with every state-changing request (the cookie itself is
// HttpOnly: the page never sees it). Set at login and when the session is read.
let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

// What a 401 from any call does (the shell sends the user to the login page and back).
let unauthorized: (() => void) | null = null;
export function onUnauthorized(handler: (() => void) | null) {
  unauthorized = handler;
}

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

export async function get<T>(url: string, signal?: AbortSignal, parse?: Parse,
                             credentials: RequestCredentials = 'same-origin'): Promise<T> {
  return answer<T>(await fetch(url, { signal, credentials }), parse);
}

function writeHeaders(json: boolean): Record<string, string> {
  const headers: Record<string, string> = json ? { 'Content-Type': 'application/json' } : {};
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

export async function send<T>(method: string, url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return answer<T>(await fetch(url, {
    method, signal, credentials: 'same-origin', headers: writeHeaders(body !== undefined),
    body: body === undefined ? undefined : stringifyExact(body),
  }));
}

export interface ListQuery {
  year?: string;
  kind?: string;
  status?: string;
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
  importFile: async (file: File, save: boolean, author: string) => {
    const data = new FormData();
    data.set('file', file, file.name);
    if (save) {
      data.set('save', 'true');
      data.set('author', author);
    }
    return answer<ImportResult>(await fetch('/api/import',
      { method: 'POST', body: data, credentials: 'same-origin', headers: writeHeaders(false) }));
  },
  exportUrl: (id: number, format: string) => `/api/forms/${id}/export` + query({ format }),
};
