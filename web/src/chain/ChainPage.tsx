// 三表对照: a 自评表 beside its 绩效目标申报表 and 绩效运行监控表 (docs/chain.md). The server
// links the plans and pairs the indicators with the chain's matcher (GET /api/forms/{id}/chain);
// this page only lays them out: one row per indicator, the cells a chain diagnostic is about
// marked in every form it names (the lowered target in the 申报表 and in the 自评表), the
// diagnostics pinned above the table, a similar name shown as a proposal and never applied.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { ChainRow, ChainView, Diagnostic, Indicator, PlanIndicator, PlanRecord, Severity } from '../api/types';
import { kindLabel, severityLabel, show, when } from '../shell/format';
import { onLink } from '../shell/route';
import { indexOf, markCells, markOf, sideOf, type Marks, type Side } from './chainCells';

const sideLabel: Record<Side, string> = { declaration: '申报表', monitoring: '监控表', self: '自评表' };
const linkLabel: Record<PlanRecord['link'], string> = { auto: '自动关联', manual: '手工关联', none: '已取消关联' };

function planLeaf(view: ChainView, side: 'declaration' | 'monitoring', path: string | null): PlanIndicator | null {
  const at = path ? indexOf(path) : null;
  const goals = view[side]?.content.goals;
  return at && goals ? goals[at[0]]?.indicators[at[1]] ?? null : null;
}

function selfLeaf(view: ChainView, path: string | null): Indicator | null {
  const at = path ? indexOf(path) : null;
  return at ? view.content.goals[at[0]]?.indicators[at[1]] ?? null : null;
}

function Cell({ marks, side, path, field, children, num }: {
  marks: Marks; side: Side; path: string | null; field: string; children: unknown; num?: boolean;
}) {
  const severity = markOf(marks, side, path, field);
  const cls = [num ? 'num' : '', severity ? 'chain-diff chain-' + severity : ''].filter(Boolean).join(' ');
  return (
    <td class={cls} data-form={side} data-path={path ? `${path}.${field}` : undefined}
      title={severity ? `${sideLabel[side]}此处与其他表不一致（${severityLabel[severity]}）` : undefined}>
      {children as any}
    </td>
  );
}

function Missing({ span, text }: { span: number; text: string }) {
  return <td colSpan={span} class="chain-missing">{text}</td>;
}

function Row({ view, row, marks }: { view: ChainView; row: ChainRow; marks: Marks }) {
  const d = planLeaf(view, 'declaration', row.declaration);
  const m = planLeaf(view, 'monitoring', row.monitoring);
  const s = selfLeaf(view, row.self);
  const name = (d ?? s ?? m)?.name ?? '';
  const level = (d ?? s ?? m);
  const dropped = row.declaration && !row.self;
  const adjusted = typeof s?.adjusted_target === 'string' ? s.adjusted_target : '';
  const proposal = row.proposal && (row.proposal.form === 'self'
    ? selfLeaf(view, row.proposal.path)?.name : planLeaf(view, 'declaration', row.proposal.path)?.name);
  return (
    <tr class={dropped ? 'chain-dropped' : ''} data-indicator={name}>
      <td>
        <div>{name}</div>
        <div class="sub">{level?.level1}{level?.level2 && ' / ' + level.level2}</div>
        {row.proposal && (
          <div class="chain-proposal" title="名称相近，仅为建议，未自动关联（never applied）">
            可能对应{sideLabel[row.proposal.form]}的「{proposal}」（相似度 {show(row.proposal.similarity)}），未自动关联
          </div>
        )}
      </td>
      {d ? (<>
        <Cell marks={marks} side="declaration" path={row.declaration} field="target">{d.target || '—'}</Cell>
        <Cell marks={marks} side="declaration" path={row.declaration} field="weight" num>{show(d.weight)}</Cell>
      </>) : <Missing span={2} text={view.declaration ? '未申报' : '—'} />}
      {m ? (<>
        <Cell marks={marks} side="monitoring" path={row.monitoring} field="target">{m.target || '—'}{m.adjusted_target ? ` → ${m.adjusted_target}` : ''}</Cell>
        <Cell marks={marks} side="monitoring" path={row.monitoring} field="progress">{m.progress || '—'}</Cell>
        <Cell marks={marks} side="monitoring" path={row.monitoring} field="forecast">{m.forecast || '—'}</Cell>
        <Cell marks={marks} side="monitoring" path={row.monitoring} field="likelihood">{m.likelihood || '—'}</Cell>
      </>) : <Missing span={4} text={view.monitoring ? '监控表中没有' : '—'} />}
      {s ? (<>
        <Cell marks={marks} side="self" path={row.self} field={adjusted ? 'adjusted_target' : 'target'}>
          {adjusted ? <>{s.target} → {adjusted}</> : (s.target || '—')}
        </Cell>
        <Cell marks={marks} side="self" path={row.self} field="actual">{s.actual || '—'}</Cell>
        <Cell marks={marks} side="self" path={row.self} field="weight" num>{show(s.weight)}</Cell>
        <Cell marks={marks} side="self" path={row.self} field="score" num>{show(s.score)}</Cell>
      </>) : <Missing span={4} text="自评表中缺失" />}
    </tr>
  );
}

