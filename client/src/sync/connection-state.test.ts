import { describe, expect, it } from 'vitest';
import { CloseCode } from '@eprouvette/shared';
import { connectionState, describeConnection, syncServerUrl, type ConnectionFacts } from './connection-state.ts';

const base: ConnectionFacts = { online: true, status: 'connected', synced: true, lastCloseCode: null, refusedCode: null, access: 'write' };

describe('connection state', () => {
  it('is « connecté » only once connected and synced', () => {
    expect(connectionState(base)).toBe('connecté');
    expect(connectionState({ ...base, synced: false })).toBe('reconnexion');
    expect(connectionState({ ...base, status: 'connecting', synced: false })).toBe('reconnexion');
    expect(connectionState({ ...base, status: 'disconnected', synced: false })).toBe('reconnexion');
  });

  it('is « hors ligne » when the browser is offline or the server refused for good', () => {
    expect(connectionState({ ...base, online: false })).toBe('hors ligne');
    expect(connectionState({ ...base, status: 'disconnected', refusedCode: CloseCode.Forbidden })).toBe('hors ligne');
  });

  it('explains why', () => {
    expect(describeConnection(base, true)).toEqual({ state: 'connecté', detail: null, loaded: true, refusedCode: null, access: 'write' });
    expect(describeConnection({ ...base, status: 'connecting', synced: false, lastCloseCode: CloseCode.GoingAway }, true).detail).toBe(
      'connection.detail.goingAway',
    );
    expect(describeConnection({ ...base, status: 'connecting', synced: false, lastCloseCode: 1006 }, false).detail).toBe(
      'connection.detail.connecting',
    );
    expect(describeConnection({ ...base, online: false }, true).detail).toBe('connection.detail.offline');
    expect(describeConnection({ ...base, status: 'disconnected', refusedCode: CloseCode.NotFound }, false).detail).toBe(
      'connection.refused.notFound',
    );
  });

  it('passes on what the server said about writing', () => {
    expect(describeConnection({ ...base, access: 'read-only' }, true).access).toBe('read-only');
    expect(describeConnection({ ...base, status: 'connecting', synced: false, access: 'unknown' }, false).access).toBe('unknown');
  });

  it('derives the sync URL from the page location', () => {
    expect(syncServerUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/sync');
    expect(syncServerUrl({ protocol: 'https:', host: 'eprouvette.example.fr' })).toBe('wss://eprouvette.example.fr/sync');
  });
});
