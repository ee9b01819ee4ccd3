/** React hooks over a SyncSession. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { CloseCode } from '@eprouvette/shared';
import { loadCurrentUser } from '../auth/current-user.ts';
import { createSyncSession, type Awareness, type SyncSession } from './session.ts';
import type { Connection } from './connection-state.ts';
import { sanitizeIdentity, type Identity } from './identity.ts';

/**
 * Opens the document while the component is mounted; `null` during the first render. With
 * `offlineStore`, a copy is kept in the browser under that name (see `SyncSessionOptions`).
 */
export function useSyncSession(name: string, identity: Identity, offlineStore?: string): SyncSession | null {
  const [session, setSession] = useState<SyncSession | null>(null);
  const { name: userName, color } = identity;
  useEffect(() => {
    const created = createSyncSession(name, { identity: { name: userName, color }, offlineStore });
    setSession(created);
    return () => {
      created.destroy();
      setSession(null);
    };
  }, [name, userName, color, offlineStore]);
  return session;
}

const noSession = (): (() => void) => () => {};
const initialConnection: Connection = {
  state: 'reconnexion',
  detail: 'connection.detail.connecting',
  loaded: false,
  refusedCode: null,
  access: 'unknown',
};

/** The connection state of a session: 'connecté' | 'reconnexion' | 'hors ligne', plus details. */
export function useConnection(session: SyncSession | null): Connection {
  return useSyncExternalStore(
    session ? session.subscribeConnection : noSession,
    session ? session.getConnection : () => initialConnection,
  );
}

export interface Participant {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
}

function sameParticipants(a: readonly Participant[], b: readonly Participant[]): boolean {
  return a.length === b.length && a.every((p, i) => p.clientId === b[i]?.clientId && p.name === b[i]?.name && p.color === b[i]?.color);
}

function readParticipants(awareness: Awareness): Participant[] {
  const participants: Participant[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const identity = sanitizeIdentity((state as { user?: unknown }).user);
    if (!identity) continue;
    participants.push({ clientId, ...identity, isSelf: clientId === awareness.clientID });
  }
  return participants.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'fr') || a.clientId - b.clientId);
}

/**
 * Who is on the document (this tab first), from the awareness states. Cursors change those
 * states many times a second; the list re-renders only when someone arrives, leaves or is renamed.
 */
export function usePresence(session: SyncSession | null): Participant[] {
  const [participants, setParticipants] = useState<Participant[]>([]);
  useEffect(() => {
    if (!session) {
      setParticipants([]);
      return;
    }
    const awareness = session.awareness;
    const refresh = () => {
      const next = readParticipants(awareness);
      setParticipants((current) => (sameParticipants(current, next) ? current : next));
    };
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [session]);
  return participants;
}

/**
 * The sync socket said « signed out » (4401): ask the API who we are. If the session is really
 * gone, the app sends the person to the login page and back here afterwards.
 */
export function useSessionCheckOnRefusal(connection: Connection): void {
  const unauthenticated = connection.refusedCode === CloseCode.Unauthenticated;
  useEffect(() => {
    if (unauthenticated) void loadCurrentUser();
  }, [unauthenticated]);
}
