import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentReplySchema, threadCreateSchema } from '../api/comments.ts';
import type { TextAnchor } from './anchor.ts';
import { observeThreads, readThreads, threadsMap } from './layout.ts';
import { addThread, reopenThread, reply, resolveThread, type NewMessage } from './write.ts';
import { MESSAGES_PER_THREAD_MAX } from './schema.ts';

const SOPHIE = { id: 'sophiesophie2345', name: 'Sophie Delattre' };
const CLAIRE = { id: 'claireclaire2345', name: 'Claire Vasseur' };
const ANCHOR: TextAnchor = { kind: 'text', start: 'AQLrtY4BBgA=', end: 'AQLrtY4BDgA=', quote: 'rendement de réseau' };
const AT = '2026-03-02T10:15:00.000Z';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
let counter = 0;
/** Ids of 16 base32 characters, distinct per call. */
function nextId(): string {
  counter += 1;
  let suffix = '';
  for (let rest = counter, digit = 0; digit < 4; digit += 1, rest = Math.floor(rest / 32)) suffix = BASE32[rest % 32]! + suffix;
  return `identifiant${suffix}`.padStart(16, 'a');
}

function message(author = SOPHIE, text = 'Préciser le seuil réglementaire.', mentions = [CLAIRE]): NewMessage {
  return { id: nextId(), author, text, mentions, at: AT };
}

function docWithThread() {
  const doc = new Y.Doc();
  const thread = addThread(doc, { id: nextId(), anchor: ANCHOR, message: message() });
  return { doc, thread };
}

/** The state a second replica holds after receiving everything `doc` wrote. */
function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('comment document layout', () => {
  it('stores a new thread that every replica reads back the same', () => {
    const { doc, thread } = docWithThread();
    expect(thread).toMatchObject({ anchor: ANCHOR, createdBy: SOPHIE, createdAt: AT, resolved: null });
    expect(thread.messages).toEqual([{ id: thread.messages[0]!.id, author: SOPHIE, text: 'Préciser le seuil réglementaire.', mentions: [CLAIRE], createdAt: AT }]);
    expect(readThreads(replica(doc))).toEqual({ threads: [thread], rejected: [] });
  });

  it('keeps a thread as one Y.Map with its messages in a Y.Array', () => {
    const { doc, thread } = docWithThread();
    const map = threadsMap(doc).get(thread.id);
    expect(map).toBeInstanceOf(Y.Map);
    expect((map as Y.Map<unknown>).get('messages')).toBeInstanceOf(Y.Array);
  });

  it('lists threads oldest first', () => {
    const doc = new Y.Doc();
    const later = addThread(doc, { id: nextId(), anchor: ANCHOR, message: { ...message(), at: '2026-03-02T11:00:00.000Z' } });
    const earlier = addThread(doc, { id: nextId(), anchor: ANCHOR, message: { ...message(), at: '2026-03-01T09:00:00.000Z' } });
    expect(readThreads(doc).threads.map((thread) => thread.id)).toEqual([earlier.id, later.id]);
  });

  it('skips and reports malformed threads without hiding the others', () => {
    const { doc, thread } = docWithThread();
    const threads = threadsMap(doc);
    threads.set('pas-une-map', 'bonjour');
    const noMessages = new Y.Map<unknown>();
    threads.set('sansmessages2345', noMessages);
    noMessages.set('anchor', ANCHOR);
    const badAnchor = new Y.Map<unknown>();
    threads.set('mauvaisancre2345', badAnchor);
    badAnchor.set('anchor', { kind: 'text', start: '!!', end: 'AQLrtY4BDgA=', quote: '' });
    badAnchor.set('createdBy', SOPHIE);
    badAnchor.set('createdAt', AT);
    badAnchor.set('resolved', null);
    badAnchor.set('messages', Y.Array.from([{ id: 'x', text: 42 }]));

    const { threads: read, rejected } = readThreads(doc);
    expect(read).toEqual([thread]);
    expect(rejected.map((entry) => entry.id).sort()).toEqual(['mauvaisancre2345', 'pas-une-map', 'sansmessages2345']);
    expect(rejected.find((entry) => entry.id === 'pas-une-map')?.reason).toBe("l'entrée n'est pas une discussion (Y.Map attendu)");
    expect(rejected.find((entry) => entry.id === 'mauvaisancre2345')?.reason).toMatch(/anchor\.start/);
  });

  it('tells observers about every change to the threads', () => {
    const { doc, thread } = docWithThread();
    let calls = 0;
    const stop = observeThreads(doc, () => (calls += 1));
    reply(doc, thread.id, message(CLAIRE, 'Merci, je précise.', []));
    resolveThread(doc, thread.id, CLAIRE, AT);
    stop();
    reopenThread(doc, thread.id);
    expect(calls).toBe(2);
  });
});

