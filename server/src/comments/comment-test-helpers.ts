/** What the comment routes' integration tests share: answers read with their status, outsiders, sockets that record `read-only`. */
import * as decoding from 'lib0/decoding';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { providerClient, type ClientCredentials, type ProviderClient } from '../testing/clients.ts';
import { sessionWith, type ApiSession } from '../testing/test-server.ts';

const MESSAGE_AUTH = 2;
const AUTH_DENIED = 0;

/** The answer's JSON, once its status is the one expected (the body is in the failure message). */
export async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, `${response.url}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

/** A signed-up account that is a member of no AMI. */
export async function outsiderSession(httpUrl: string): Promise<ApiSession> {
  const signup = await fetch(`${httpUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: httpUrl },
    body: JSON.stringify({ name: 'Paul Extérieur', email: 'paul.exterieur@essai.example', organisation: { name: 'Commune de Desvres', type: 'commune' }, password: 'un mot de passe solide' }),
  });
  expect(signup.status).toBe(201);
  return sessionWith(httpUrl, signup.headers.get('set-cookie')!.split(';')[0]!);
}

export interface RecordingSocket {
  client: ProviderClient;
  auth: { type: number; reason: string }[];
}

/** A stock provider whose auth messages (`read-only`…) are recorded; `opened` collects it for clean-up. */
export function openRecordingSocket(syncUrl: string, credentials: ClientCredentials, name: string, opened: ProviderClient[]): RecordingSocket {
  const client = providerClient(syncUrl, name, new Y.Doc(), credentials);
  opened.push(client);
  const auth: RecordingSocket['auth'] = [];
  client.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    const type = decoding.readVarUint(decoder);
    auth.push({ type, reason: decoding.readVarString(decoder) });
  };
  return { client, auth };
}

/** How many times the server answered the socket's updates with `read-only`. */
export const readOnlyCount = (socket: RecordingSocket): number => socket.auth.filter((message) => message.type === AUTH_DENIED && message.reason === 'read-only').length;
