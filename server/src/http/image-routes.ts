import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiError } from '@eprouvette/shared';
import { MAX_IMAGE_BYTES } from '@eprouvette/shared';
import { boardResource } from '../access/actors.ts';
import { sniffImage } from '../assets/sniff-image.ts';
import { getBoard } from '../records/boards.ts';
import { getAmiImage, storeImage } from '../records/images.ts';
import { authorizeOnAmi, check, loadAmi, NOT_FOUND } from './ami-access.ts';
import type { AppEnv } from './context.ts';
import { refused } from './refusals.ts';
import { idParams } from './validate.ts';

const HASH = /^[0-9a-f]{64}$/;
const TOO_LARGE: ApiError = { error: `Image trop lourde : ${MAX_IMAGE_BYTES / 1024 / 1024} Mo au plus.`, code: 'too-large' };

/**
 * Board images: uploaded by those who may edit the board, stored once by the SHA-256 of their
 * bytes, typed by their first bytes (PNG, JPEG, GIF, WebP; SVG refused), and served only to members
 * of an AMI they were uploaded to.
 */
export const imageRoutes = new Hono<AppEnv>()
  .post(
    '/:amiId/boards/:boardId/images',
    idParams('amiId', 'boardId'),
    bodyLimit({ maxSize: MAX_IMAGE_BYTES, onError: (c) => c.json(TOO_LARGE, 413) }),
    async (c) => {
      const { sql } = c.var.services;
      const { amiId, boardId } = c.req.valid('param');
      const loaded = await loadAmi(sql, c.var.user, amiId);
      if (!loaded.ok) return refused(c, loaded.refusal);
      const board = await getBoard(sql, amiId, boardId);
      if (board === null) return refused(c, NOT_FOUND);
      const refusal = check(loaded.actor, 'board.editContent', boardResource(loaded.ami, board));
      if (refusal !== null) return refused(c, refusal);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const mime = sniffImage(bytes);
      if (mime === null) {
        return c.json({ error: 'Ce fichier n’est pas une image PNG, JPEG, GIF ou WebP.', code: 'not-an-image' } satisfies ApiError, 415);
      }
      const hash = createHash('sha256').update(bytes).digest('hex');
      await storeImage(sql, { hash, mime, bytes, amiId, uploadedBy: loaded.actor.userId });
      return c.json({ hash, mime, size: bytes.byteLength, url: `/api/amis/${amiId}/images/${hash}` }, 201);
    },
  )
  .get('/:amiId/images/:hash', idParams('amiId'), async (c) => {
    const { sql } = c.var.services;
    const { amiId } = c.req.valid('param');
    const hash = c.req.param('hash');
    const loaded = await authorizeOnAmi(sql, c.var.user, amiId, 'ami.view');
    if (!loaded.ok) return refused(c, loaded.refusal);
    const image = HASH.test(hash) ? await getAmiImage(sql, amiId, hash) : null;
    if (image === null) return refused(c, NOT_FOUND);
    // Immutable by construction (the URL is the content's hash), private to members.
    return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': image.mime,
      'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    });
  });
