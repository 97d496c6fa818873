// 表单编辑与审核: the official table of one stored form, editable cell by cell while it is with
// the user's unit (填报中, 已退回), read-only otherwise. Every change is checked by the server at
// once (useLiveCheck); saving names the revision the draft was based on, so a save on top of
// someone else's is refused (409) and merged here, never lost. Beside the table: the review
// chain (state, the steps the user may take), comments pinned to cells, and under it the
// 财政复核 scores beside the self-scores. `publicView`: a published form for anyone.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiFailure } from '../api/client';
import { reviewApi, type FormReview } from '../api/review';
import { CommentPanel } from '../review/CommentPanel';
import { ReviewPanel } from '../review/ReviewPanel';
import { ReviewScoreTable } from '../review/ReviewScoreTable';
import { StateBadge } from '../review/StateBadge';
import type { FormContent, FormDocument, Revision } from '../api/types';
import { kindLabel } from '../shell/format';
import { onLink } from '../shell/route';
import { ExportButtons } from '../transfer/ExportButtons';
import { BudgetBlock } from './BudgetBlock';
import { ConflictNotice } from './ConflictNotice';
import { DiagnosticList } from './DiagnosticList';
import { EditorContext, type EditorState } from './EditorContext';
import { FormHeader } from './FormHeader';
import { setAt } from './formPath';
import { GoalBlock } from './GoalBlock';
import { IndicatorTable } from './IndicatorTable';
import { merge, type Clash } from './merge';
import { Pins } from './pins';
import { RevisionList } from './RevisionList';
import { SavePanel } from './SavePanel';
import { TotalBar } from './TotalBar';
import { TotalBlock } from './TotalBlock';
import { useLiveCheck } from './useLiveCheck';

interface Conflict {
  message: string;
  current: FormDocument;
  clashes: Clash[];
  merged: FormContent;
}

