/**
 * Entry point of the web console, kept free of React and antd so that it runs as soon as it arrives: it sends
 * the session request and fetches the opening page's chunk while the framework chunks (preloaded by
 * index.html) are still downloading, then starts the app (start.tsx). Until the app's first render, index.html
 * shows a spinner of its own.
 */
import { startSessionRequest } from './auth/early-session';
import { preloadOpeningPage } from './routes';

startSessionRequest();
preloadOpeningPage(window.location.pathname);
void import('./start');
