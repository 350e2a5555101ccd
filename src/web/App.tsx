/**
 * Providers (antd theme and locale, TanStack Query, router) and the routes of routes.ts. Every page, and the
 * shell of the logged-in pages, is a chunk of its own loaded on first use, so the login page downloads only
 * itself; main.tsx has already started fetching the page the console opens on, and the session.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { SessionResponse } from '../shared/schemas/auth';
import { App as AntApp, ConfigProvider, Flex, Spin, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { setUnauthenticatedHandler } from './api/client';
import { dropEarly } from './api/early';
import { FullPageSpin, RequirePermission, RequireSession } from './auth/guards';
import { endSession, prefetchSession, SESSION_KEY, useSession } from './auth/session';
import { isAllowed } from './auth/permissions';
import { useSyncProfileLanguage } from './lib/language';
import { pageChunk, type PageChunk } from './page-chunks';
import { CHANGE_PASSWORD, LAYOUT, LOGIN, openingModules, PAGES } from './routes';

/**
 * A page component rendered from its chunk (routes.ts), with a spinner in its place while it downloads. A
 * chunk already loaded (the opening page, a page visited before) renders at once, without suspending; the
 * choice is made once per mounted page, so that the page is never mounted twice.
 */
function lazyPage(chunk: PageChunk, fallback = <PageSpin />): () => ReactElement {
  const Lazy = lazy(() => chunk.load().then((module) => ({ default: module[chunk.name] as ComponentType })));
  return function Page() {
    const [Loaded] = useState(() => chunk.loaded?.[chunk.name] as ComponentType | undefined);
    if (Loaded) return <Loaded />;
    return (
      <Suspense fallback={fallback}>
        <Lazy />
      </Suspense>
    );
  };
}

function PageSpin() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}

const Layout = lazyPage(pageChunk(LAYOUT), <FullPageSpin />);
const Login = lazyPage(pageChunk(LOGIN), <FullPageSpin />);
const ChangePassword = lazyPage(pageChunk(CHANGE_PASSWORD), <FullPageSpin />);
const SHELL_PAGES = PAGES.map((p) => ({ ...p, Page: lazyPage(pageChunk(p.module)) }));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
  },
});

/**
 * antd's default look, styled by its static stylesheet (imported by start.tsx) instead of styles generated in
 * the browser on the first render of each component, which cost a phone a few hundred milliseconds of CPU
 * on the first load.
 */
const THEME: ThemeConfig = { zeroRuntime: true };

/**
 * Waits until the first render can show the opening page: its chunk and the session answer have come. A
 * signed-in user allowed on the page gets its data asked for now, beside the first render, not after it.
 */
export async function prepareFirstRender(pathname: string): Promise<void> {
  const modules = openingModules(pathname);
  await Promise.allSettled([...modules.map((key) => pageChunk(key).load()), prefetchSession(queryClient)]);
  const user = queryClient.getQueryData<SessionResponse | null>(SESSION_KEY)?.user;
  const page = PAGES.find((p) => p.module === modules.at(-1));
  if (user && !user.mustChangePassword && page && isAllowed(page, user.permissions)) pageChunk(page.module).loaded?.prefetch?.(queryClient);
  // The page's queries have taken the answers main.tsx asked for (a query starts its request at once).
  dropEarly();
}

/** Any 401 after login means the session ended elsewhere (expiry, logout in another tab). */
function SessionWatcher() {
  const navigate = useNavigate();
  // Asks for the session at the first render, whichever page's chunk is still on its way.
  useSession();
  useSyncProfileLanguage();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      endSession(queryClient);
      navigate('/login', { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [navigate]);
  return null;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<Login />} />
      <Route
        path="/change-password"
        element={
          <RequireSession>
            <ChangePassword />
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        {SHELL_PAGES.map(({ path, index, Page, anyOf }) => {
          const element = anyOf ? (
            <RequirePermission anyOf={anyOf}>
              <Page />
            </RequirePermission>
          ) : (
            <Page />
          );
          return index ? <Route key="index" index element={element} /> : <Route key={path} path={path} element={element} />;
        })}
        <Route path="home" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={THEME}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionWatcher />
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
