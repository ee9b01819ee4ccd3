import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { containingFrame } from './frames.ts';
import { addShapes, moveShapes, readBoard } from './layout.ts';
import { shapeSchema, type Frame, type Shape } from './schema.ts';
import { BOARD_TEMPLATES, carteDesActeurs, feuilleDeRoute, ficheExperimentation, matriceImpactEffort, swot } from './templates.ts';
import { idSequence } from './testing.ts';

const input = () => ({ at: { x: 500, y: -300 }, author: 'animatrice', newId: idSequence(), above: 'z' });

function childFrames(shapes: readonly Shape[], parent: string): Frame[] {
  return shapes.filter((shape): shape is Frame => shape.type === 'frame' && shape.parent === parent);
}

function texts(shapes: readonly Shape[], type: Shape['type']): string[] {
  return shapes.filter((shape) => shape.type === type).map((shape) => ('text' in shape ? shape.text : ''));
}

describe.each(BOARD_TEMPLATES)('the $label template', ({ build }) => {
  const shapes = build(input());
  const root = shapes[0] as Frame;
  const frames = shapes.filter((shape): shape is Frame => shape.type === 'frame');

  it('is valid shapes with unique ids, by the given author, above the board', () => {
    for (const shape of shapes) expect(shapeSchema.parse(shape)).toEqual(shape);
    expect(new Set(shapes.map((shape) => shape.id)).size).toBe(shapes.length);
    expect(shapes.every((shape) => shape.author === 'animatrice' && shape.z > 'z')).toBe(true);
  });

  it('is one titled frame at the drop point, painted before its content', () => {
    expect(root).toMatchObject({ type: 'frame', x: 500, y: -300, parent: null });
    expect(root.title).not.toBe('');
    expect(shapes.slice(1).every((shape) => shape.z > root.z)).toBe(true);
  });

  it('lays every shape out inside the frame it belongs to, arrows inside the template', () => {
    for (const shape of shapes.slice(1)) {
      const parent = shape.type === 'connector' ? root : (frames.find((frame) => frame.id === shape.parent) as Frame);
      expect(shape.type === 'connector' ? shape.parent === null : shape.parent !== null, shape.id).toBe(true);
      expect(shape.x >= parent.x && shape.y >= parent.y, shape.id).toBe(true);
      expect(shape.x + shape.w <= parent.x + parent.w && shape.y + shape.h <= parent.y + parent.h, shape.id).toBe(true);
      if (shape.type !== 'connector') expect(containingFrame(shape, frames)?.id).toBe(shape.parent);
    }
  });

  it('moves as one piece when its frame is moved', () => {
    const doc = new Y.Doc();
    addShapes(doc, shapes, 'local');
    moveShapes(doc, [root.id], 100, 50, 'local');
    const moved = readBoard(doc).shapes;
    expect(moved.map((shape) => [shape.id, shape.x, shape.y])).toEqual(shapes.map((shape) => [shape.id, shape.x + 100, shape.y + 50]));
  });

  it('reads back whole from a document', () => {
    const doc = new Y.Doc();
    addShapes(doc, shapes, 'local');
    expect(readBoard(doc)).toEqual({ shapes, rejected: [] });
  });
});

describe('template contents', () => {
  it('Fiche expérimentation has a titled cell per section, with prompts', () => {
    const shapes = ficheExperimentation(input());
    expect(shapes[0]).toMatchObject({ title: 'Fiche expérimentation' });
    expect(texts(shapes, 'text')).toEqual([
      'Défi',
      'Solutions existantes',
      'Situation idéale',
      'Objectif',
      'Usagers et bénéficiaires',
      'Capteurs et données',
      'Ce qui aide / ce qui freine',
      'Indicateurs de réussite',
      'Budget et calendrier',
      "Conditions d'essaimage",
    ]);
    expect(texts(shapes, 'sticky')).toHaveLength(11);
  });

  it('SWOT has its four quadrants', () => {
    const shapes = swot(input());
    expect(childFrames(shapes, (shapes[0] as Shape).id).map((frame) => frame.title)).toEqual(['Forces', 'Faiblesses', 'Opportunités', 'Menaces']);
    expect(texts(shapes, 'sticky')).toHaveLength(4);
  });

  it('Matrice impact / effort has four quadrants and its two labelled axes', () => {
    const shapes = matriceImpactEffort(input());
    expect(childFrames(shapes, (shapes[0] as Shape).id).map((frame) => frame.title)).toEqual([
      'Gains rapides',
      'Projets majeurs',
      'Petites améliorations',
      'À éviter',
    ]);
    const axes = shapes.filter((shape) => shape.type === 'connector');
    expect(axes.map((axis) => axis.text)).toEqual(['Impact', 'Effort']);
    // Impact points up, effort points right.
    const [impact, effort] = axes;
    expect(impact?.start.kind === 'point' && impact.end.kind === 'point' && impact.end.y < impact.start.y).toBe(true);
    expect(effort?.start.kind === 'point' && effort.end.kind === 'point' && effort.end.x > effort.start.x).toBe(true);
  });

  it('Carte des acteurs has a group per stakeholder family', () => {
    const shapes = carteDesActeurs(input());
    expect(childFrames(shapes, (shapes[0] as Shape).id).map((frame) => frame.title)).toEqual([
      'Élus',
      'Services',
      'Délégataire',
      'Usagers',
      'Experts',
      'Financeurs',
    ]);
  });

  it('Feuille de route is phases left to right joined by glued arrows', () => {
    const shapes = feuilleDeRoute(input());
    const phases = childFrames(shapes, (shapes[0] as Shape).id);
    expect(phases.map((frame) => frame.title)).toEqual(['1. Préparer', '2. Installer les capteurs', '3. Expérimenter', '4. Évaluer', '5. Essaimer']);
    expect(phases.every((phase, i) => i === 0 || phase.x > (phases[i - 1] as Frame).x + (phases[i - 1] as Frame).w)).toBe(true);
    const arrows = shapes.filter((shape) => shape.type === 'connector');
    expect(arrows.map((arrow) => [arrow.start, arrow.end])).toEqual(
      phases.slice(1).map((phase, i) => [
        { kind: 'shape', shapeId: (phases[i] as Frame).id, ax: 1, ay: 0.5 },
        { kind: 'shape', shapeId: phase.id, ax: 0, ay: 0.5 },
      ]),
    );
  });
});
