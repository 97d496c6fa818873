// The shapes the server answers (docs/api.md, docs/openapi.yaml). Numbers that carry money,
// rates and scores arrive as JSON numbers; the UI only displays them, never computes scores.

export type Kind = 'department' | 'project';
export type Severity = 'error' | 'warning' | 'note';

export interface Summary {
  total: number | null;
  grade: string;
  execution_rate: number | null;
  indicator_score: number | null;
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

// The canonical form JSON (docs/form-json.md), as the editor edits it.
export interface Indicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number | null;
  score: number | null;
  deviation_reason: string;
  [optional: string]: unknown;
}

export interface Goal {
  number: number | null;
  target: string;
  actual: string;
  deviation_reason: string;
  weight: number | null;
  score: number | null;
  indicators: Indicator[];
}

export interface FundingRow {
  label: string;
  initial: number | null;
  annual: number | null;
  executed: number | null;
  rate: string;
}

export interface Budget {
  initial: number | null;
  annual: number | null;
  executed: number | null;
  weight: number | null;
  score: number | null;
  rate: string;
  deviation_reason: string;
  sources: FundingRow[];
}

export interface FormContent {
  format: 'ziping-form';
  format_version: number;
  kind: Kind;
  title: string;
  year: number | null;
  department: string;
  project: string;
  implementing_unit: string;
  money_unit: string;
  budget: Budget;
  goals: Goal[];
  total: { weight: number | null; score: number | null };
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
  weight: number | null;
  score: number | null;
  declared_score: number | null;
  formula_score: number | null;
  method: string;
  met: boolean | null;
  deviation: number | null;
  large_deviation: boolean;
  allowed: { min: number; max: number; basis: string } | null;
  reason_required: boolean;
  reason_given: boolean;
  derivation: string;
}

export interface GoalScore {
  number: number | null;
  weight: number;
  score: number;
  indicators: LeafScore[];
}

// The score document: `ziping score --format json` (docs/cli.md).
export interface ScoreDocument {
  rules: string;
  mode: string;
  kind: Kind;
  total: number | null;
  grade: string;
  indicator_weight: number;
  indicator_score: number;
  declared: { total: number | null; grade: string };
  budget: {
    annual: number | null;
    executed: number | null;
    rate: number | null;
    weight: number;
    score: number | null;
    declared_score: number | null;
    declared_rate: string;
    derivation: string;
  };
  level1: { name: string; weight: number; score: number }[];
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
  total: number;
  limit: number;
  offset: number;
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
  forms: number;
  departments: {
    department_id: number;
    department: string;
    forms: number;
    annual: number | null;
    executed: number | null;
    execution_rate: number | null;
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
    deviation: number;
    weight: number | null;
    score: number | null;
    reason_given: boolean;
  }[];
}
