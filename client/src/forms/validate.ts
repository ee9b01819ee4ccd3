/**
 * Checks a form's values with the same shared schema the server parses them with, so the person
 * sees the server's French messages next to the fields before anything is sent. Field keys are
 * the issue paths joined with dots, as in the server's `fields` answer.
 */
import type { z } from 'zod';

export type Validation<T> = { ok: true; data: T } | { ok: false; fields: Record<string, string> };

export function validate<S extends z.ZodType>(schema: S, value: unknown): Validation<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return { ok: false, fields };
}

/**
 * A whole number typed in a field: `null` when empty, `undefined` when it is not a whole number
 * (the form then says so itself: zod's own message for that case is in English).
 */
export function parseWholeNumber(text: string): number | null | undefined {
  const trimmed = text.replace(/[\s\u00a0\u202f]/g, '');
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}
