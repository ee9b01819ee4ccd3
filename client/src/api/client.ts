/**
 * The typed API client: Hono's `hc` over the server's own route types, so a renamed route or a
 * changed answer fails the build instead of a page. `call` runs one request and never throws.
 */
import { hc } from 'hono/client';
import type { ApiType } from '../../../server/src/app.ts';
import { t } from '../i18n/index.ts';
import { failureFromAnswer, networkFailure, type ApiFailure } from './errors.ts';

export const api = hc<ApiType>('/api');

export type ApiResult<T> = { ok: true; data: T } | { ok: false; failure: ApiFailure };

interface AnyResponse {
  ok: boolean;
  status: number;
  headers: Headers;
  json(): Promise<unknown>;
  blob(): Promise<Blob>;
}

/** The JSON of the answers with a success status (distributes over hc's union of answers). */
export type OkBody<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

const signedOutListeners = new Set<() => void>();

/** Called whenever the server says the session is gone (expired, logged out elsewhere). */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

async function request<R extends AnyResponse, T>(send: () => Promise<R>, read: (response: R) => Promise<T>): Promise<ApiResult<T>> {
  let response: R;
  try {
    response = await send();
    if (response.ok) return { ok: true, data: await read(response) };
  } catch {
    // No answer, or the connection broke while the answer was read.
    return { ok: false, failure: networkFailure(t) };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page): the status alone is described.
  }
  const failure = failureFromAnswer(response.status, body, t);
  if (failure.code === 'unauthenticated') for (const listener of signedOutListeners) listener();
  return { ok: false, failure };
}

/** One JSON request. */
export function call<R extends AnyResponse>(send: () => Promise<R>): Promise<ApiResult<OkBody<R>>> {
  return request(send, async (response) => (await response.json()) as OkBody<R>);
}

export interface DownloadedFile {
  blob: Blob;
  name: string;
}

/** A file to save, named as the server's `Content-Disposition` says (or `fallbackName`). */
export function download<R extends AnyResponse>(send: () => Promise<R>, fallbackName: string): Promise<ApiResult<DownloadedFile>> {
  return request(send, async (response) => {
    const name = /filename="([^"/\\]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
    return { blob: await response.blob(), name };
  });
}
