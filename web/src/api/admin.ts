// Administration (docs/api.md, administrators only): accounts, the organisation tree and its
// CSV import, the audit trail and its verification. The server refuses every other role.
import { get, query, send, sendText } from './client';
import type { OrgRef, User } from './types';

export interface AdminUser extends User {
  failed_logins: number;
  locked_until: string;
  created_at: string;
}

export interface Org extends OrgRef {
  code: string;
  parent_id: number | null;
  department_id: number | null;
}

export interface NewUser {
  login: string;
  name: string;
  role: string;
  org_id?: number;
  password: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  user_id: number | null;
  action: string;
  form_id: number | null;
  revision: number | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: string;
  broken: number | null;
  problem: string; // English
  kind: 'none' | 'changed' | 'unlinked' | 'gap';
}

// Answers holding no decimal: every number in them is a count or an id.
const plain = (text: string) => JSON.parse(text);

export const adminApi = {
  users: () => get<{ users: AdminUser[] }>('/api/users', undefined, plain),
  addUser: (user: NewUser) => send<AdminUser>('POST', '/api/users', user, undefined, plain),
  updateUser: (id: number, change: { password?: string; disabled?: boolean }) =>
    send<AdminUser>('PUT', `/api/users/${id}`, change, undefined, plain),
  orgs: () => get<{ orgs: Org[] }>('/api/orgs', undefined, plain),
  importOrgs: (csv: string) =>
    sendText<{ created: number; updated: number }>('POST', '/api/orgs/import', csv, 'text/csv', plain),
  audit: (limit = 100) => get<{ entries: AuditEntry[] }>('/api/audit' + query({ order: 'newest', limit }), undefined, plain),
  verify: () => get<AuditVerification>('/api/audit/verify', undefined, plain),
};

// A password to hand over once: 16 characters from an alphabet without look-alikes
// (0/O, 1/l/I), from the browser's cryptographic random source.
export function generatedPassword(length = 16): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  let out = '';
  for (const b of bytes) {
    if (b >= 256 - (256 % alphabet.length)) continue; // no modulo bias
    out += alphabet[b % alphabet.length];
    if (out.length === length) break;
  }
  return out.length === length ? out : out + generatedPassword(length - out.length);
}
