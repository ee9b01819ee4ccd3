import { describe, expect, it } from 'vitest';
import { makeShape } from '../engine/testing/shapes.ts';
import { STICKY_FONT_SIZE, STICKY_PADDING, LINE_HEIGHT } from '../text/text-style.ts';
import { editedText, textEditBox } from './text-edit-box.ts';

const oneLine = () => 1;
const noShapes = () => undefined;

describe('textEditBox', () => {
  it('covers a sticky on screen, its one line centred as the board draws it', () => {
    const sticky = makeShape('sticky', { id: 's', x: 100, y: 50, w: 200, h: 200, text: 'Fuite' });
    const box = textEditBox(sticky, { x: 0, y: 0, zoom: 2 }, noShapes, oneLine);
    const area = 200 - 2 * STICKY_PADDING;
    expect(box).toMatchObject({ left: 200, top: 100, width: 400, height: 400, fontSize: 2 * STICKY_FONT_SIZE, align: 'center', background: null });
    expect(box?.paddingTop).toBeCloseTo(2 * (STICKY_PADDING + (area - STICKY_FONT_SIZE * LINE_HEIGHT) / 2));
    expect(box?.paddingX).toBe(2 * STICKY_PADDING);
  });

  it('starts at the top of a text shape, with room for the next line', () => {
    const text = makeShape('text', { id: 't', x: 0, y: 0, w: 240, h: 30, fontSize: 24, text: 'Titre' });
    const box = textEditBox(text, { x: 0, y: 0, zoom: 1 }, noShapes, oneLine);
    expect(box).toMatchObject({ paddingTop: 0, paddingX: 0, align: 'left', height: 2 * 24 * LINE_HEIGHT });
  });

  it('edits a frame’s title in its title bar', () => {
    const frame = makeShape('frame', { id: 'f', x: 0, y: 0, w: 960, h: 540, title: 'Défi' });
    expect(textEditBox(frame, { x: 0, y: 0, zoom: 1 }, noShapes, oneLine)).toMatchObject({ height: 32, bold: true, align: 'left' });
    expect(editedText(frame)).toBe('Défi');
  });

  it('puts a connector’s label on a white backing at its middle', () => {
    const arrow = makeShape('connector', { id: 'c', start: { kind: 'point', x: 0, y: 0 }, end: { kind: 'point', x: 400, y: 0 } });
    const box = textEditBox(arrow, { x: 0, y: 0, zoom: 1 }, noShapes, oneLine);
    expect((box?.left ?? 0) + (box?.width ?? 0) / 2).toBeCloseTo(200);
    expect(box?.background).toBe('#ffffff');
  });

  it('has nothing to edit in an image', () => {
    expect(textEditBox(makeShape('image', { id: 'i' }), { x: 0, y: 0, zoom: 1 }, noShapes, oneLine)).toBeNull();
  });
});
