// Who is logged in, for every page: the user (role and organisation) or null for the public.
// Read once from GET /api/session at start and replaced at login and logout.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { User } from '../api/review';

export interface SessionState {
  user: User | null;
  known: boolean; // the first GET /api/session has answered
  setUser: (user: User | null) => void;
}

export const SessionContext = createContext<SessionState>({ user: null, known: false, setUser: () => {} });

export function useSession(): SessionState {
  return useContext(SessionContext);
}

// Roles that review the units under them and see their progress board.
export function oversees(user: User | null): boolean {
  return user?.role === 'supervisor' || user?.role === 'finance';
}
