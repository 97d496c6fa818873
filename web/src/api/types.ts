// The shapes the server answers (docs/api.md, docs/openapi.yaml). Money, rates, weights and
// scores are DecimalText: the JSON number's own digits (exactJson.ts), shown and sent back as
// written, never a JS number. Identifiers and counts are numbers. The UI only displays what the
// server computed; it never scores, rounds or judges.
import type { DecimalText } from './exactJson';

export type { DecimalText };
type Decimal = DecimalText | null;

export type Kind = 'department' | 'project';
export type Severity = 'error' | 'warning' | 'note';

export interface Summary {
  total: Decimal;
  grade: string;
  execution_rate: Decimal;
  indicator_score: Decimal;
  errors: number;
  warnings: number;
  notes: number;
}

export interface FormRecord {
  id: number;
  department_id: number;
  department: string;
  kind: Kind;
  year: number | null;
  title: string;
  project: string;
  status: string;
  status_label: string;
  rules: string;
  mode: string;
  revision: number;
  score: Summary;
  created_at: string;
  updated_at: string;
  updated_by: string;
  review_state: string; // draft | submitted | returned | reviewed | approved | published
  review_state_label: string; // 填报中 / 已提交 / …
}

export interface Revision {
  number: number;
  author: string;
  comment: string;
  created_at: string;
  status: string;
  status_label: string;
  rules: string;
  mode: string;
  score: Summary;
}

// The canonical form JSON (docs/form-json.md), as the editor edits it. A number cell holds the
// declared digits, or, once edited, what the user typed when it is no JSON number at all
// ("8,7"): sent as text, for the server's reader to report rather than silently dropped.
type DeclaredDecimal = DecimalText | string | null;

export interface Indicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: DeclaredDecimal;
  score: DeclaredDecimal;
  deviation_reason: string;
  [optional: string]: unknown;
}

export interface Goal {
  number: number | null;
  target: string;
  actual: string;
  deviation_reason: string;
  weight: DeclaredDecimal;
  score: DeclaredDecimal;
  indicators: Indicator[];
}

export interface FundingRow {
  label: string;
  initial: DeclaredDecimal;
  annual: DeclaredDecimal;
  executed: DeclaredDecimal;
  rate: string;
}

export interface Budget {
  initial: DeclaredDecimal;
  annual: DeclaredDecimal;
  executed: DeclaredDecimal;
  weight: DeclaredDecimal;
  score: DeclaredDecimal;
  rate: string;
  deviation_reason: string;
  sources: FundingRow[];
}

export interface FormContent {
  format: 'ziping-form';
  format_version: number;
  kind: Kind;
  title: string;
  year: number | string | null;
  department: string;
  project: string;
  implementing_unit: string;
  money_unit: string;
  budget: Budget;
  goals: Goal[];
  total: { weight: DeclaredDecimal; score: DeclaredDecimal };
  grade: string;
  conclusion: string;
  [optional: string]: unknown;
}

export interface FormDocument {
  form: FormRecord;
  revision: Revision;
  content: FormContent;
  score?: ScoreDocument;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  path: string;
  subject: string;
  message: string;
  message_en: string;
  location: { file?: string; line?: number; column?: number; cell?: string; page?: number } | null;
  notes: Diagnostic[];
}

export interface LeafScore {
  path: string;
  name: string;
  weight: Decimal;
  score: Decimal;
  declared_score: Decimal;
  formula_score: Decimal;
  method: string;
  met: boolean | null;
  deviation: Decimal;
  large_deviation: boolean;
  allowed: { min: DecimalText; max: DecimalText; basis: string } | null;
  reason_required: boolean;
  reason_given: boolean;
  derivation: string;
}

export interface GoalScore {
  number: number | null;
  weight: DecimalText;
  score: DecimalText;
  indicators: LeafScore[];
}

// The score document: `ziping score --format json` (docs/cli.md).
export interface ScoreDocument {
  rules: string;
  mode: string;
  kind: Kind;
  total: Decimal;
  grade: string;
  indicator_weight: DecimalText;
  indicator_score: DecimalText;
  declared: { total: Decimal; grade: string };
  budget: {
    annual: Decimal;
    executed: Decimal;
    rate: Decimal;
    weight: DecimalText;
    score: Decimal;
    declared_score: Decimal;
    declared_rate: string;
    derivation: string;
  };
  level1: { name: string; weight: DecimalText; score: DecimalText }[];
  goals: GoalScore[];
  diagnostics: Diagnostic[];
  summary: { errors: number; warnings: number; notes: number };
}

export interface Format {
  name: string;
  extensions: string[];
  description: string;
  read: boolean;
  write: boolean;
  lossless: boolean;
  media_type: string;
}

