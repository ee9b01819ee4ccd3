/**
 * Who is signed in. The session cookie is HttpOnly, so the client learns it from GET /api/me
 * (401: signed out) and keeps it here; sign-in, sign-up and sign-out update it directly.
 */
import { useSyncExternalStore } from 'react';
import type { MeView } from '@eprouvette/shared';
import { api, call, onSignedOut } from '../api/client.ts';
import type { ApiFailure } from '../api/errors.ts';

export type CurrentUser =
  | { status: 'loading' }
  | { status: 'signed-in'; me: MeView }
  | { status: 'signed-out' }
  /** The server could not be asked (network down, server error): nothing can be decided yet. */
  | { status: 'unknown'; failure: ApiFailure };

let current: CurrentUser = { status: 'loading' };
const listeners = new Set<() => void>();

function set(next: CurrentUser): void {
  current = next;
  for (const listener of listeners) listener();
}

export function signedIn(me: MeView): void {
  set({ status: 'signed-in', me });
}

export function signedOut(): void {
  if (current.status !== 'signed-out') set({ status: 'signed-out' });
}

onSignedOut(signedOut);

export async function loadCurrentUser(): Promise<void> {
  const result = await call(() => api.me.$get());
  if (result.ok) signedIn(result.data);
  else if (result.failure.status === 401) signedOut();
  else set({ status: 'unknown', failure: result.failure });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCurrentUser(): CurrentUser {
  return useSyncExternalStore(subscribe, () => current, () => current);
}

