/**
 * Form building blocks: a visible label for every control, help and error tied to it with
 * `aria-describedby`, `aria-invalid` on fields in error (the form's own message goes to an
 * `ActionAlert`).
 */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';
import type { FormState } from './use-form.ts';

export interface ControlProps {
  id: string;
  name: string;
  className: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  help?: string;
  /** Renders the control with the ids and ARIA attributes it needs. */
  children: (control: ControlProps) => ReactNode;
}

function FieldError({ id, message }: { id: string; message: string }) {
  const { t } = useI18n();
  return (
    <p className="field__error" id={id}>
      <span className="field__error-prefix">{t('form.errorPrefix')}</span> {message}
    </p>
  );
}

export function Field({ form, name, label, help, children }: FieldProps) {
  const id = useId();
  const error = form.fieldError(name);
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {help && (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {error && <FieldError id={`${id}-error`} message={error} />}
      {children({ id, name, className: 'field__input', 'aria-invalid': error !== undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

interface CheckboxProps {
  form: FormState;
  name: string;
  label: string;
  help?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ form, name, label, help, checked, onChange }: CheckboxProps) {
  const id = useId();
  const error = form.fieldError(name);
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        name={name}
        type="checkbox"
        className="checkbox"
        checked={checked}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label className="field__label field__label--inline" htmlFor={id}>
          {label}
        </label>
        {help && (
          <p className="field__help" id={`${id}-help`}>
            {help}
          </p>
        )}
        {error && <FieldError id={`${id}-error`} message={error} />}
      </div>
    </div>
  );
}

interface ChoiceGroupProps<V extends string> {
  form: FormState;
  name: string;
  legend: string;
  type: 'radio' | 'checkbox';
  options: readonly { value: V; label: string }[];
  selected: readonly V[];
  onChange: (selected: V[]) => void;
}

/** Radio buttons or checkboxes under one `<fieldset>` and `<legend>`. */
export function ChoiceGroup<V extends string>({ form, name, legend, type, options, selected, onChange }: ChoiceGroupProps<V>) {
  const id = useId();
  const error = form.fieldError(name);
  const toggle = (value: V, checked: boolean) => {
    if (type === 'radio') onChange([value]);
    else onChange(checked ? [...selected, value] : selected.filter((item) => item !== value));
  };
  return (
    <fieldset className="field choice-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{legend}</legend>
      {error && <FieldError id={`${id}-error`} message={error} />}
      <div className="choice-group__options">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type={type}
              name={name}
              value={option.value}
              className={type === 'radio' ? 'radio' : 'checkbox'}
              checked={selected.includes(option.value)}
              aria-invalid={error !== undefined}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SubmitButton({ form, children, className = 'button' }: { form: FormState; children: ReactNode; className?: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" className={className} disabled={form.sending}>
      {form.sending ? t('form.sending') : children}
    </button>
  );
}
