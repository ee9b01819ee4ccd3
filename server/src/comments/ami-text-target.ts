import { commentsOf, documentName, isId, type DocumentRef } from '@eprouvette/shared';
import { authorizeOnAmi, NOT_FOUND } from '../http/ami-access.ts';
import type { CommentTargetResolver } from './comment-target.ts';
import { textAnchorProblem } from './text-anchor-check.ts';

const NOT_TEXT = 'Un commentaire sur le texte de l’AMI se place sur un passage du texte.';

/** `/api/amis/:amiId/text/comments…`: the AMI's text, commented by its commenters and above (`amiText.comment`). */
export const amiTextTarget: CommentTargetResolver = async (c) => {
  const amiId = c.req.param('amiId') ?? '';
  if (!isId(amiId)) return { ok: false, refusal: NOT_FOUND };
  const { sql, liveDocuments } = c.var.services;
  const loaded = await authorizeOnAmi(sql, c.var.user, amiId, 'amiText.comment');
  if (!loaded.ok) return loaded;
  const text: DocumentRef = { kind: 'ami-text', amiId };
  return {
    ok: true,
    actor: loaded.actor,
    target: {
      amiId,
      commentsDocument: documentName(commentsOf(text)),
      checkAnchor: async (anchor) => (anchor.kind === 'text' ? textAnchorProblem(await liveDocuments.state(documentName(text)), anchor) : NOT_TEXT),
    },
  };
};
