import { describe, expect, it } from 'vitest';
import { t as translate } from '../i18n/index.ts';
import { authorList, versionByline, versionTitle } from './version-label.ts';

const t = (key: Parameters<typeof translate>[0], params?: Parameters<typeof translate>[1]) => translate(key, params, 'fr');
const claire = { id: 'aaaaaaaaaaaaaaaa', name: 'Claire Vasseur' };
const julien = { id: 'bbbbbbbbbbbbbbbb', name: 'Julien Lefebvre' };
const gone = { id: 'cccccccccccccccc', name: null };

describe('version labels', () => {
  it('name named versions by their label and the others by their kind', () => {
    expect(versionTitle({ kind: 'named', label: 'envoyée au comité de sélection' }, t)).toBe('envoyée au comité de sélection');
    expect(versionTitle({ kind: 'auto', label: null }, t)).toBe('Enregistrement automatique');
    expect(versionTitle({ kind: 'before-restore', label: null }, t)).toBe('Avant restauration');
  });

  it('list authors in French, deleted accounts included', () => {
    expect(authorList([claire], t)).toBe('Claire Vasseur');
    expect(authorList([claire, julien], t)).toBe('Claire Vasseur et Julien Lefebvre');
    expect(authorList([claire, julien, gone], t)).toBe('Claire Vasseur, Julien Lefebvre et compte supprimé');
  });

  it('say who wrote or who named the version, and nothing when nobody did', () => {
    expect(versionByline({ kind: 'auto', authors: [claire, julien] }, t)).toBe('Modifications de Claire Vasseur et Julien Lefebvre');
    expect(versionByline({ kind: 'named', authors: [julien] }, t)).toBe('Nommée par Julien Lefebvre');
    expect(versionByline({ kind: 'before-restore', authors: [] }, t)).toBeNull();
  });
});
