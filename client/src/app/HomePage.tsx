import { useId, useState, type FormEvent } from 'react';
import { isValidDocumentName } from '@eprouvette/shared';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { navigate } from './router.tsx';
import { documentPath } from './routes.ts';
import { useDocumentTitle } from './use-document-title.ts';

export function HomePage() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  useDocumentTitle(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    const problem: MessageKey | null =
      trimmed === '' ? 'home.open.error.empty' : isValidDocumentName(trimmed) ? null : 'home.open.error.invalid';
    setError(problem);
    if (problem) {
      document.getElementById(inputId)?.focus();
      return;
    }
    navigate(documentPath(trimmed));
  };

  return (
    <div className="home">
      <section className="hero">
        <h1 id="page-heading" tabIndex={-1} className="hero__title">
          {t('app.name')}
        </h1>
        <p className="hero__tagline">{t('app.tagline')}</p>
      </section>

      <section className="card open-form" aria-labelledby="open-title">
        <h2 id="open-title">{t('home.open.title')}</h2>
        <form onSubmit={submit} noValidate>
          <label className="field__label" htmlFor={inputId}>
            {t('home.open.label')}
          </label>
          <p className="field__help" id={helpId}>
            {t('home.open.help')}
          </p>
          {error && (
            <p className="field__error" id={errorId} role="alert">
              <span className="field__error-prefix">{t('home.open.error.prefix')}</span> {t(error)}
            </p>
          )}
          <div className="field__row">
            <input
              id={inputId}
              name="document"
              className="field__input"
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={128}
              placeholder={t('home.open.placeholder')}
              value={name}
              aria-invalid={error !== null}
              aria-describedby={error ? `${errorId} ${helpId}` : helpId}
              onChange={(event) => {
                setName(event.target.value);
                if (error) setError(null);
              }}
              data-testid="document-name"
            />
            <button type="submit" className="button">
              {t('home.open.submit')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
