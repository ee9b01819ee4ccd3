/** The collaborative board: its shapes, their Yjs layout, and the workshop tools stored with them. */
export * from './schema.ts';
export * from './geometry.ts';
export * from './fractional-index.ts';
export * from './layout.ts';
export type { ShapeChanges, ShapePatch } from './update-plan.ts';
export * from './bindings.ts';
export * from './frames.ts';
export type { TemplateInput } from './template-builder.ts';
export * from './templates.ts';
export * from './board-json.ts';
export * from './workshop.ts';
