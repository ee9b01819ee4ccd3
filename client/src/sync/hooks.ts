/** React hooks over a SyncSession. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createSyncSession, type Awareness, type SyncSession } from './session.ts';
import type { Connection } from './connection-state.ts';
import { sanitizeIdentity } from './identity.ts';

/** Opens the document while the component is mounted; `null` during the first render. */
export function useSyncSession(name: string): SyncSession | null {
  const [session, setSession] = useState<SyncSession | null>(null);
  useEffect(() => {
    const created = createSyncSession(name);
    setSession(created);
    return () => {
      created.destroy();
      setSession(null);
    };
  }, [name]);
  return session;
}

const noSession = (): (() => void) => () => {};
const initialConnection: Connection = { state: 'reconnexion', detail: 'connection.detail.connecting', loaded: false, refusedCode: null };

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

function readParticipants(awareness: Awareness): Participant[] {
  const participants: Participant[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const identity = sanitizeIdentity((state as { user?: unknown }).user);
    if (!identity) continue;
    participants.push({ clientId, ...identity, isSelf: clientId === awareness.clientID });
  }
  return participants.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'fr') || a.clientId - b.clientId);
}

/** Who is on the document (this tab first), from the awareness states. */
export function usePresence(session: SyncSession | null): Participant[] {
  const [participants, setParticipants] = useState<Participant[]>([]);
  useEffect(() => {
    if (!session) {
      setParticipants([]);
      return;
    }
    const awareness = session.awareness;
    const refresh = () => setParticipants(readParticipants(awareness));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [session]);
  return participants;
}
