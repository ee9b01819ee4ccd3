import { describe, expect, it } from 'vitest';
import { shapeSchema } from '@eprouvette/shared';
import { makeShape } from '../engine/testing/shapes.ts';
import { clipboardContent, readPasted, stickyFromText } from './clipboard.ts';

const sticky = makeShape('sticky', { id: 'abcdefghijklmnop', z: 'a1', text: 'Capteurs acoustiques' });
const frame = makeShape('frame', { id: 'bcdefghijklmnopq', z: 'a2', title: 'Idées' });

describe('clipboard', () => {
  it('round-trips shapes, and gives their text to other applications', () => {
    const content = clipboardContent([sticky, frame]);
    expect(content.text).toBe('Capteurs acoustiques\n\nIdées');
    expect(readPasted(content.json, content.text)).toEqual({ kind: 'shapes', shapes: [sticky, frame] });
  });

  it('drops pasted shapes that do not fit the schema, keeps the others', () => {
    const json = JSON.stringify({ type: 'eprouvette/formes', shapes: [sticky, { ...sticky, id: 'x', w: -5 }, 'nonsense'] });
    expect(readPasted(json, null)).toEqual({ kind: 'shapes', shapes: [sticky] });
  });

  it('takes anything else as text, and blank text as nothing', () => {
    expect(readPasted('{"type":"autre"}', '  Relevé à 48 h  ')).toEqual({ kind: 'text', text: 'Relevé à 48 h' });
    expect(readPasted('pas du JSON', null)).toEqual({ kind: 'nothing' });
    expect(readPasted(null, '   ')).toEqual({ kind: 'nothing' });
  });

  it('turns text into a valid yellow sticky by the person pasting', () => {
    const note = stickyFromText('Débit de nuit', 'user1');
    expect(shapeSchema.safeParse(note).success).toBe(true);
    expect(note).toMatchObject({ type: 'sticky', color: 'jaune', text: 'Débit de nuit', author: 'user1' });
  });
});
