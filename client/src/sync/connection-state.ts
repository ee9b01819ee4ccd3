/**
 * Pure mapping from what the provider and the browser report to what the user is shown.
 */
import { CloseCode, isFinalCloseCode } from '@eprouvette/shared';
import type { MessageKey } from '../i18n/index.ts';

export type ConnectionState = 'connecté' | 'reconnexion' | 'hors ligne';
export type ProviderStatus = 'connecting' | 'connected' | 'disconnected';
/**
 * Whether the server applies this connection's edits: `unknown` until the first connection
 * synced. The server says `read-only` (y-websocket auth message) before its sync answer, and
 * `write` when access is raised while open; a connection that synced without being told is
 * writable.
 */
export type WriteAccess = 'unknown' | 'read-only' | 'write';

export interface ConnectionFacts {
  /** `navigator.onLine` */
  online: boolean;
  status: ProviderStatus;
  /** The provider exchanged the document state with the server on the current connection. */
  synced: boolean;
  /** Code of the last close of the socket by the server, `null` once a connection synced. */
  lastCloseCode: number | null;
  /** Set when the server closed with a final code: the client stopped reconnecting. */
  refusedCode: number | null;
  access: WriteAccess;
}

export interface Connection {
  state: ConnectionState;
  /** Explanation to show next to the badge, if any. */
  detail: MessageKey | null;
  /** The document was received from the server at least once: it can be edited. */
  loaded: boolean;
  refusedCode: number | null;
  access: WriteAccess;
}

export function connectionState(facts: ConnectionFacts): ConnectionState {
  if (facts.refusedCode !== null || !facts.online) return 'hors ligne';
  if (facts.status === 'connected' && facts.synced) return 'connecté';
  return 'reconnexion';
}

export function refusalMessage(code: number): MessageKey {
  switch (code) {
    case CloseCode.Unauthenticated:
      return 'connection.refused.unauthenticated';
    case CloseCode.Forbidden:
      return 'connection.refused.forbidden';
    case CloseCode.NotFound:
      return 'connection.refused.notFound';
    default:
      return 'connection.refused.other';
  }
}

/** Why the connection dropped, for the codes worth explaining while reconnecting. */
export function closeMessage(code: number | null): MessageKey {
  switch (code) {
    case CloseCode.GoingAway:
      return 'connection.detail.goingAway';
    case CloseCode.InternalError:
      return 'connection.detail.internalError';
    case CloseCode.MessageTooBig:
    case CloseCode.UpdateTooLarge:
      return 'connection.detail.tooBig';
    case CloseCode.TryAgainLater:
      return 'connection.detail.tryAgainLater';
    case CloseCode.BadMessage:
      return 'connection.detail.badMessage';
    case CloseCode.RateLimited:
      return 'connection.detail.rateLimited';
    default:
      return 'connection.detail.connecting';
  }
}

export function describeConnection(facts: ConnectionFacts, loaded: boolean): Connection {
  const state = connectionState(facts);
  let detail: MessageKey | null = null;
  if (facts.refusedCode !== null) detail = refusalMessage(facts.refusedCode);
  else if (!facts.online) detail = 'connection.detail.offline';
  else if (state === 'reconnexion') detail = closeMessage(facts.lastCloseCode);
  return { state, detail, loaded, refusedCode: facts.refusedCode, access: facts.access };
}

/** Whether a close event from the server means "stop reconnecting". */
export function isRefusal(code: number): boolean {
  return isFinalCloseCode(code);
}

/** The y-websocket server URL (`ws(s)://host/sync`) for the page's location. */
export function syncServerUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`;
}
