import { describe, expect, it } from 'vitest';
import { ToolHarness } from '../testing/tool-harness.ts';
import { makeShape } from '../testing/shapes.ts';
import { boxAround, commitNewShape, dragBox, newShapeBase } from './new-shape.ts';

describe('new shapes', () => {
  it('draws boxes leftwards and upwards, squares with shift', () => {
    expect(dragBox({ x: 10, y: 10 }, { x: 0, y: 30 }, false)).toEqual({ x: 0, y: 10, w: 10, h: 20 });
    expect(dragBox({ x: 10, y: 10 }, { x: 0, y: 30 }, true)).toEqual({ x: -10, y: 10, w: 20, h: 20 });
    expect(dragBox({ x: 0, y: 0 }, { x: 5, y: 0 }, true)).toEqual({ x: 0, y: 0, w: 5, h: 5 });
    expect(boxAround({ x: 100, y: 100 }, 20, 10)).toEqual({ x: 90, y: 95, w: 20, h: 10 });
  });

  it('starts a shape unlocked, by the author, in the frame under its centre', () => {
    const harness = new ToolHarness([makeShape('frame', { id: 'f', x: 0, y: 0, w: 500, h: 500 })]);
    expect(newShapeBase(harness.context, 'n', { x: 10, y: 10, w: 20, h: 20 })).toEqual({
      id: 'n',
      x: 10,
      y: 10,
      w: 20,
      h: 20,
      parent: 'f',
      locked: false,
      author: 'moi',
    });
    expect(newShapeBase(harness.context, 'n', { x: 600, y: 10, w: 20, h: 20 }).parent).toBeNull();
  });

  it('adds in one transaction, selects, returns to the select tool and may open the text', () => {
    const harness = new ToolHarness();
    const note = { ...newShapeBase(harness.context, 'n', { x: 0, y: 0, w: 10, h: 10 }), type: 'sticky', color: 'jaune', text: '' } as const;
    let transactions = 0;
    harness.board.subscribe(() => transactions++);
    commitNewShape(harness.context, note, { editText: true, alongside: () => harness.board.move(['n'], 5, 0) });
    expect(transactions).toBe(1);
    expect(harness.board.get('n')?.x).toBe(5);
    expect(harness.selected()).toEqual(['n']);
    expect(harness.toolChanges).toEqual(['select']);
    expect(harness.intents).toEqual([{ kind: 'edit-text', id: 'n' }]);
  });
});
