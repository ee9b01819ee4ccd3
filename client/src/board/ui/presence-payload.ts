/**
 * What a participant tells the others about their board through awareness (the `board` field of
 * their state, beside `user`): where their pointer is, what they selected, and their gesture under
 * way, so that a drag moves live for everyone while the document changes once, on drop. Sizes are
 * capped so that selecting everything does not send megabytes 20 times a second, and what peers
 * send is validated: awareness comes from other browsers, and is not trusted.
 */
import { z } from 'zod';
import { drawSchema, endpointSchema, MAX_COORDINATE, MAX_SIZE, shapeIdSchema, shapeSchema } from '@eprouvette/shared';
import type { Point } from '../engine/geometry/math.ts';
import type { Preview } from '../engine/preview.ts';
import type { Selection } from '../engine/selection.ts';
import { limitPoints } from '../engine/tools/pen.ts';
import type { RemotePeer } from '../render/peer.ts';
import { sanitizeIdentity } from '../../sync/identity.ts';

export const PRESENCE_FIELD = 'board';
/** A selection or a gesture over more shapes than this is not shown to the others (it would be too heavy to send). */
export const MAX_SHARED_SHAPES = 500;
/** Points of a stroke being drawn sent to the others: enough to see its shape. */
const MAX_SHARED_STROKE_POINTS = 200;

export interface BoardPresence {
  readonly cursor: Point | null;
  readonly selection: readonly string[];
  readonly preview: Preview | null;
}

function sharedPreview(preview: Preview | null): Preview | null {
  if (preview === null) return null;
  if (preview.kind === 'move') return preview.ids.length > MAX_SHARED_SHAPES ? null : preview;
  if (preview.kind === 'resize') return preview.patches.length > MAX_SHARED_SHAPES ? null : preview;
  if (preview.kind === 'create' && preview.shape.type === 'draw') {
    return { kind: 'create', shape: { ...preview.shape, points: limitPoints(preview.shape.points, MAX_SHARED_STROKE_POINTS) } };
  }
  return preview;
}

/** Our presence on the board, as sent. A read-only participant's gestures change nothing, so are not shown. */
export function boardPresence(cursor: Point | null, selection: Selection, preview: Preview | null, readOnly: boolean): BoardPresence {
  return {
    cursor,
    selection: selection.size > MAX_SHARED_SHAPES ? [] : [...selection],
    preview: readOnly && preview?.kind !== 'marquee' ? null : sharedPreview(preview),
  };
}

const coordinate = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);
const size = z.number().finite().min(0).max(MAX_SIZE);
const pointSchema = z.object({ x: coordinate, y: coordinate });
const boxSchema = z.object({ x: coordinate, y: coordinate, w: size, h: size });
/** What a resize changes: the box, and the points or free ends it scales with it. Other keys are dropped. */
const resizeChangesSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  w: size.optional(),
  h: size.optional(),
  points: drawSchema.shape.points.optional(),
  start: endpointSchema.optional(),
  end: endpointSchema.optional(),
});
/** A shape being drawn has no z yet; one is lent for validation and never used. */
const newShapeSchema = z.unknown().transform((value, context) => {
  const result = typeof value === 'object' && value !== null ? shapeSchema.safeParse({ ...value, z: 'a1' }) : null;
  if (result?.success !== true) {
    context.addIssue({ code: 'custom', message: 'forme invalide' });
    return z.NEVER;
  }
  return result.data;
});
const previewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('marquee'), rect: boxSchema }),
  z.object({ kind: z.literal('move'), ids: z.array(shapeIdSchema).max(MAX_SHARED_SHAPES), dx: coordinate, dy: coordinate }),
  z.object({ kind: z.literal('resize'), patches: z.array(z.object({ id: shapeIdSchema, changes: resizeChangesSchema })).max(MAX_SHARED_SHAPES) }),
  z.object({ kind: z.literal('create'), shape: newShapeSchema }),
]);
const presenceSchema = z.object({
  cursor: pointSchema.nullable().catch(null),
  selection: z.array(shapeIdSchema).max(MAX_SHARED_SHAPES).catch([]),
  preview: previewSchema.nullable().catch(null),
});

const NO_PRESENCE: BoardPresence = { cursor: null, selection: [], preview: null };

/**
 * The other participants as the board shows them. Each state object is read once: awareness
 * replaces a peer's state when it changes, so unchanged peers cost nothing at the next event.
 */
export class PeerReader {
  private readonly read = new WeakMap<object, RemotePeer | null>();

  peers(states: ReadonlyMap<number, unknown>, self: number): RemotePeer[] {
    const peers: RemotePeer[] = [];
    for (const [clientId, state] of states) {
      if (clientId === self || typeof state !== 'object' || state === null) continue;
      let peer = this.read.get(state);
      if (peer === undefined) {
        peer = readPeer(clientId, state as Record<string, unknown>);
        this.read.set(state, peer);
      }
      if (peer !== null) peers.push(peer);
    }
    return peers;
  }
}

function readPeer(clientId: number, state: Record<string, unknown>): RemotePeer | null {
  const identity = sanitizeIdentity(state.user);
  if (identity === null) return null;
  const presence = presenceSchema.safeParse(state[PRESENCE_FIELD]);
  return { clientId, ...identity, ...(presence.success ? presence.data : NO_PRESENCE) };
}
