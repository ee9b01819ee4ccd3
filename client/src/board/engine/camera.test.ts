import { describe, expect, it } from 'vitest';
import {
  applyWheel,
  clampZoom,
  fitBounds,
  MAX_ZOOM,
  MIN_ZOOM,
  nextZoomStep,
  panBy,
  previousZoomStep,
  screenToWorld,
  visibleWorld,
  worldToScreen,
  zoomAt,
  zoomIn,
  zoomOut,
  type Camera,
} from './camera.ts';

const viewport = { width: 1000, height: 800 };

describe('transforms', () => {
  const camera: Camera = { x: 100, y: 50, zoom: 2 };

  it('maps world to screen and back', () => {
    expect(worldToScreen(camera, { x: 110, y: 60 })).toEqual({ x: 20, y: 20 });
    expect(screenToWorld(camera, { x: 20, y: 20 })).toEqual({ x: 110, y: 60 });
  });

  it('shows the world rectangle under the viewport', () => {
    expect(visibleWorld(camera, viewport)).toEqual({ x: 100, y: 50, w: 500, h: 400 });
  });
});

describe('panning and zooming', () => {
  it('pans by screen pixels whatever the zoom', () => {
    expect(panBy({ x: 0, y: 0, zoom: 2 }, 100, -40)).toEqual({ x: -50, y: 20, zoom: 2 });
  });

  it('keeps the world point under the cursor fixed when zooming', () => {
    const before: Camera = { x: 30, y: -20, zoom: 1 };
    const cursor = { x: 400, y: 300 };
    const after = zoomAt(before, 2.5, cursor);
    expect(after.zoom).toBe(2.5);
    const anchorBefore = screenToWorld(before, cursor);
    const anchorAfter = screenToWorld(after, cursor);
    expect(anchorAfter.x).toBeCloseTo(anchorBefore.x);
    expect(anchorAfter.y).toBeCloseTo(anchorBefore.y);
  });

  it('clamps zoom between 2 % and 800 %', () => {
    expect(clampZoom(0.001)).toBe(MIN_ZOOM);
    expect(clampZoom(50)).toBe(MAX_ZOOM);
    expect(zoomAt({ x: 0, y: 0, zoom: 1 }, 100, { x: 0, y: 0 }).zoom).toBe(8);
  });

  it('steps through round zoom levels for + and −', () => {
    expect(nextZoomStep(1)).toBe(1.25);
    expect(nextZoomStep(0.9999999)).toBe(1.25);
    expect(nextZoomStep(1.1)).toBe(1.25);
    expect(nextZoomStep(8)).toBe(8);
    expect(previousZoomStep(1)).toBe(0.75);
    expect(previousZoomStep(1.1)).toBe(1);
    expect(previousZoomStep(0.02)).toBe(0.02);
    const zoomed = zoomIn({ x: 0, y: 0, zoom: 1 }, viewport);
    expect(zoomed.zoom).toBe(1.25);
    // Around the viewport's centre.
    expect(screenToWorld(zoomed, { x: 500, y: 400 }).x).toBeCloseTo(500);
    expect(zoomOut(zoomed, viewport).zoom).toBe(1);
  });
});

describe('fitBounds', () => {
  it('centres large content with padding', () => {
    const camera = fitBounds({ x: 0, y: 0, w: 4000, h: 1000 }, viewport);
    expect(camera.zoom).toBeCloseTo((1000 - 128) / 4000);
    const centre = screenToWorld(camera, { x: 500, y: 400 });
    expect(centre.x).toBeCloseTo(2000);
    expect(centre.y).toBeCloseTo(500);
  });

  it('shows small content at 100 %, and copes with an empty box', () => {
    expect(fitBounds({ x: 0, y: 0, w: 200, h: 200 }, viewport).zoom).toBe(1);
    const point = fitBounds({ x: 50, y: 50, w: 0, h: 0 }, viewport);
    expect(point).toEqual({ x: 50 - 500, y: 50 - 400, zoom: 1 });
  });

  it('never zooms out past the minimum', () => {
    expect(fitBounds({ x: 0, y: 0, w: 10_000_000, h: 10 }, viewport).zoom).toBe(MIN_ZOOM);
  });
});

describe('applyWheel', () => {
  const camera: Camera = { x: 0, y: 0, zoom: 1 };
  const wheel = { screen: { x: 100, y: 100 }, deltaX: 0, deltaY: 0, mod: false, shift: false };

  it('pans with a plain wheel or a trackpad swipe', () => {
    expect(applyWheel(camera, { ...wheel, deltaX: 10, deltaY: 30 })).toEqual({ x: 10, y: 30, zoom: 1 });
    expect(applyWheel(camera, { ...wheel, deltaY: 30, shift: true })).toEqual({ x: 30, y: 0, zoom: 1 });
  });

  it('zooms around the cursor with Ctrl/⌘ or a pinch', () => {
    const zoomedIn = applyWheel(camera, { ...wheel, deltaY: -100, mod: true });
    expect(zoomedIn.zoom).toBeCloseTo(Math.exp(0.2));
    expect(screenToWorld(zoomedIn, wheel.screen).x).toBeCloseTo(100);
    expect(applyWheel(camera, { ...wheel, deltaY: 100, mod: true }).zoom).toBeLessThan(1);
  });
});
