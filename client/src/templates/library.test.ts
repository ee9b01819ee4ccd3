import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShapes, BOARD_JSON_FORMAT, bounds, readBoard, type BoardJson } from '@eprouvette/shared';
import { connector, frame, glued, idSequence, sticky } from '../../../shared/src/board/testing.ts';
import { insertLibraryTemplate } from './library-insertion.ts';
import { domainFirst } from './library-order.ts';

describe('domainFirst', () => {
  it('puts the templates of the AMI’s domain first, keeping the order within each group', () => {
    const templates = [
      { id: 'a', domain: { slug: 'gestion-dechets' } },
      { id: 'b', domain: { slug: 'gestion-eau' } },
      { id: 'c', domain: { slug: 'pilotage-energetique' } },
      { id: 'd', domain: { slug: 'gestion-eau' } },
    ];
    expect(domainFirst(templates, 'gestion-eau').map((template) => template.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(domainFirst(templates, 'attractivite-touristique').map((template) => template.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('insertLibraryTemplate', () => {
  const next = idSequence(300);
  const [sheet, note, other, arrow, loose] = [next(), next(), next(), next(), next()];
  const content: BoardJson = {
    format: BOARD_JSON_FORMAT,
    version: 1,
    shapes: [
      frame(sheet, { x: 1000, y: 1000, w: 800, h: 600, z: 'a', title: 'Fiche expérimentation' }),
      sticky(note, { x: 1040, y: 1100, z: 'b', parent: sheet, text: 'Compteurs communicants' }),
      sticky(other, { x: 1400, y: 1100, z: 'c', parent: sheet, text: 'Alerte après 48 h' }),
      connector(arrow, glued(note), glued(other), { x: 1240, y: 1200, w: 160, h: 0, z: 'd' }),
      sticky(loose, { x: 2000, y: 1000, z: 'e', text: 'Hors cadre' }),
    ],
  };

  it('centres the template on the view with new ids, credited to whoever inserts it, and returns its outermost shapes', () => {
    const doc = new Y.Doc();
    addShapes(doc, [sticky(next(), { z: 'zzz' })], 'local');
    const outer = insertLibraryTemplate(doc, content, { center: { x: 0, y: 0 }, author: 'moi', newId: next, origin: 'local' });
    const shapes = readBoard(doc).shapes;
    const inserted = shapes.filter((shape) => shape.author === 'moi');
    expect(inserted).toHaveLength(content.shapes.length);
    expect(inserted.some((shape) => content.shapes.some((original) => original.id === shape.id))).toBe(false);
    // Centred on the view, whole world units.
    const area = bounds(inserted)!;
    expect({ x: area.x + area.w / 2, y: area.y + area.h / 2 }).toEqual({ x: 0, y: 0 });
    // What belongs to no frame is what the picker selects (arrows belong to none); the notes stay in the frame.
    expect(outer.map((id) => shapes.find((shape) => shape.id === id)!.type).sort()).toEqual(['connector', 'frame', 'sticky']);
    const newFrame = inserted.find((shape) => shape.type === 'frame')!;
    expect(inserted.filter((shape) => shape.parent === newFrame.id)).toHaveLength(2);
    // Above what was there.
    expect(shapes.at(-1)!.author).toBe('moi');
  });
});
