/**
 * Comments on the AMI text against the real server: commenters write threads through the API,
 * never through their sync connections (read-only to the text and to the comment document, the
 * server drops what they send), and every reader sees the threads arrive live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AmiDetailView, ApiError, CommentThreadView, MentionableView, MeView, TextAnchor } from '@eprouvette/shared';
import { allowedTransitions, commentsOf, documentName, readThreads } from '@eprouvette/shared';
import { AMI_TEXT_FIELD } from '../documents/ami-text-template.ts';
import { DEMO_ACCOUNTS } from '../seed/demo.ts';
import { waitFor, type ClientCredentials, type ProviderClient } from '../testing/clients.ts';
import { startTestServer, type ApiSession, type DemoIds, type TestServer } from '../testing/test-server.ts';
import { json, openRecordingSocket, outsiderSession, readOnlyCount, type RecordingSocket } from './comment-test-helpers.ts';

let ts: TestServer;
let demo: DemoIds;
let owner: ApiSession;
let commenter: ApiSession;
let reader: ApiSession;
let outsider: ApiSession;
let ownerMe: MeView;
let commenterMe: MeView;
const clients: ProviderClient[] = [];

const account = (role: string) => DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;
const commentsDocument = () => documentName(commentsOf({ kind: 'ami-text', amiId: demo.amiId }));
const commentsPath = (amiId = demo.amiId) => `/api/amis/${amiId}/text/comments`;

const openSocket = (credentials: ClientCredentials, name: string): RecordingSocket => openRecordingSocket(ts.syncUrl, credentials, name, clients);
const roomDoc = (name: string) => ts.server.sync.registry.loadedRooms().find((room) => room.name === name)?.doc;
const encode = (position: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/** An anchor on the first `length` characters of the text's second block (the first section's prompt). */
function anchorIn(text: Y.Doc, length = 20): TextAnchor {
  const paragraph = text.getXmlFragment(AMI_TEXT_FIELD).get(1) as Y.XmlElement;
  const run = paragraph.get(0) as Y.XmlText;
  return {
    kind: 'text',
    start: encode(Y.createRelativePositionFromTypeIndex(run, 0, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(run, length, -1)),
    quote: run.toString().slice(0, length),
  };
}

let textCopy: Y.Doc;

beforeAll(async () => {
  ts = await startTestServer();
  demo = await ts.demo();
  [owner, commenter, reader] = await Promise.all([ts.login(account('owner').email), ts.login(account('commenter').email), ts.login(account('reader').email)]);
  ownerMe = await json<MeView>(await owner.api('/api/me'), 200);
  commenterMe = await json<MeView>(await commenter.api('/api/me'), 200);
  outsider = await outsiderSession(ts.httpUrl);
  const text = openSocket(owner.credentials, demo.textDocument);
  await text.client.synced;
  textCopy = text.client.doc;
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await ts.dispose();
});

describe('comment threads on the AMI text', () => {
  let thread: CommentThreadView;

  it('lets a commenter open a thread that reaches a connected reader live, authored from her account', async () => {
    const watching = openSocket(reader.credentials, commentsDocument());
    await watching.client.synced;
    const anchor = anchorIn(textCopy);
    const body = { anchor, text: '  Préciser le seuil réglementaire de rendement. @Claire Vasseur  ', mentions: [ownerMe.id], author: { id: ownerMe.id, name: 'Usurpatrice' } };
    thread = await json<CommentThreadView>(await commenter.api(commentsPath(), { body }), 201);

    expect(thread).toMatchObject({ anchor, createdBy: { id: commenterMe.id, name: 'Sophie Delattre' }, resolved: null });
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]).toMatchObject({
      author: { id: commenterMe.id, name: 'Sophie Delattre' },
      text: 'Préciser le seuil réglementaire de rendement. @Claire Vasseur',
      mentions: [{ id: ownerMe.id, name: 'Claire Vasseur' }],
    });
    await waitFor(() => readThreads(watching.client.doc).threads.length === 1, 'the thread on the reader’s copy');
    expect(readThreads(watching.client.doc)).toEqual({ threads: [thread], rejected: [] });
  });

  it('lets the owner reply, and anyone from commenter up resolve and reopen', async () => {
    const replied = await json<CommentThreadView>(await owner.api(`${commentsPath()}/${thread.id}/replies`, { body: { text: 'C’est noté, je reprends la phrase.' } }), 201);
    expect(replied.messages.map((message) => [message.author.name, message.text])).toEqual([
      ['Sophie Delattre', 'Préciser le seuil réglementaire de rendement. @Claire Vasseur'],
      ['Claire Vasseur', 'C’est noté, je reprends la phrase.'],
    ]);
    const resolved = await json<CommentThreadView>(await commenter.api(`${commentsPath()}/${thread.id}/resolve`, { method: 'POST' }), 200);
    expect(resolved.resolved).toMatchObject({ by: { id: commenterMe.id, name: 'Sophie Delattre' } });

    const refused = await json<ApiError>(await owner.api(`${commentsPath()}/${thread.id}/replies`, { body: { text: 'Encore une chose.' } }), 409);
    expect(refused).toEqual({ error: 'Cette discussion est résolue : rouvrez-la pour y répondre.', code: 'thread-resolved' });

    const reopened = await json<CommentThreadView>(await owner.api(`${commentsPath()}/${thread.id}/reopen`, { method: 'POST' }), 200);
    expect(reopened.resolved).toBeNull();
    expect(readThreads(roomDoc(commentsDocument())!).threads).toEqual([reopened]);
  });

  it('refuses readers (403), non-members and unknown AMIs (404), and signed-out visitors (401)', async () => {
    const body = { anchor: anchorIn(textCopy), text: 'Je voudrais commenter.' };
    const forReader = await json<ApiError>(await reader.api(commentsPath(), { body }), 403);
    expect(forReader.error).toBe('Votre rôle sur cet AMI (lecteur) ne permet pas de commenter le texte de cet AMI.');
    await json<ApiError>(await reader.api(`${commentsPath()}/${thread.id}/resolve`, { method: 'POST' }), 403);
    await json<ApiError>(await reader.api(`${commentsPath()}/mentionable`), 403);
    expect(await json<ApiError>(await outsider.api(commentsPath(), { body }), 404)).toEqual({ error: 'Ressource introuvable.', code: 'not-found' });
    await json<ApiError>(await outsider.api(`${commentsPath()}/${thread.id}/replies`, { body: { text: 'Bonjour' } }), 404);
    await json<ApiError>(await commenter.api(commentsPath('aaaaaaaaaaaaaaaa'), { body }), 404);
    await json<ApiError>(await commenter.api(commentsPath('pas-un-id'), { body }), 404);
    const anonymous = await fetch(`${ts.httpUrl}${commentsPath()}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ts.httpUrl }, body: JSON.stringify(body) });
    expect(anonymous.status).toBe(401);
    expect(readThreads(roomDoc(commentsDocument())!).threads).toHaveLength(1);
  });

  it('lists the members who may be mentioned, names only, and refuses to mention anyone else', async () => {
    const people = await json<MentionableView[]>(await commenter.api(`${commentsPath()}/mentionable`), 200);
    expect(people.map((person) => person.name).sort()).toEqual(DEMO_ACCOUNTS.map((demoAccount) => demoAccount.name).sort());
    expect(Object.keys(people[0]!).sort()).toEqual(['id', 'name']);

    const outsiderMe = await json<MeView>(await outsider.api('/api/me'), 200);
    const refused = await json<ApiError>(await commenter.api(`${commentsPath()}/${thread.id}/replies`, { body: { text: '@Paul Extérieur ?', mentions: [outsiderMe.id] } }), 400);
    expect(refused.error).toBe('Seuls les membres de l’AMI peuvent être mentionnés.');
    expect(refused.fields?.mentions).toBe('Seuls les membres de l’AMI peuvent être mentionnés.');
    expect(readThreads(roomDoc(commentsDocument())!).threads[0]!.messages).toHaveLength(2);
  });

  it('answers bad input with clear French errors and writes nothing', async () => {
    const anchor = anchorIn(textCopy);
    const empty = await json<ApiError>(await commenter.api(commentsPath(), { body: { anchor, text: '   ' } }), 400);
    expect(empty.fields?.text).toBe('Le commentaire est vide : écrivez votre message.');
    const tooLong = await json<ApiError>(await commenter.api(commentsPath(), { body: { anchor, text: 'x'.repeat(4001) } }), 400);
    expect(tooLong.fields?.text).toBe('Un commentaire ne peut pas dépasser 4000 caractères.');
    const longQuote = await json<ApiError>(await commenter.api(commentsPath(), { body: { anchor: { ...anchor, quote: 'q'.repeat(501) }, text: 'a' } }), 400);
    expect(longQuote.fields?.['anchor.quote']).toBe('Le passage cité ne peut pas dépasser 500 caractères.');
    const notJson = await json<ApiError>(await commenter.api(commentsPath(), { body: '{pas du json' }), 400);
    expect(notJson.error).toBe('La requête n’est pas du JSON valide.');

    // Positions that decode but do not point into the text: in the comment document, or garbage.
    const elsewhere = new Y.Doc();
    elsewhere.getText('ailleurs').insert(0, 'autre document');
    const foreign = encode(Y.createRelativePositionFromTypeIndex(elsewhere.getText('ailleurs'), 3));
    const notInText = await json<ApiError>(await commenter.api(commentsPath(), { body: { anchor: { ...anchor, start: foreign }, text: 'a' } }), 400);
    expect(notInText.error).toMatch(/n’est pas encore enregistré|introuvable/);
    const rootElsewhere = encode(Y.createRelativePositionFromTypeIndex(elsewhere.getText('ailleurs'), 0, -1));
    expect((await json<ApiError>(await commenter.api(commentsPath(), { body: { anchor: { ...anchor, end: rootElsewhere }, text: 'a' } }), 400)).error).toBe(
      'Le passage commenté est introuvable dans le texte : sélectionnez-le à nouveau.',
    );
    // Tag 5 names neither an item nor a type: Yjs would throw on it.
    const garbage = await json<ApiError>(await commenter.api(commentsPath(), { body: { anchor: { ...anchor, start: 'BQ==' }, text: 'a' } }), 400);
    expect(garbage.error).toBe('Le passage commenté est introuvable dans le texte : sélectionnez-le à nouveau.');
    const boardAnchor = await json<ApiError>(await commenter.api(commentsPath(), { body: { anchor: { kind: 'board', shapeId: null, point: { x: 0, y: 0 } }, text: 'a' } }), 400);
    expect(boardAnchor.error).toBe('Un commentaire sur le texte de l’AMI se place sur un passage du texte.');

    expect(await json<ApiError>(await commenter.api(`${commentsPath()}/aaaaaaaaaaaaaaaa/replies`, { body: { text: 'a' } }), 404)).toEqual({ error: 'Cette discussion n’existe pas.', code: 'not-found' });
    await json<ApiError>(await commenter.api(`${commentsPath()}/pas-un-id/resolve`, { method: 'POST' }), 404);
    expect(readThreads(roomDoc(commentsDocument())!).threads).toHaveLength(1);
    expect((await owner.api('/api/health')).status).toBe(200);
  });

  it('drops what a commenter sends over sync, to the text and to the comment document alike', async () => {
    const before = readThreads(roomDoc(commentsDocument())!).threads;
    const textBefore = roomDoc(demo.textDocument)!.getXmlFragment(AMI_TEXT_FIELD).toString();

    const onText = openSocket(commenter.credentials, demo.textDocument);
    const onComments = openSocket(commenter.credentials, commentsDocument());
    await Promise.all([onText.client.synced, onComments.client.synced]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Texte glissé par la commentatrice.')]);
    onText.client.doc.getXmlFragment(AMI_TEXT_FIELD).insert(0, [paragraph]);
    const forged = new Y.Map<unknown>();
    onComments.client.doc.getMap('threads').set('contrefaconaaaaa', forged);
    forged.set('createdAt', new Date().toISOString());
    (onComments.client.doc.getMap('threads').get(thread.id) as Y.Map<unknown>).set('resolved', { by: { id: ownerMe.id, name: 'Claire Vasseur' }, at: new Date().toISOString() });

    // The server answers each refused update with `read-only` again, once it has read it.
    await waitFor(() => readOnlyCount(onText) >= 2 && readOnlyCount(onComments) >= 2, 'both updates refused');
    expect(roomDoc(demo.textDocument)!.getXmlFragment(AMI_TEXT_FIELD).toString()).toBe(textBefore);
    expect(readThreads(roomDoc(commentsDocument())!).threads).toEqual(before);
    expect([...roomDoc(commentsDocument())!.getMap('threads').keys()]).toEqual([thread.id]);
    const stored = await ts.store.load(commentsDocument());
    const storedDoc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(storedDoc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(storedDoc, update);
    expect(readThreads(storedDoc).threads).toEqual(before);
  });

  it('accepts a passage an editor has just typed, once the server has it', async () => {
    const editing = openSocket(owner.credentials, demo.textDocument);
    await editing.client.synced;
    const run = (editing.client.doc.getXmlFragment(AMI_TEXT_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    run.insert(0, 'Ajout. ');
    await waitFor(() => roomDoc(demo.textDocument)!.getXmlFragment(AMI_TEXT_FIELD).toString().includes('Ajout. '), 'the edit on the server');
    const created = await json<CommentThreadView>(await commenter.api(commentsPath(), { body: { anchor: anchorIn(editing.client.doc, 6), text: 'Pourquoi cet ajout ?' } }), 201);
    expect(created.anchor).toMatchObject({ quote: 'Ajout.' });
  });

  it('refuses comments on a closed AMI (409), even for its owner', async () => {
    const ami = await json<AmiDetailView>(
      await owner.api('/api/amis', { body: { title: 'AMI clôturé', domain: 'gestion-eau', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] } }),
      201,
    );
    for (let status = ami.status; status !== 'cloture'; ) {
      status = (await json<AmiDetailView>(await owner.api(`/api/amis/${ami.id}/status`, { body: { status: allowedTransitions(status)[0]! } }), 200)).status;
    }
    const closedText = openSocket(owner.credentials, ami.textDocumentName);
    await closedText.client.synced;
    const refused = await json<ApiError>(await owner.api(commentsPath(ami.id), { body: { anchor: anchorIn(closedText.client.doc), text: 'Trop tard ?' } }), 409);
    expect({ ...refused, error: refused.error.replace(/\u00a0/g, ' ') }).toEqual({ error: 'Cet AMI est clôturé : ses tableaux et son texte sont en lecture seule.', code: 'ami-closed' });
  });
});
