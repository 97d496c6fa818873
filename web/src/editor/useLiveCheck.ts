// The live check: every change of the draft is sent to POST /api/check after a short pause
// (typing does not send a request per key), and an answer that arrives after a newer request
// was sent is dropped. In review mode a second check in auto mode gives the formula total,
// so a reviewer sees both what was declared and what the rules compute.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiFailure } from '../api/client';
import type { Diagnostic, FormContent, ScoreDocument } from '../api/types';

const PAUSE_MS = 250;

export interface LiveCheck {
  score: ScoreDocument | null;
  formula: ScoreDocument | null; // the auto-mode answer (the same as score in auto mode)
  pending: boolean;
  failure: { message: string; diagnostics: Diagnostic[] } | null;
}

export function useLiveCheck(draft: FormContent | null, rules: string, mode: string,
                             initial: ScoreDocument | null): LiveCheck {
  const [state, setState] = useState<LiveCheck>({ score: initial, formula: null, pending: false, failure: null });
  const sequence = useRef(0);
  useEffect(() => {
    if (!draft) return;
    const n = ++sequence.current;
    const abort = new AbortController();
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(async () => {
      try {
        const [score, formula] = await Promise.all([
          api.check(draft, rules, mode, abort.signal),
          mode === 'auto' ? null : api.check(draft, rules, 'auto', abort.signal),
        ]);
        if (n === sequence.current)
          setState({ score, formula: formula ?? score, pending: false, failure: null });
      } catch (e) {
        if (n !== sequence.current || (e as Error).name === 'AbortError') return;
        const diagnostics = e instanceof ApiFailure ? (e.details.diagnostics as Diagnostic[] ?? []) : [];
        setState((s) => ({ ...s, pending: false, failure: { message: (e as Error).message, diagnostics } }));
      }
    }, PAUSE_MS);
    return () => { clearTimeout(timer); abort.abort(); };
  }, [draft, rules, mode]);
  return state;
}
