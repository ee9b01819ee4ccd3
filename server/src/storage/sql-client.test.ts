import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeTempDir } from '../testing/test-server.ts';
import type { Storage } from './document-store.ts';
import { openSqliteStorage } from './sqlite.ts';

let dir: string;
let storage: Storage;

beforeEach(async () => {
  dir = await makeTempDir('eprouvette-sql-');
  storage = await openSqliteStorage(dir);
  await storage.sql.run("INSERT INTO domains (slug, name, created_at) VALUES ('eau', 'Eau', 0)");
});

afterEach(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

const names = async () => (await storage.sql.all<{ name: string }>('SELECT name FROM domains ORDER BY name')).map((row) => row.name);

describe('sqliteClient transactions', () => {
  it('commit what the body wrote when it resolves', async () => {
    await storage.sql.transaction(async (tx) => {
      await tx.run("INSERT INTO domains (slug, name, created_at) VALUES ('dechets', 'Déchets', 1)");
    });
    expect(await names()).toEqual(['Déchets', 'Eau']);
  });

  it('roll everything back when the body throws', async () => {
    await expect(
      storage.sql.transaction(async (tx) => {
        await tx.run("INSERT INTO domains (slug, name, created_at) VALUES ('dechets', 'Déchets', 1)");
        throw new Error('refused halfway');
      }),
    ).rejects.toThrow('refused halfway');
    expect(await names()).toEqual(['Eau']);
  });

  it('keep statements of other requests out of an open transaction', async () => {
    let outsideDone = false;
    const inside = storage.sql.transaction(async (tx) => {
      await tx.run("INSERT INTO domains (slug, name, created_at) VALUES ('a', 'A', 1)");
      // Another request's statement issued while the transaction is open…
      const outside = storage.sql.run("INSERT INTO domains (slug, name, created_at) VALUES ('b', 'B', 2)").then(() => (outsideDone = true));
      await Promise.resolve();
      expect(outsideDone).toBe(false); // …waits for it to end
      await tx.run("INSERT INTO domains (slug, name, created_at) VALUES ('c', 'C', 3)");
      throw Object.assign(new Error('rollback'), { outside });
    }).catch((error: { outside: Promise<unknown> }) => error.outside);
    await inside;
    // The rolled-back transaction took A and C with it, but not the other request's B.
    expect(await names()).toEqual(['B', 'Eau']);
  });

  it('run one after the other when started at the same moment', async () => {
    const insert = (slug: string) =>
      storage.sql.transaction(async (tx) => {
        await tx.run('INSERT INTO domains (slug, name, created_at) VALUES (?, ?, 1)', [slug, slug.toUpperCase()]);
      });
    await Promise.all([insert('a'), insert('b'), insert('c')]);
    expect(await names()).toEqual(['A', 'B', 'C', 'Eau']);
  });

  it('refuse a body that awaits more than database work, and roll it back', async () => {
    await expect(
      storage.sql.transaction(async (tx) => {
        await tx.run("INSERT INTO domains (slug, name, created_at) VALUES ('lent', 'Lent', 1)");
        await sleep(5);
      }),
    ).rejects.toThrow(/awaited more than database work/);
    expect(await names()).toEqual(['Eau']);
    // The connection is usable afterwards.
    await storage.sql.run("INSERT INTO domains (slug, name, created_at) VALUES ('apres', 'Après', 2)");
    expect(await names()).toEqual(['Après', 'Eau']);
  });
});
