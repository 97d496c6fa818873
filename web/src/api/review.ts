// Accounts and the review chain (docs/accounts.md, docs/openapi.yaml): the session, 我的待办,
// the progress board, and one form's review (state, transitions, comments pinned to cells,
// 财政复核 scores). Scores stay DecimalText, as everywhere (exactJson.ts).
import { api, get, query, send } from './client';
import type { DecimalText, FormPage, FormRecord, Kind, OrgRef, SessionState, User } from './types';

export type { OrgRef, SessionState, User };
import type { ListQuery } from './client';

export type Role = 'filler' | 'unit_head' | 'supervisor' | 'finance' | 'admin';
export type ReviewState = 'draft' | 'submitted' | 'returned' | 'reviewed' | 'approved' | 'published';
export type Action = 'submit' | 'return' | 'approve' | 'reopen' | 'publish';

export const roleLabel: Record<string, string> = {
  filler: '填报人', unit_head: '单位负责人', supervisor: '主管部门审核人', finance: '财政审核人',
  admin: '管理员', public: '公众',
};

export const stateLabel: Record<string, string> = {
  not_started: '未填报', draft: '填报中', submitted: '已提交', returned: '已退回', reviewed: '主管已审核',
  approved: '已通过', published: '已公开',
};

export const actionLabel: Record<Action, string> = {
  submit: '上报', return: '退回', approve: '通过', reopen: '撤回', publish: '公开',
};

// A transition the caller may make now.
export interface StepOffer {
  action: Action;
  action_label: string;
  to: ReviewState;
  to_label: string;
  reason_required: boolean;
}

export interface TodoItem extends FormRecord {
  review_state: ReviewState;
  review_state_label: string;
  actions: StepOffer[];
  editable: boolean;
  // The year's deadline (the progress board's), days left (negative once passed), and whether
  // the form is late: still 填报中 or 已退回 after it. null for a form without a year.
  deadline: string | null;
  days_left: number | null;
  overdue: boolean;
}

export interface ReviewEvent {
  id: number;
  revision: number;
  action: Action;
  action_label: string;
  from: ReviewState;
  from_label: string;
  to: ReviewState;
  to_label: string;
  actor: string;
  role: Role;
  role_label: string;
  reason: string;
  at: string;
}

export interface ReviewComment {
  id: number;
  revision: number;
  path: string; // "goals[0].indicators[3].actual"; "" the whole form
  text: string;
  author: string;
  role: Role;
  role_label: string;
  at: string;
}

export interface ReviewScore {
  path: string; // a leaf: "goals[0].indicators[3]"
  revision: number;
  self_score: DecimalText | null;
  reviewer_score: DecimalText;
  difference: DecimalText | null; // reviewer − self, by the server
  reason: string;
  reviewer: string;
  at: string;
}

export interface FormReview {
  form_id: number;
  revision: number;
  review_state: ReviewState;
  review_state_label: string;
  editable: boolean; // the caller may save the content now
  actions: StepOffer[];
  may_comment: boolean;
  may_score: boolean;
  events: ReviewEvent[]; // oldest first
  comments: ReviewComment[];
  scores: ReviewScore[];
}

export type UnitState = ReviewState | 'not_started';

export interface ProgressUnit {
  unit: OrgRef;
  supervisor: OrgRef | null;
  department_id: number | null;
  state: UnitState; // the least advanced of its forms for the year
  state_label: string;
  overdue: boolean;
  counts: Record<string, number>;
  forms: { id: number; kind: Kind; title: string; project: string; review_state: ReviewState;
           review_state_label: string; updated_at: string }[];
}

export interface Progress {
  org: OrgRef | null;
  year: number;
  deadline: string; // 2023-04-30
  overdue_now: boolean;
  states: { name: UnitState; label: string }[]; // the board's columns, in order
  units: ProgressUnit[];
  totals: Record<string, number>; // units per state
}

// Answers holding no decimal: every number in them is a count or an id.
const plain = (text: string) => JSON.parse(text);

export const reviewApi = {
  session: (): Promise<SessionState> => api.session(),
  login: (login: string, password: string): Promise<SessionState> => api.login(login, password),
  logout: () => api.logout(),
  changePassword: (current: string, fresh: string): Promise<SessionState> => api.changePassword(current, fresh),
  todo: () => get<{ forms: TodoItem[] }>('/api/todo'),
  progress: (year?: string) => get<Progress>('/api/progress' + query({ year }), undefined, plain),
  review: (id: number) => get<FormReview>(`/api/forms/${id}/review`),
  transition: (id: number, action: Action, expected_state: ReviewState, reason: string) =>
    send<unknown>('POST', `/api/forms/${id}/transitions`, { action, expected_state, reason }),
  comment: (id: number, path: string, text: string) =>
    send<ReviewComment>('POST', `/api/forms/${id}/comments`, { path, text }),
  score: (id: number, path: string, reviewer_score: DecimalText, reason: string) =>
    send<{ form_id: number; scores: ReviewScore[] }>('PUT', `/api/forms/${id}/review-scores`,
      { scores: [{ path, reviewer_score, reason }] }),
  // What the public sees: the list asked without the session cookie, so the server filters
  // it as for anyone (published forms only), whoever is logged in in this browser.
  published: (q: ListQuery) => get<FormPage>('/api/forms' + query({ ...q }), undefined, undefined, 'omit'),
};