function Finding({ d }: { d: Diagnostic }) {
  return (
    <li class={'chain-finding sev-' + d.severity} data-code={d.code}>
      <span class="chain-where">{sideLabel[sideOf(d)]}</span>
      <span class={'sev-' + d.severity}>{severityLabel[d.severity]} {d.code}</span> {d.message}
      {d.notes.length > 0 && (
        <ul class="sub">{d.notes.map((n) => <li>{sideLabel[sideOf(n)]}：{n.message}</li>)}</ul>
      )}
    </li>
  );
}

function PlanCard({ label, plan, onUnlink, mayLink }: {
  label: string; plan: PlanRecord | null; onUnlink: (id: number) => void; mayLink: boolean;
}) {
  return (
    <div class="chain-card">
      <h3>{label}</h3>
      {plan ? (<>
        <div>{plan.title}</div>
        <div class="sub">{linkLabel[plan.link]} · 导入自 {plan.source_name || '—'} · {plan.created_by} {when(plan.created_at)}</div>
        {mayLink && <button type="button" onClick={() => onUnlink(plan.id)}>取消关联</button>}
      </>) : <p class="sub">没有关联的{label}</p>}
    </div>
  );
}

const order: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

export function ChainPage({ id }: { id: number }) {
  const [view, setView] = useState<ChainView | null>(null);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const load = () => api.chain(id).then((v) => { setView(v); setError(''); }).catch((e) => setError(e.message));
  useEffect(() => { load(); }, [id]);
  const act = (what: Promise<unknown>, done: string) =>
    what.then(() => { setMessage(done); return load(); }).catch((e) => setMessage('失败：' + e.message));

  if (error) return <p class="error-text">{error}</p>;
  if (!view) return <p class="sub">载入中…</p>;
  const f = view.form;
  const marks = markCells(view.diagnostics);
  const findings = [...view.diagnostics].sort((a, b) => order[a.severity] - order[b.severity]);
  const month = view.monitoring?.content.month;
  // Linking is for the unit's own people; the server says whether the caller is one of them by
  // the same rule its link routes apply (may_link), so no one is offered a button that ends in 403.
  const mayLink = view.may_link;
  return (
    <section class="chain-page">
      <div class="editor-head">
        <a href={`/forms/${id}`} onClick={onLink} class="back">← 返回自评表</a>
        <span class="editor-title">三表对照 · {f.department}{f.project && ` · ${f.project}`} · {f.year} · {kindLabel[f.kind]}</span>
        <span class="counts" data-testid="chain-counts">
          <span class="sev-error">{view.summary.errors} 错误</span>
          <span class="sev-warning">{view.summary.warnings} 警告</span>
          <span class="sub">{view.summary.notes} 提示</span>
        </span>
      </div>
      <div class="chain-cards">
        <PlanCard label="绩效目标申报表" plan={view.declaration?.plan ?? null} mayLink={mayLink}
          onUnlink={(p) => act(api.unlinkPlan(p), '已取消关联')} />
        <PlanCard label="绩效运行监控表" plan={view.monitoring?.plan ?? null} mayLink={mayLink}
          onUnlink={(p) => act(api.unlinkPlan(p), '已取消关联')} />
        <div class="chain-card">
          <h3>同部门同年度的其他申报表 / 监控表</h3>
          {view.others.length === 0 ? <p class="sub">没有</p> : (
            <ul>{view.others.map((p) => (
              <li>{p.kind_label} · {p.title} <span class="sub">（{linkLabel[p.link]}）</span>
                {mayLink && p.scope === f.kind && <button type="button" onClick={() => act(api.linkPlan(p.id, id), '已关联到本表')}>关联到本表</button>}
              </li>))}
            </ul>
          )}
          {mayLink && (
            <label class="chain-import">导入申报表或监控表（JSON、CSV、XLSX）并关联到本表
              <input type="file" accept=".json,.csv,.xlsx" onChange={(e) => {
                const file = (e.currentTarget as HTMLInputElement).files?.[0];
                if (file) act(api.importPlan(file, id), '已导入并关联');
              }} />
            </label>
          )}
          {message && <p class="sub" role="status">{message}</p>}
        </div>
      </div>
      {findings.length > 0 && (
        <section class="chain-findings side-block">
          <h3>三表核对诊断 <span class="sub">({findings.length})</span></h3>
          <ul>{findings.map((d) => <Finding d={d} />)}</ul>
        </section>
      )}
      {(view.declaration || view.monitoring) ? (
        <div class="table-pane">
          <table class="grid chain-table">
            <thead>
              <tr>
                <th rowSpan={2}>三级指标</th>
                <th colSpan={2}>申报表</th>
                <th colSpan={4}>监控表{month ? `（1–${month}月）` : ''}</th>
                <th colSpan={4}>自评表</th>
              </tr>
              <tr>
                <th>指标值</th><th>分值</th>
                <th>年度指标值</th><th>实际完成值</th><th>全年预计</th><th>完成可能性</th>
                <th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th>
              </tr>
            </thead>
            <tbody>{view.rows.map((row) => <Row view={view} row={row} marks={marks} />)}</tbody>
          </table>
        </div>
      ) : <p class="sub">本表尚未关联申报表或监控表：导入一份，或关联上面列出的。</p>}
    </section>
  );
}
