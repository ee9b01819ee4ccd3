import { describe, expect, it } from 'vitest';
import type { ActivityView } from '@eprouvette/shared';
import { t, type MessageKey, type MessageParams } from '../i18n/index.ts';
import { activitySentence, aroundBoard } from './activity-sentence.ts';

/** French, with its no-break spaces read as spaces so that the expectations stay legible. */
const fr = (key: MessageKey, params?: MessageParams) => t(key, params, 'fr').replace(/\u00a0/g, ' ');
const common = { id: '1', at: '2026-10-01T09:00:00.000Z', actor: { id: 'usrclaireaaaaaaa', name: 'Claire Vasseur' } };
const onBoard = { ...common, board: { id: 'boardaaaaaaaaaaa', title: 'Capteurs acoustiques de fuites' } };
const onAmi = { ...common, board: null };

describe('activitySentence', () => {
  it.each<[ActivityView, string]>([
    [{ ...onBoard, kind: 'board.created', data: { title: 'x', kind: 'proposition', template: null } }, 'Claire Vasseur a créé le tableau « {board} »'],
    [
      { ...onBoard, kind: 'board.created', data: { title: 'x', kind: 'atelier', template: { id: 'tplaaaaaaaaaaaaa', title: 'Fiche fuites' } } },
      'Claire Vasseur a créé le tableau « {board} » à partir du modèle « Fiche fuites »',
    ],
    [{ ...onBoard, kind: 'comment.thread', data: { threadId: 'thraaaaaaaaaaaaa', excerpt: '…' } }, 'Claire Vasseur a ouvert une discussion sur le tableau « {board} »'],
    [{ ...onAmi, kind: 'comment.reply', data: { threadId: 'thraaaaaaaaaaaaa', excerpt: '…' } }, 'Claire Vasseur a répondu à une discussion sur le texte de l’AMI'],
    [{ ...onBoard, kind: 'comment.resolved', data: { threadId: 'thraaaaaaaaaaaaa', excerpt: '…' } }, 'Claire Vasseur a résolu une discussion sur le tableau « {board} »'],
    [{ ...onAmi, kind: 'comment.reopened', data: { threadId: 'thraaaaaaaaaaaaa', excerpt: '…' } }, 'Claire Vasseur a rouvert une discussion sur le texte de l’AMI'],
    [{ ...onAmi, kind: 'ami.status', data: { from: 'ateliers', to: 'selection' } }, 'Claire Vasseur a fait passer l’AMI au statut « Sélection / évaluation »'],
    [{ ...onBoard, kind: 'version.named', data: { versionId: 'veraaaaaaaaaaaa', label: 'envoyée au comité' } }, 'Claire Vasseur a nommé une version du tableau « {board} » : « envoyée au comité »'],
    [{ ...onAmi, kind: 'version.restored', data: { versionId: 'veraaaaaaaaaaaa', label: null, versionAt: '2026-09-30T09:00:00.000Z' } }, 'Claire Vasseur a restauré une version du texte de l’AMI'],
    [{ ...onAmi, kind: 'scores.published', data: {} }, 'Claire Vasseur a publié les résultats de l’évaluation'],
    [{ ...onBoard, kind: 'template.published', data: { templateId: 'tplaaaaaaaaaaaaa', title: 'Fiche fuites' } }, 'Claire Vasseur a publié le modèle « Fiche fuites » à partir du tableau « {board} »'],
  ])('%#: %s', (event, sentence) => {
    expect(activitySentence(event, fr)).toBe(sentence);
  });

  it('names a deleted account « Un ancien membre »', () => {
    expect(activitySentence({ ...onAmi, actor: null, kind: 'scores.published', data: {} }, fr)).toBe('Un ancien membre a publié les résultats de l’évaluation');
  });
});

describe('aroundBoard', () => {
  it('cuts the sentence where the board’s title goes', () => {
    expect(aroundBoard('Claire a créé le tableau « {board} » hier')).toEqual({ before: 'Claire a créé le tableau « ', after: ' » hier' });
    expect(aroundBoard('Claire a publié les résultats')).toBeNull();
  });
});