describe('server writes', () => {
  it('replies in order, one update per reply', () => {
    const { doc, thread } = docWithThread();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const first = reply(doc, thread.id, message(CLAIRE, 'Bien vu.', []));
    const second = reply(doc, thread.id, message(SOPHIE, 'Merci !', [CLAIRE]));
    expect(updates).toHaveLength(2);
    expect(first.ok && second.ok).toBe(true);
    const read = readThreads(replica(doc)).threads[0]!;
    expect(read.messages.map((entry) => entry.text)).toEqual(['Préciser le seuil réglementaire.', 'Bien vu.', 'Merci !']);
    expect(second.ok && second.thread).toEqual(read);
  });

  it('resolves and reopens; the first resolution stays when two people resolve', () => {
    const { doc, thread } = docWithThread();
    const resolved = resolveThread(doc, thread.id, CLAIRE, AT);
    expect(resolved.ok && resolved.thread.resolved).toEqual({ by: CLAIRE, at: AT });
    const again = resolveThread(doc, thread.id, SOPHIE, '2026-03-03T08:00:00.000Z');
    expect(again.ok && again.thread.resolved).toEqual({ by: CLAIRE, at: AT });
    expect(readThreads(doc).threads[0]!.resolved).toEqual({ by: CLAIRE, at: AT });

    const reopened = reopenThread(doc, thread.id);
    expect(reopened.ok && reopened.thread.resolved).toBeNull();
    expect(readThreads(replica(doc)).threads[0]!.resolved).toBeNull();
    expect(reopenThread(doc, thread.id)).toEqual(reopened);
  });

  it('refuses to reply to a resolved, missing or full thread, writing nothing', () => {
    const { doc, thread } = docWithThread();
    expect(reply(doc, 'inconnueinconnu2', message())).toEqual({ ok: false, problem: 'not-found' });
    expect(resolveThread(doc, 'inconnueinconnu2', CLAIRE, AT)).toEqual({ ok: false, problem: 'not-found' });
    expect(reopenThread(doc, 'inconnueinconnu2')).toEqual({ ok: false, problem: 'not-found' });
    resolveThread(doc, thread.id, CLAIRE, AT);
    const before = Y.encodeStateVector(doc);
    expect(reply(doc, thread.id, message())).toEqual({ ok: false, problem: 'resolved' });
    expect(Y.encodeStateVector(doc)).toEqual(before);

    reopenThread(doc, thread.id);
    for (let count = 1; count < MESSAGES_PER_THREAD_MAX; count += 1) expect(reply(doc, thread.id, message()).ok).toBe(true);
    expect(reply(doc, thread.id, message())).toEqual({ ok: false, problem: 'full' });
  });

  it('never writes what readers would skip', () => {
    const doc = new Y.Doc();
    expect(() => addThread(doc, { id: nextId(), anchor: ANCHOR, message: { ...message(), text: '' } })).toThrow(RangeError);
    expect(() => addThread(doc, { id: 'court', anchor: ANCHOR, message: message() })).toThrow(/invalide/);
    const { thread } = docWithThread();
    const other = new Y.Doc();
    addThread(other, { id: thread.id, anchor: ANCHOR, message: message() });
    expect(() => addThread(other, { id: thread.id, anchor: ANCHOR, message: message() })).toThrow(/existe déjà/);
    expect(threadsMap(doc).size).toBe(0);
  });
});

describe('comment request schemas', () => {
  const first = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

  it('trim the text and ask for 1 to 4000 characters, in French', () => {
    expect(commentReplySchema.parse({ text: '  Bien vu.  ' })).toEqual({ text: 'Bien vu.', mentions: [] });
    expect(first(commentReplySchema.safeParse({ text: '   ' }))).toBe('Le commentaire est vide : écrivez votre message.');
    expect(first(commentReplySchema.safeParse({ text: 'x'.repeat(4001) }))).toBe('Un commentaire ne peut pas dépasser 4000 caractères.');
    expect(commentReplySchema.safeParse({ text: 'x'.repeat(4000) }).success).toBe(true);
  });

  it('take at most 20 distinct mentioned ids', () => {
    expect(commentReplySchema.parse({ text: 'a', mentions: [CLAIRE.id, CLAIRE.id] }).mentions).toEqual([CLAIRE.id]);
    const many = Array.from({ length: 21 }, (_, index) => `claireclaire${String.fromCharCode(97 + index)}aaa`);
    expect(first(commentReplySchema.safeParse({ text: 'a', mentions: many }))).toBe('Un message ne peut pas mentionner plus de 20 personnes.');
    expect(commentReplySchema.safeParse({ text: 'a', mentions: ['Robert'] }).success).toBe(false);
  });

  it('check the anchor: a quote of 1 to 500 characters, base64 positions, a known kind', () => {
    expect(threadCreateSchema.safeParse({ text: 'a', anchor: ANCHOR }).success).toBe(true);
    expect(first(threadCreateSchema.safeParse({ text: 'a', anchor: { ...ANCHOR, quote: 'x'.repeat(501) } }))).toBe('Le passage cité ne peut pas dépasser 500 caractères.');
    expect(first(threadCreateSchema.safeParse({ text: 'a', anchor: { ...ANCHOR, quote: '' } }))).toBe('Sélectionnez le passage à commenter.');
    expect(first(threadCreateSchema.safeParse({ text: 'a', anchor: { ...ANCHOR, start: 'pas du base64 !' } }))).toBe('Position du passage invalide.');
    expect(threadCreateSchema.safeParse({ text: 'a', anchor: { kind: 'board', shapeId: null, point: { x: 10, y: -4 } } }).success).toBe(true);
    expect(threadCreateSchema.safeParse({ text: 'a', anchor: { kind: 'page', n: 1 } }).success).toBe(false);
  });
});
