/**
 * An event of the AMI's activity said in a sentence: « Claire Vasseur a créé le tableau … ». The
 * board's title is left as `{board}` for the feed to put a link there (`BOARD_SLOT`).
 */
import type { ActivityView } from '@eprouvette/shared';
import type { MessageKey, Translate } from '../i18n/index.ts';

export const BOARD_SLOT = '{board}';

/** On the AMI text (no board) or on a board: the two messages of kinds that can be about either. */
const ON: Record<'comment.thread' | 'comment.reply' | 'comment.resolved' | 'comment.reopened' | 'version.named' | 'version.restored', { board: MessageKey; text: MessageKey }> = {
  'comment.thread': { board: 'activity.comment.thread.board', text: 'activity.comment.thread.text' },
  'comment.reply': { board: 'activity.comment.reply.board', text: 'activity.comment.reply.text' },
  'comment.resolved': { board: 'activity.comment.resolved.board', text: 'activity.comment.resolved.text' },
  'comment.reopened': { board: 'activity.comment.reopened.board', text: 'activity.comment.reopened.text' },
  'version.named': { board: 'activity.version.named.board', text: 'activity.version.named.text' },
  'version.restored': { board: 'activity.version.restored.board', text: 'activity.version.restored.text' },
};

export function activitySentence(event: ActivityView, t: Translate): string {
  const actor = event.actor?.name ?? t('activity.someone');
  switch (event.kind) {
    case 'board.created':
      return event.data.template === null
        ? t('activity.board.created', { actor })
        : t('activity.board.createdFromTemplate', { actor, template: event.data.template.title });
    case 'ami.status':
      return t('activity.ami.status', { actor, status: t(`ami.status.${event.data.to}`) });
    case 'scores.published':
      return t('activity.scores.published', { actor });
    case 'template.published':
      return t('activity.template.published', { actor, template: event.data.title });
    case 'version.named':
      return t(ON[event.kind][event.board === null ? 'text' : 'board'], { actor, label: event.data.label });
    default:
      return t(ON[event.kind][event.board === null ? 'text' : 'board'], { actor });
  }
}

/** The sentence cut around the board's title, for the feed to put a link in between. */
export function aroundBoard(sentence: string): { before: string; after: string } | null {
  const at = sentence.indexOf(BOARD_SLOT);
  return at === -1 ? null : { before: sentence.slice(0, at), after: sentence.slice(at + BOARD_SLOT.length) };
}
