/**
 * Turns what the API answered into what a person reads: the server's French sentence when it sent
 * one, else a plain message for the HTTP status. Nothing else from the answer (an HTML error page
 * from a proxy, a stack trace) ever reaches the page.
 */
import type { MessageKey, Translate } from '../i18n/index.ts';

export interface ApiFailure {
  /** HTTP status, or null when the server could not be reached. */
  status: number | null;
  /** The server's refusal or validation code, when it sent one. */
  code: string | null;
  message: string;
  /** Field path (`organisation.name`, `dates.closesOn`) → French message, for forms. */
  fields: Record<string, string>;
}

/** A sentence longer than this, or spread over lines, is not one of ours: show the status message. */
const MAX_MESSAGE_LENGTH = 400;

function isReadableMessage(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_MESSAGE_LENGTH && !/[\r\n]/.test(value);
}

function statusMessage(status: number): MessageKey {
  if (status === 401) return 'api.error.unauthenticated';
  if (status === 403) return 'api.error.forbidden';
  if (status === 404) return 'api.error.notFound';
  if (status === 409) return 'api.error.conflict';
  if (status === 413) return 'api.error.tooLarge';
  if (status === 429) return 'api.error.rateLimited';
  if (status >= 500) return 'api.error.server';
  return 'api.error.other';
}

export function failureFromAnswer(status: number, body: unknown, t: Translate): ApiFailure {
  const answer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const fields: Record<string, string> = {};
  if (typeof answer.fields === 'object' && answer.fields !== null) {
    for (const [field, message] of Object.entries(answer.fields)) {
      if (isReadableMessage(message)) fields[field] = message;
    }
  }
  return {
    status,
    code: typeof answer.code === 'string' ? answer.code : null,
    message: isReadableMessage(answer.error) ? answer.error : t(statusMessage(status)),
    fields,
  };
}

export function networkFailure(t: Translate): ApiFailure {
  return { status: null, code: null, message: t('api.error.network'), fields: {} };
}
