/**
 * The version records on both backends: the same calls give the same answers on SQLite and on
 * PostgreSQL (PGUSER=$(whoami), 127.0.0.1:5432, database `test`, a schema of its own).
 */
import { describe, expect, it } from 'vitest';
import { createUser } from '../records/users.ts';
import type { Storage } from '../storage/document-store.ts';
import { onBothBackends } from '../testing/both-backends.ts';
import { authorNames, deleteVersionsWithPrefix, getVersion, insertVersion, listVersions } from './version-records.ts';

const answers = onBothBackends('versions');

const T = Date.UTC(2026, 8, 15, 9, 0, 0);
const TEXT = 'ami-aaaaaaaaaaaaaaaa.text';
const BOARD = 'ami-aaaaaaaaaaaaaaaa.board-bbbbbbbbbbbbbbbb';
const OTHER_AMI = 'ami-cccccccccccccccc.text';

/** One scenario of record calls; what they answered, user ids replaced by names. */
async function scenario(storage: Storage): Promise<unknown> {
  const { sql } = storage;
  const claire = (await createUser(sql, { email: 'claire@region.example', name: 'Claire Vasseur', organisationId: null, passwordHash: 'h' }, T))!;
  const state = (text: string) => new TextEncoder().encode(text);
  await insertVersion(sql, { id: 'vaaaaaaaaaaaaaaa', document: TEXT, kind: 'auto', label: null, authors: [claire.id, 'gone000000000000'], state: state('un') }, T);
  await insertVersion(sql, { id: 'vbbbbbbbbbbbbbbb', document: TEXT, kind: 'named', label: 'envoyée au comité', authors: [claire.id], state: state('deux') }, T);
  // Same millisecond: the order of insertion decides.
  await insertVersion(sql, { id: 'vccccccccccccccc', document: TEXT, kind: 'before-restore', label: null, authors: [], state: state('trois') }, T);
  await insertVersion(sql, { id: 'vddddddddddddddd', document: BOARD, kind: 'auto', label: null, authors: [], state: new Uint8Array([0, 0, 255]) }, T + 1);
  await insertVersion(sql, { id: 'veeeeeeeeeeeeeee', document: OTHER_AMI, kind: 'auto', label: null, authors: [], state: state('autre') }, T + 2);

  const named = (ids: readonly string[]) => ids.map((id) => (id === claire.id ? 'claire' : id));
  const out: Record<string, unknown> = {};
  out.text = (await listVersions(sql, TEXT)).map((version) => ({ ...version, authors: named(version.authors) }));
  const one = await getVersion(sql, TEXT, 'vbbbbbbbbbbbbbbb');
  out.one = { ...one, authors: named(one!.authors), state: new TextDecoder().decode(one!.state) };
  out.binary = [...(await getVersion(sql, BOARD, 'vddddddddddddddd'))!.state];
  out.ofAnotherDocument = await getVersion(sql, BOARD, 'vaaaaaaaaaaaaaaa');
  out.names = [...(await authorNames(sql, [claire.id, 'gone000000000000', claire.id]))].map(([id, name]) => [named([id])[0], name]);
  out.deleted = await deleteVersionsWithPrefix(sql, 'ami-aaaaaaaaaaaaaaaa.');
  out.left = (await Promise.all([TEXT, BOARD, OTHER_AMI].map((document) => listVersions(sql, document)))).map((versions) => versions.length);
  await expect(deleteVersionsWithPrefix(sql, 'ami-%')).rejects.toThrow(/prefix/);
  return out;
}

describe('version records', () => {
  it('answer the same on SQLite and PostgreSQL', async () => {
    const { sqlite: onSqlite, postgres: onPostgres } = await answers(scenario);
    expect(onPostgres).toEqual(onSqlite);
    expect(onSqlite).toMatchObject({
      text: [
        { id: 'vccccccccccccccc', kind: 'before-restore', authors: [], bytes: 5 },
        { id: 'vbbbbbbbbbbbbbbb', kind: 'named', label: 'envoyée au comité', authors: ['claire'], createdAt: T },
        { id: 'vaaaaaaaaaaaaaaa', kind: 'auto', label: null, authors: ['claire', 'gone000000000000'], bytes: 2 },
      ],
      one: { document: TEXT, state: 'deux' },
      binary: [0, 0, 255],
      ofAnotherDocument: null,
      names: [['claire', 'Claire Vasseur']],
      deleted: 4,
      left: [0, 0, 1],
    });
  });
});
