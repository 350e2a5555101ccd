/**
 * Entry point of the web console, kept free of React and antd so that it runs as soon as it arrives: it sends
 * the session request and the opening page's first data requests (api/early.ts) and fetches the opening
 * page's chunks while the framework chunks (preloaded by index.html) are still downloading, then starts the
 * app (start.tsx). Until the app's first render, index.html shows a spinner of its own.
 */
import { sendEarly } from './api/early';
import { openingRequests, preloadOpeningPage } from './routes';

for (const path of openingRequests(window.location.pathname)) sendEarly(path);
preloadOpeningPage(window.location.pathname);
void import('./start');