export function FormEditor({ id, publicView = false }: { id: number; publicView?: boolean }) {
  const [doc, setDoc] = useState<FormDocument | null>(null);
  const [draft, setDraft] = useState<FormContent | null>(null);
  const [revisions, setRevisions] = useState<Revision[]>([]);
  const [loadError, setLoadError] = useState('');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [review, setReview] = useState<FormReview | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  const adopt = useCallback((d: FormDocument) => {
    setDoc(d);
    setDraft(d.content);
    setConflict(null);
  }, []);
  const loadRevisions = () => publicView ? Promise.resolve() : api.revisions(id).then((r) => setRevisions(r.revisions));
  const loadReview = () => reviewApi.review(id).then(setReview).catch(() => {});
  useEffect(() => {
    api.form(id).then(adopt).catch((e) => setLoadError(e.message));
    loadRevisions().catch(() => {});
    loadReview();
  }, [id]);
  // A transition changes the form's status and whether it can be edited: read both again.
  const afterTransition = () => {
    loadReview();
    api.form(id).then(adopt).catch(() => {});
    loadRevisions().catch(() => {});
  };

  const rules = doc?.form.rules ?? 'cn-2020';
  const mode = doc?.form.mode ?? 'review';
  const live = useLiveCheck(draft, rules, mode, doc?.score ?? null);
  const dirty = !!doc && draft !== doc.content;

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => { if (dirty) e.preventDefault(); };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);

  const edit = useCallback((path: string, value: unknown) => {
    setDraft((d) => (d ? setAt(d, path, value) : d));
    setMessage('');
  }, []);

  const diagnostics = live.score?.diagnostics ?? [];
  // Editable only when the server says so for this user (its unit, 填报中 or 已退回).
  const readOnly = publicView || !review?.editable;
  const state: EditorState | null = useMemo(() => draft && {
    draft, score: live.score, pins: new Pins(diagnostics, review?.comments ?? []), readOnly, edit,
  }, [draft, live.score, edit, readOnly, review]);
  // The cell the cursor is in: where a reviewer's comment goes.
  const onFocusIn = (e: FocusEvent) => {
    const el = e.target as HTMLElement;
    if (el.dataset?.path) setSelected(el.dataset.path);
  };

  if (loadError) return <p class="error-text">无法载入表单 {id}：{loadError}</p>;
  if (!doc || !draft || !state) return <p class="sub">载入中…</p>;

  const save = async (author: string, comment: string) => {
    setSaving(true);
    setMessage('');
    try {
      const saved = await api.save(id, { base_revision: doc.revision.number, content: draft, author, comment });
      // Keep what the user typed since pressing save; the saved content becomes the base.
      setDoc({ ...saved, content: draft === doc.content ? saved.content : draft });
      setDraft((d) => (d === draft ? saved.content : d));
      setMessage(`已保存为第 ${saved.revision.number} 版`);
      setConflict(null);
      await loadRevisions();
    } catch (e) {
      if (e instanceof ApiFailure && e.code === 'conflict') {
        const current = e.details.current as FormDocument;
        const { merged, clashes } = merge(doc.content, draft, current.content);
        setConflict({ message: e.message, current, clashes, merged });
        loadRevisions().catch(() => {});
      } else {
        setMessage('保存失败：' + (e as Error).message);
      }
    } finally {
      setSaving(false);
    }
  };

  const f = doc.form;
  return (
    <EditorContext.Provider value={state}>
      <div class="editor">
        <div class="editor-head no-print">
          <a href={publicView ? '/public' : '/'} onClick={onLink} class="back">← {publicView ? '公开表单' : '表单列表'}</a>
          <span class="editor-title">{f.department}{f.project && ` · ${f.project}`} · {f.year} · {kindLabel[f.kind]}</span>
          {review ? <StateBadge state={review.review_state} label={review.review_state_label} />
            : <span class={'status status-' + f.status}>{f.status_label}</span>}
          {readOnly && <span class="readonly-tag" data-testid="read-only" title="read-only">只读</span>}
          <span class="sub">第 {doc.revision.number} 版（最新第 {f.revision} 版）</span>
          {!publicView && <a href={`/forms/${id}/chain`} onClick={onLink} class="chain-link" data-testid="chain-link"
            title="与绩效目标申报表、绩效运行监控表逐项对照（chain view）">三表对照</a>}
        </div>
        <TotalBar score={live.score} formula={live.formula} pending={live.pending} rules={rules} mode={mode} />
        {live.failure && (
          <div class="failure" role="alert">
            无法核算：{live.failure.message}
            <ul>{live.failure.diagnostics.map((d) => <li>{d.code} {d.message}</li>)}</ul>
          </div>
        )}
        {conflict && (
          <ConflictNotice message={conflict.message} current={conflict.current} clashes={conflict.clashes}
            onMerge={() => { setDoc(conflict.current); setDraft(conflict.merged); setConflict(null); setMessage('已合并，请检查后再次保存'); }}
            onDiscard={() => adopt(conflict.current)} />
        )}
        <div class="editor-body">
          <div class="sheet-pane">
            <div class="sheet" onFocusCapture={onFocusIn}>
              <FormHeader />
              <BudgetBlock />
              <GoalBlock />
              <IndicatorTable />
              <TotalBlock />
              {review && (
                <ReviewScoreTable formId={id} draft={draft} scores={review.scores}
                  mayScore={!publicView && review.may_score} onSaved={loadReview} />
              )}
            </div>
          </div>
          <aside class="side no-print">
            {review && !publicView && <ReviewPanel formId={id} review={review} dirty={dirty} onChanged={afterTransition} />}
            {!readOnly && <SavePanel dirty={dirty} saving={saving} baseRevision={doc.revision.number} message={message} onSave={save} />}
            {review && !publicView && (
              <CommentPanel formId={id} draft={draft} comments={review.comments} mayComment={review.may_comment}
                selected={selected} onAdded={loadReview} />
            )}
            <DiagnosticList diagnostics={diagnostics} />
            <ExportButtons formId={id} revision={f.revision} />
            {!publicView && <RevisionList revisions={revisions} current={f.revision} />}
          </aside>
        </div>
      </div>
    </EditorContext.Provider>
  );
}

