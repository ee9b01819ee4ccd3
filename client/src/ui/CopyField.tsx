import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.ts';

/** A read-only value with a copy button; when the clipboard is refused, the value is selected instead. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useI18n();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'selected' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopied('selected');
    }
  };

  return (
    <div className="copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__row">
        <input ref={inputRef} id={id} className="field__input copy-field__input" type="text" readOnly value={value} onFocus={(event) => event.target.select()} data-testid="copy-value" />
        <button type="button" className="button" onClick={() => void copy()}>
          {t('copy.button')}
        </button>
      </div>
      <p role="status" className="copy-field__status">
        {copied === 'copied' && t('copy.done')}
        {copied === 'selected' && t('copy.selected')}
      </p>
    </div>
  );
}
