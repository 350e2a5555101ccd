/**
 * Renders the console into the page; loaded by main.tsx. The first render waits for the opening page's chunk
 * and the session answer (both requested by main.tsx, and usually there before this module), so that it
 * shows the page itself rather than a spinner followed by the page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import './i18n';
import { App, prepareFirstRender } from './App';

void prepareFirstRender(window.location.pathname).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
