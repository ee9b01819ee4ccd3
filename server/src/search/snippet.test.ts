import { describe, expect, it } from 'vitest';
import { queryStems } from './french-words.ts';
import { markWords, SNIPPET_LENGTH, snippet } from './snippet.ts';

const marked = (parts: { text: string; marked: boolean }[]) => parts.filter((part) => part.marked).map((part) => part.text);
const joined = (parts: { text: string }[]) => parts.map((part) => part.text).join('');

describe('markWords', () => {
  it('marks every form of the words searched for, accents and case aside, and keeps the text whole', () => {
    const text = 'Des Capteurs acoustiques posés sur le réseau : un capteur par secteur.';
    const parts = markWords(text, queryStems('capteur reseaux'));
    expect(marked(parts)).toEqual(['Capteurs', 'réseau', 'capteur']);
    expect(joined(parts)).toBe(text);
  });

  it('never marks the little words, even when searched for', () => {
    expect(marked(markWords('La fuite de la conduite', ['la', 'fuit']))).toEqual(['fuite']);
  });
});

describe('snippet', () => {
  it('shows a short text whole, on one line', () => {
    expect(snippet('Télérelève des compteurs\navec alerte', queryStems('compteurs'))).toEqual([
      { text: 'Télérelève des ', marked: false },
      { text: 'compteurs', marked: true },
      { text: ' avec alerte', marked: false },
    ]);
  });

  it('cuts a long text around the first word found, at word boundaries, with an ellipsis where cut', () => {
    const before = 'Contexte général du programme régional. '.repeat(10);
    const after = ' Les sondes mesurent aussi la température du sol. '.repeat(10);
    const parts = snippet(`${before}Les capteurs d’humidité du sol pilotent l’arrosage.${after}`, queryStems('arrosage'));
    const text = joined(parts);
    expect(marked(parts)).toEqual(['arrosage']);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    // Whole words on both sides of the cuts.
    expect(text).toMatch(/^…[A-Za-zÀ-ÿ]/);
    expect(text).toMatch(/[a-zà-ÿ.]…$/);
    // The context before the word found is kept.
    expect(text).toContain('Les capteurs d’humidité du sol pilotent l’');
  });

  it('starts a long text at its beginning when no word is found in it (a match on the title)', () => {
    const text = 'Appel à manifestation d’intérêt. '.repeat(20);
    const parts = snippet(text, queryStems('capteurs'));
    expect(joined(parts).startsWith('Appel à manifestation')).toBe(true);
    expect(marked(parts)).toEqual([]);
  });
});
