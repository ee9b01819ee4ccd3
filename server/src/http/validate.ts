import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import type { ApiError } from '@eprouvette/shared';
import { isId } from '@eprouvette/shared';

/** The 400 answer for a body that fails its schema: one French message per field, for forms. */
export function invalidBody(c: Context, error: z.ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const body: ApiError = { error: 'Certains champs sont invalides : corrigez-les puis réessayez.', code: 'invalid-request', fields };
  return c.json(body, 400);
}

/** A part of the request parsed with a shared zod schema; the parsed type flows to the typed `hc` client. */
function parsedWith<const T extends 'json' | 'query', S extends z.ZodType>(target: T, schema: S) {
  return validator(target, (value, c) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return invalidBody(c, parsed.error);
    return parsed.data as z.output<S>;
  });
}

/** JSON body parsed with a shared zod schema. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return parsedWith('json', schema);
}

/** Query parameters parsed with a shared zod schema (a repeated parameter fails: it is not a string). */
export function queryOf<S extends z.ZodType>(schema: S) {
  return parsedWith('query', schema);
}

/**
 * Path parameters that must be ids. A malformed id is answered like an unknown one (404): it
 * cannot name anything, and the answer must not differ from "exists but not yours".
 */
export function idParams<const K extends string>(...names: K[]) {
  return validator('param', (value: Record<string, string>, c) => {
    for (const name of names) {
      if (!isId(value[name])) return c.json({ error: 'Ressource introuvable.', code: 'not-found' } satisfies ApiError, 404);
    }
    return value as Record<K, string>;
  });
}
