import { describe, expect, it } from 'vitest';
import type { CommentThread } from '@eprouvette/shared';
import { insertMention, matchingPeople, mentionedIn, mentionQueryAt, messageParts } from './mentions.ts';
import { relativeTime } from './relative-time.ts';
import { passagePlaces } from './anchors.ts';
import { arrivals, listThreads } from './thread-list.ts';

const CLAIRE = { id: 'claireclaire2345', name: 'Claire Vasseur' };
const ELOISE = { id: 'eloiseeloise2345', name: 'Éloïse Marchand-Dubois' };
const JULIEN = { id: 'julienjulien2345', name: 'Julien Lefebvre' };
const SOPHIE = { id: 'sophiesophie2345', name: 'Sophie Delattre' };
const PEOPLE = [CLAIRE, ELOISE, JULIEN, SOPHIE];

describe('mentions', () => {
  it('find the @ being typed, not an e-mail address nor a finished mention', () => {
    expect(mentionQueryAt('Bonjour @cla', 12)).toEqual({ start: 8, query: 'cla' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Voir (@Julien Le', 16)).toEqual({ start: 6, query: 'Julien Le' });
    expect(mentionQueryAt('ecrire a claire@region.fr', 25)).toBeNull();
    expect(mentionQueryAt('@ personne', 10)).toBeNull();
    expect(mentionQueryAt('@cla\nsuite', 10)).toBeNull();
    expect(mentionQueryAt('@Claire Vasseur merci', 21, [CLAIRE])).toBeNull();
    expect(mentionQueryAt('Bonjour @cla et plus', 12)).toEqual({ start: 8, query: 'cla' });
  });

  it('propose members by the start of any word of their name, without accents or case', () => {
    expect(matchingPeople(PEOPLE, '')).toEqual(PEOPLE);
    expect(matchingPeople(PEOPLE, 'eloi')).toEqual([ELOISE]);
    expect(matchingPeople(PEOPLE, 'dub')).toEqual([ELOISE]);
    expect(matchingPeople(PEOPLE, 'julien lef')).toEqual([JULIEN]);
    expect(matchingPeople(PEOPLE, 'DEL')).toEqual([SOPHIE]);
    expect(matchingPeople(PEOPLE, 'asse')).toEqual([]);
    expect(matchingPeople(PEOPLE, '', 2)).toEqual([CLAIRE, ELOISE]);
  });

  it('insert the chosen name with one space after, and keep only mentions still in the text', () => {
    const typed = 'Merci @cla pour la relecture';
    expect(insertMention(typed, { start: 6, query: 'cla' }, 10, CLAIRE)).toEqual({ text: 'Merci @Claire Vasseur pour la relecture', caret: 22 });
    expect(insertMention('@so', { start: 0, query: 'so' }, 3, SOPHIE)).toEqual({ text: '@Sophie Delattre ', caret: 17 });
    expect(mentionedIn('Merci @Claire Vasseur !', [CLAIRE, SOPHIE, CLAIRE])).toEqual([CLAIRE]);
  });

  it('cut a message into text and mentions', () => {
    const anne = { id: 'anneanneanne2345', name: 'Anne' };
    const anneMarie = { id: 'annemarieanne234', name: 'Anne Marie' };
    expect(messageParts('@Anne Marie et @Anne, voyez @Personne.', [anne, anneMarie])).toEqual([
      { kind: 'mention', person: anneMarie },
      { kind: 'text', text: ' et ' },
      { kind: 'mention', person: anne },
      { kind: 'text', text: ', voyez @Personne.' },
    ]);
    expect(messageParts('Sans mention.', [])).toEqual([{ kind: 'text', text: 'Sans mention.' }]);
  });
});

function thread(id: string, overrides: Partial<CommentThread> = {}): CommentThread {
  return {
    id,
    anchor: { kind: 'text', start: 'AAAA', end: 'AAAA', quote: id },
    createdBy: SOPHIE,
    createdAt: '2026-03-02T10:00:00.000Z',
    resolved: null,
    messages: [{ id: `${id}message`, author: SOPHIE, text: 'Texte', mentions: [], createdAt: '2026-03-02T10:00:00.000Z' }],
    ...overrides,
  };
}

describe('the thread list', () => {
  const resolved = { by: CLAIRE, at: '2026-03-02T11:00:00.000Z' };
  const threads = [
    thread('premier'),
    thread('second', { messages: [{ id: 'm2', author: SOPHIE, text: '@Claire Vasseur ?', mentions: [CLAIRE], createdAt: '2026-03-02T10:00:00.000Z' }] }),
    thread('troisieme', { resolved }),
    thread('quatrieme'),
    thread('cinquieme'),
  ];
  const places = passagePlaces(new Map([
    ['premier', { from: 40, to: 50 }],
    ['second', { from: 5, to: 9 }],
    ['troisieme', { from: 1, to: 3 }],
    ['quatrieme', { from: 20, to: 20 }],
  ]));

  it('lists open threads in the order of their passages, deleted passages where they were, unknown ones last', () => {
    const listed = listThreads(threads, places, 'open', CLAIRE.id);
    expect(listed.map((entry) => entry.thread.id)).toEqual(['second', 'quatrieme', 'premier', 'cinquieme']);
    expect(listed.map((entry) => entry.deleted)).toEqual([false, true, false, false]);
    expect(listed.map((entry) => entry.mentionsMe)).toEqual([true, false, false, false]);
  });

  it('lists resolved threads apart', () => {
    expect(listThreads(threads, places, 'resolved', CLAIRE.id).map((entry) => entry.thread.id)).toEqual(['troisieme']);
    expect(listThreads(threads, passagePlaces(new Map([['premier', null]])), 'open', CLAIRE.id)[0]).toMatchObject({ deleted: true });
  });

  it('announces only threads new since last time and opened by someone else', () => {
    const mine = thread('mienne', { createdBy: CLAIRE });
    expect(arrivals(new Set(['premier']), [thread('premier'), thread('nouvelle'), mine], CLAIRE.id).map((entry) => entry.id)).toEqual(['nouvelle']);
  });
});

describe('relative times', () => {
  const now = Date.parse('2026-03-02T12:00:00.000Z');
  it('say how long ago in French and English', () => {
    expect(relativeTime('2026-03-02T11:59:50.000Z', now, 'fr')).toBe('maintenant');
    expect(relativeTime('2026-03-02T12:00:05.000Z', now, 'fr')).toBe('maintenant');
    expect(relativeTime('2026-03-02T11:55:00.000Z', now, 'fr')).toBe('il y a 5 minutes');
    expect(relativeTime('2026-03-02T09:00:00.000Z', now, 'fr')).toBe('il y a 3 heures');
    expect(relativeTime('2026-03-01T10:00:00.000Z', now, 'fr')).toBe('hier');
    expect(relativeTime('2025-12-01T10:00:00.000Z', now, 'fr')).toBe('il y a 3 mois');
    expect(relativeTime('2026-03-02T11:55:00.000Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('pas une date', now, 'fr')).toBe('pas une date');
  });
});
