import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles/deck.css';
import { App } from './app/App';

if (__TEST_HOOKS__) {
  // Only in the e2e build: the browser tests reach the numerics through this.
  (window as unknown as { __explorer: object }).__explorer = {
    ml: () => import('./testing/mlTestApi'),
    figures: () => import('./testing/figureTestApi'),
  };
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
