import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
// The board benchmark page (served only with EPROUVETTE_BENCH=1) runs the board alone, outside the app.
if (window.location.pathname === '/bench/board') {
  void import('./board/bench/bench-page.ts').then(({ mountBenchPage }) => mountBenchPage(container));
} else {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
