/**
 * The state every form shares: sending (submit disabled meanwhile), a general error for the
 * `role="alert"` region, and one message per field. After a failed attempt, focus goes to the
 * first field in error so that keyboard and screen-reader users land on what to fix.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { ApiFailure } from '../api/errors.ts';
import { useI18n } from '../i18n/index.ts';

export interface FormState {
  formRef: RefObject<HTMLFormElement | null>;
  sending: boolean;
  message: string | null;
  fieldError(name: string): string | undefined;
  /** Wraps the submit handler: no double submission, errors cleared before each attempt. */
  handle(action: () => Promise<void>): (event: FormEvent<HTMLFormElement>) => void;
  /** Values refused by the shared schema, before sending. */
  invalid(fields: Record<string, string>): void;
  /** The server refused, or could not be reached. */
  failed(failure: ApiFailure): void;
  /** The person changed a field in error: its message goes (and the general one with the last). */
  corrected(name: string): void;
}

interface Errors {
  message: string | null;
  fields: Record<string, string>;
  /** Bumped on every failure, so focus moves again even when the messages are the same. */
  attempt: number;
}

export function useForm(): FormState {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const mounted = useRef(true);
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<Errors>({ message: null, fields: {}, attempt: 0 });

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (errors.attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors.attempt]);

  const report = useCallback((message: string, fields: Record<string, string>) => {
    // A message about the whole form (`_`) has no field to sit next to.
    const whole = fields._;
    setErrors((previous) => ({ message: whole ? `${message} ${whole}` : message, fields, attempt: previous.attempt + 1 }));
  }, []);

  const handle = useCallback(
    (action: () => Promise<void>) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (sending) return;
      setSending(true);
      setErrors((previous) => ({ message: null, fields: {}, attempt: previous.attempt }));
      void action().finally(() => {
        if (mounted.current) setSending(false);
      });
    },
    [sending],
  );

  return {
    formRef,
    sending,
    message: errors.message,
    fieldError: (name) => errors.fields[name],
    handle,
    invalid: (fields) => report(t('form.invalid'), fields),
    failed: (failure) => report(failure.message, failure.fields),
    corrected: (name) =>
      setErrors((previous) => {
        if (!(name in previous.fields)) return previous;
        const { [name]: _fixed, ...fields } = previous.fields;
        return { message: Object.keys(fields).length === 0 ? null : previous.message, fields, attempt: previous.attempt };
      }),
  };
}
