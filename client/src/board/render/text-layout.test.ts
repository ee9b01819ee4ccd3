import { describe, expect, it } from 'vitest';
import type { Measure } from '../text/text-measure.ts';
import { estimatedLineCount, TextLayouts } from './text-layout.ts';

/** Every character is half the font size wide; counts the calls. */
function countingMeasure() {
  const counter = { calls: 0 };
  const measure: Measure = (text, fontSize) => {
    counter.calls++;
    return [...text].length * fontSize * 0.5;
  };
  return { counter, measure };
}

describe('TextLayouts', () => {
  it('wraps to the width and cuts to the height with an ellipsis', () => {
    const { measure } = countingMeasure();
    const layouts = new TextLayouts(measure);
    // 10 px per character at 20 px: 10 characters per 100 px line; 25 px per line, so 2 lines in 50.
    expect(layouts.lines('a', 'capteur acoustique en réseau', 100, Infinity, 20)).toEqual(['capteur', 'acoustique', 'en réseau']);
    expect(layouts.lines('b', 'capteur acoustique en réseau', 100, 50, 20)).toEqual(['capteur', 'acoustiqu…']);
  });

  it('measures each word once, whichever shape it is in', () => {
    const { counter, measure } = countingMeasure();
    const layouts = new TextLayouts(measure);
    layouts.lines('a', 'fuite réseau', 100, Infinity, 20);
    const calls = counter.calls;
    layouts.lines('b', 'réseau fuite', 100, Infinity, 20);
    expect(counter.calls).toBe(calls);
  });

  it('measures a shape’s text once until it changes', () => {
    const { counter, measure } = countingMeasure();
    const layouts = new TextLayouts(measure);
    layouts.lines('a', 'fuite sur le réseau', 100, 100, 20);
    const calls = counter.calls;
    layouts.lines('a', 'fuite sur le réseau', 100, 100, 20);
    expect(counter.calls).toBe(calls);
    layouts.lines('a', 'fuite sur le réseau !', 100, 100, 20);
    expect(counter.calls).toBeGreaterThan(calls);
  });

  it('has no lines for blank text or no room', () => {
    const layouts = new TextLayouts(countingMeasure().measure);
    expect(layouts.lines('a', '   ', 100, 100, 20)).toEqual([]);
    expect(layouts.lines('b', 'texte', 0, 100, 20)).toEqual([]);
  });
});

describe('estimatedLineCount', () => {
  it('guesses lines from the length of each paragraph', () => {
    // 100 / (20 × 0.55) → 9 characters a line.
    expect(estimatedLineCount('capteur acoustique', 100, 20)).toBe(2);
    expect(estimatedLineCount('un\ndeux', 100, 20)).toBe(2);
  });

  it('has no lines for blank text or no room', () => {
    expect(estimatedLineCount('  ', 100, 20)).toBe(0);
    expect(estimatedLineCount('texte', 0, 20)).toBe(0);
  });
});