export interface FormPage {
  forms: FormRecord[];
  chains?: Record<string, ChainCounts>;
  total: number;
  limit: number;
  offset: number;
  /** The `cursor` of the page after this one (keyset paging); null on the last page. */
  next_cursor?: string | null;
}

export interface FormStats {
  total: number;
  by_grade: Record<string, number>;
  by_status: Record<string, number>;
  by_kind: Record<string, number>;
  by_year: Record<string, number>;
}

export interface Department {
  id: number;
  name: string;
  form_count: number;
}

export interface ImportResult {
  format: string;
  file_name: string;
  content: FormContent;
  score: ScoreDocument;
  saved: FormDocument | null;
}

// GET /api/forms/overview: one year across departments (execution and largest deviations).
export interface Overview {
  year: number | null;
  rule_set: string;
  execution_line: Decimal; // percent (80), the rule set's execution_warn_below
  forms: number;
  departments: {
    department_id: number;
    department: string;
    forms: number;
    annual: Decimal;
    executed: Decimal;
    execution_rate: Decimal;
    below_line: boolean;
  }[];
  deviations: {
    form_id: number;
    department: string;
    kind: Kind;
    project: string;
    goal: number | null;
    path: string;
    name: string;
    target: string;
    actual: string;
    deviation: DecimalText;
    weight: Decimal;
    score: Decimal;
    reason_given: boolean;
  }[];
}

// One column of the indicator table as the field catalogue (model/fields.def) declares it,
// served by /api/vocabulary: the editor draws these, so a field added there appears here.
export interface IndicatorField {
  key: string;
  header: string;
  kind: 'text' | 'value' | 'decimal' | 'integer' | 'bool' | 'enum';
  presence: 'required' | 'standard' | 'variant';
  share: number;
}

export interface Vocabulary {
  statuses: { name: string; label: string }[];
  kinds: { name: string; label: string }[];
  modes: { name: string; label: string }[];
  grades: string[];
  indicator_fields: IndicatorField[];
}

// Accounts (docs/openapi.yaml: SessionState, User, OrgRef).
export interface OrgRef {
  id: number;
  kind: 'finance' | 'supervisor' | 'unit';
  kind_label: string;
  name: string;
}

export interface User {
  id: number;
  login: string;
  name: string;
  role: string;
  role_label: string;
  org: OrgRef | null;
  disabled: boolean;
}

export interface SessionState {
  authenticated: boolean;
  via: 'session' | 'token' | 'none';
  role: string;
  role_label: string;
  user: User | null;
  csrf_token: string | null;
  csrf_header: string;
  expires_at: string | null;
}

// The year's chain (docs/chain.md, GET /api/forms/{id}/chain): the 绩效目标申报表 and 绩效运行
// 监控表 stored beside a 自评表.
export interface PlanRecord {
  id: number;
  department_id: number;
  department: string;
  kind: 'declaration' | 'monitoring';
  kind_label: string;
  scope: Kind;
  year: number | null;
  title: string;
  project: string;
  project_code: string;
  source_name: string;
  link: 'auto' | 'manual' | 'none';
  form_id: number | null;
  created_at: string;
  created_by: string;
  linked_at: string;
  linked_by: string;
}

export interface PlanIndicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  adjusted_target?: string;
  unit?: string;
  weight?: Decimal;
  progress?: string;
  forecast?: string;
  likelihood?: string;
  measures?: string;
}

export interface PlanContent {
  kind: 'declaration' | 'monitoring';
  scope: Kind;
  title: string;
  year: number | null;
  month?: number | null;
  department: string;
  project: string;
  goals: { number: number | null; target: string; indicators: PlanIndicator[] }[];
}

export interface PlanDocument {
  plan: PlanRecord;
  content: PlanContent;
}

export interface ChainRow {
  declaration: string | null;
  monitoring: string | null;
  self: string | null;
  proposal: { form: 'declaration' | 'self'; path: string; similarity: DecimalText } | null;
}

export interface ChainView {
  form: FormRecord;
  content: FormContent;
  declaration: PlanDocument | null;
  monitoring: PlanDocument | null;
  others: PlanRecord[];
  rows: ChainRow[];
  diagnostics: Diagnostic[];
  summary: { errors: number; warnings: number; notes: number };
  // Whether the caller may link, unlink and import plans here (the gate's plan_link rule).
  may_link: boolean;
}

// GET /api/forms: by form id, the chain of the forms on the page that have plans linked.
export interface ChainCounts {
  declaration: number | null;
  monitoring: number | null;
  errors: number;
  warnings: number;
  notes: number;
}
