import { z } from 'zod';
import type { Shape } from '@eprouvette/shared';
import { ID_BYTES, idFromRandomBytes, keysBetween, seededRandom } from '@eprouvette/shared';

/**
 * The benchmark scene of issue 4: a generated board of N mixed shapes laid on a grid over a
 * 10,000 × 6,000 world — 25 % sticky notes and 25 % rectangles with a short text, 20 % ellipses
 * and diamonds, 15 % arrows bound to two neighbouring shapes, 15 % freehand strokes of 20–50
 * points — or the same format loaded from a JSON file (`?scene=URL`), so other boards can be
 * measured on identical input.
 */
export const benchSceneSchema = z.object({
  shapes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['note', 'rect', 'ellipse', 'diamond', 'draw']),
      x: z.number(),
      y: z.number(),
      w: z.number(),
      h: z.number(),
      text: z.string().optional(),
      points: z.array(z.tuple([z.number(), z.number()])).optional(),
    }),
  ),
  arrows: z.array(z.object({ id: z.string(), from: z.number().int().min(0), to: z.number().int().min(0) })),
});

export type BenchScene = z.infer<typeof benchSceneSchema>;

const WORLD = { width: 10_000, height: 6_000 };
const WORDS = ['Capteur', 'Fuite', 'LoRaWAN', 'Débit de nuit', 'Télérelève', 'Rendement', 'Sonde', 'Alerte 48 h', 'Compteur', 'Secteur'];

export function generateBenchScene(n: number, seed = 1): BenchScene {
  const random = seededRandom(seed);
  const arrowCount = Math.round(n * 0.15);
  const placed = n - arrowCount;
  const columns = Math.ceil(Math.sqrt((placed * WORLD.width) / WORLD.height));
  const rows = Math.ceil(placed / columns);
  const cell = { w: WORLD.width / columns, h: WORLD.height / rows };
  const size = Math.min(cell.w, cell.h) * 0.7;
  const shapes: BenchScene['shapes'] = [];
  // Kinds in the proportions among the placed shapes (arrows are counted apart).
  const kindFor = (index: number): BenchScene['shapes'][number]['kind'] => {
    const share = (index / placed) * 0.85;
    if (share < 0.25) return 'note';
    if (share < 0.5) return 'rect';
    if (share < 0.6) return 'ellipse';
    if (share < 0.7) return 'diamond';
    return 'draw';
  };
  for (let index = 0; index < placed; index++) {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const kind = kindFor(index);
    const x = column * cell.w + (cell.w - size) / 2;
    const y = row * cell.h + (cell.h - size) / 2;
    const shape: BenchScene['shapes'][number] = { id: `s${index}`, kind, x, y, w: size, h: size };
    if (kind === 'note' || kind === 'rect') shape.text = `${WORDS[index % WORDS.length]} ${index}`;
    if (kind === 'draw') {
      const count = 20 + Math.floor(random() * 31);
      shape.points = Array.from({ length: count }, (_, i) => [(i / (count - 1)) * size, size / 2 + Math.sin(i / 3 + random()) * size * 0.35] as [number, number]);
    }
    shapes.push(shape);
  }
  // Arrows shuffled over the grid so that their index matches the 'placed' order after mixing.
  shuffle(shapes, random);
  const arrows: BenchScene['arrows'] = [];
  for (let index = 0; index < arrowCount && shapes.length > 1; index++) {
    const from = Math.floor(random() * (shapes.length - 1));
    arrows.push({ id: `a${index}`, from, to: from + 1 });
  }
  return { shapes, arrows };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** Valid board ids from a counter (stable across runs): the index in the last bytes, a tag in the first. */
function benchId(tag: number, index: number): string {
  const bytes = new Uint8Array(ID_BYTES);
  bytes[0] = tag;
  new DataView(bytes.buffer).setUint32(ID_BYTES - 4, index);
  return idFromRandomBytes(bytes);
}

/** The scene as board shapes (the real schema), bottom to top in scene order, arrows on top. */
export function benchSceneToShapes(scene: BenchScene): Shape[] {
  const ids = scene.shapes.map((_, index) => benchId(1, index));
  const z = keysBetween(null, null, scene.shapes.length + scene.arrows.length);
  const base = (index: number) => ({ parent: null, locked: false, author: 'bench', z: z[index]! });
  const shapes: Shape[] = scene.shapes.map((shape, index): Shape => {
    const box = { id: ids[index]!, x: shape.x, y: shape.y, w: shape.w, h: shape.h, ...base(index) };
    switch (shape.kind) {
      case 'note':
        return { ...box, type: 'sticky', color: 'jaune', text: shape.text ?? '' };
      case 'draw':
        return { ...box, type: 'draw', stroke: 'bleu', thickness: 4, points: (shape.points ?? [[0, 0]]).map(([px, py]) => [px, py, 0.5] as [number, number, number]) };
      default:
        return { ...box, type: shape.kind, fill: 'aucun', stroke: 'noir', text: shape.text ?? '' };
    }
  });
  scene.arrows.forEach((arrow, index) => {
    const from = scene.shapes[arrow.from];
    const to = scene.shapes[arrow.to];
    if (from === undefined || to === undefined) return;
    const x = Math.min(from.x + from.w / 2, to.x + to.w / 2);
    const y = Math.min(from.y + from.h / 2, to.y + to.h / 2);
    shapes.push({
      id: benchId(2, index),
      type: 'connector',
      x,
      y,
      w: Math.abs(to.x - from.x),
      h: Math.abs(to.y - from.y),
      ...base(scene.shapes.length + index),
      start: { kind: 'shape', shapeId: ids[arrow.from]!, ax: 1, ay: 0.5 },
      end: { kind: 'shape', shapeId: ids[arrow.to]!, ax: 0, ay: 0.5 },
      stroke: 'noir',
      arrowStart: false,
      arrowEnd: true,
      text: '',
    });
  });
  return shapes;
}
