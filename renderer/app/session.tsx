/** The session as the screens see it: who is working, and facts about the app. */
import { createContext, useContext } from 'react';
import type { AppInfo, Identity } from '../../shared/contract/index.ts';

export interface SessionValue {
  readonly identity: Identity;
  readonly appInfo: AppInfo | null;
  setIdentity(identity: Identity): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionContext');
  return v;
}
