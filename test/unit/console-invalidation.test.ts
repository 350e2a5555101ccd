/**
 * The console refreshes by entity (src/web/api/invalidation.ts): a change marks stale every cached query about
 * what it touched, in whichever domain that query lives, and nothing else.
 */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidate, TOUCHES } from '../../src/web/api/invalidation';

function cacheWith(keys: string[]): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  for (const key of keys) client.setQueryData([key, { id: 1 }], { cached: key });
  return client;
}

const stale = (client: QueryClient) =>
  client
    .getQueryCache()
    .getAll()
    .filter((q) => q.isStale())
    .map((q) => q.queryKey[0])
    .sort();

describe('console refresh by entity', () => {
  const cached = ['visit-tasks', 'visit-record', 'issues', 'issue', 'notifications', 'household', 'communities', 'users'];

  it('visitor recording a visit: the tasks, the records, the issues it raised or confirmed, the bell and the household go stale', () => {
    const client = cacheWith(cached);
    invalidate(client, TOUCHES.visit);
    expect(stale(client)).toEqual(['household', 'issue', 'issues', 'notifications', 'visit-record', 'visit-tasks']);
  });

  it('handler moving an issue: the issue lists, the bell and the tasks (its confirmation visit) go stale, records stay', () => {
    const client = cacheWith(cached);
    invalidate(client, TOUCHES.issue);
    expect(stale(client)).toEqual(['issue', 'issues', 'notifications', 'visit-tasks']);
  });

  it('visitor logging an attempt: the task and its issue go stale, the communities and users stay fresh', () => {
    const client = cacheWith(cached);
    invalidate(client, TOUCHES.attempt);
    expect(stale(client)).toEqual(['issue', 'issues', 'notifications', 'visit-tasks']);
  });
});
