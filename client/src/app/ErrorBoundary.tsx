import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n/index.ts';

interface State {
  failed: boolean;
}

/** Shows a plain French (or English) message instead of a blank page or a stack trace. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For developers only; never shown on the page.
    console.error('Éprouvette :', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="message-page" role="alert">
        <h1 id="page-heading" tabIndex={-1}>
          {t('error.title')}
        </h1>
        <p>{t('error.body')}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>
      </section>
    );
  }
}
