// What every cell of the editor needs: the draft, the latest answer of the live check, the
// diagnostics by path, and how to change one cell. Passed by context so rows stay small.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { FormContent, LeafScore, ScoreDocument } from '../api/types';
import { Pins } from './pins';

export interface EditorState {
  draft: FormContent;
  score: ScoreDocument | null;
  pins: Pins;
  readOnly: boolean;
  edit: (path: string, value: unknown) => void;
}

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const state = useContext(EditorContext);
  if (!state) throw new Error('useEditor outside FormEditor');
  return state;
}

// The server's evaluation of one leaf, found by its path.
export function leafScore(score: ScoreDocument | null, path: string): LeafScore | undefined {
  if (!score) return undefined;
  for (const g of score.goals) for (const l of g.indicators) if (l.path === path) return l;
  return undefined;
}
