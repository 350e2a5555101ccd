/**
 * A list page's state in the URL (src/web/lists/listParams.ts): read with the server's own query schema, bad or
 * unknown params fall back to the page's defaults, writing keeps only what differs from them, and a new filter
 * starts again at the first page. A page reached by cursor is `cursor=…&page=n` in the address.
 */
import { describe, expect, it } from 'vitest';
import { IssueListQuery } from '../../src/shared/schemas/issues';
import { RecordListQuery } from '../../src/shared/schemas/visits';
import { listSpec, pageNumber, parseListParams, serializeListParams, withCursor, withFilters, withPage, type ListParamsSpec, type ListQuerySchema } from '../../src/web/lists/listParams';

const ISSUES = listSpec({ schema: IssueListQuery, keys: ['q', 'communityId', 'status', 'escalated', 'open'], defaults: { open: 'true' } });
const RECORDS = listSpec({ schema: RecordListQuery, keys: ['communityId', 'from', 'to', 'minScore', 'maxScore'] });

function parse(spec: typeof ISSUES | typeof RECORDS, query: string) {
  return parseListParams<ListQuerySchema, string>(spec as unknown as ListParamsSpec<ListQuerySchema, string>, new URLSearchParams(query));
}

describe('list params', () => {
  it('reads filters and page with the types the schema gives them', () => {
    expect(parse(ISSUES, 'status=new&communityId=3&limit=50&offset=100')).toEqual({
      filters: { status: 'new', communityId: 3, open: 'true' },
      limit: 50,
      offset: 100,
    });
    expect(parse(RECORDS, 'minScore=3.5&from=2026-11-01&to=2026-11-30').filters).toEqual({ minScore: 3.5, from: '2026-11-01', to: '2026-11-30' });
  });

  it('gives the page defaults for an empty address', () => {
    expect(parse(ISSUES, '')).toEqual({ filters: { open: 'true' }, limit: 20, offset: 0 });
    expect(parse(RECORDS, '')).toEqual({ filters: {}, limit: 20, offset: 0 });
  });

  it('drops a param the schema refuses and keeps the others', () => {
    expect(parse(ISSUES, 'status=nonsense&communityId=x1&escalated=true').filters).toEqual({ escalated: 'true', open: 'true' });
    expect(parse(ISSUES, 'communityId=-4&open=maybe').filters).toEqual({ open: 'true' });
    expect(parse(RECORDS, 'minScore=9&maxScore=1e3&from=yesterday').filters).toEqual({});
  });

  it('drops params the page does not offer, even ones the schema knows', () => {
    expect(parse(ISSUES, 'view=mine&householdId=7&foo=bar&status=closed').filters).toEqual({ status: 'closed', open: 'true' });
  });

  it('falls back to the default page size and the first page for a bad page', () => {
    expect(parse(ISSUES, 'limit=5000&offset=-20')).toMatchObject({ limit: 20, offset: 0 });
    expect(parse(ISSUES, 'limit=abc&offset=1.5')).toMatchObject({ limit: 20, offset: 0 });
    expect(parse(ISSUES, 'limit=50&offset=70')).toMatchObject({ limit: 50, offset: 50 });
  });

  it('reads an empty param as a cleared default filter', () => {
    expect(parse(ISSUES, 'open=').filters).toEqual({});
    expect(parse(ISSUES, 'status=').filters).toEqual({ open: 'true' });
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    const state = { filters: { status: 'new' as const, communityId: 3, open: 'true' as const }, limit: 20, offset: 40 };
    const search = serializeListParams(ISSUES, state);
    expect(search.toString()).toBe('communityId=3&status=new&offset=40');
    expect(parseListParams(ISSUES, search)).toEqual(state);

    const cleared = serializeListParams(ISSUES, { filters: { q: '漏水' }, limit: 50, offset: 0 });
    expect(cleared.toString()).toBe(`q=${encodeURIComponent('漏水')}&open=&limit=50`);
    expect(parseListParams(ISSUES, cleared)).toEqual({ filters: { q: '漏水' }, limit: 50, offset: 0 });
    expect(serializeListParams(ISSUES, parse(ISSUES, '')).toString()).toBe('');
  });

  it('starts again at the first page when a filter or the page size changes', () => {
    const state: { filters: { status?: 'new' | 'closed' }; limit: number; offset: number } = { filters: { status: 'new' }, limit: 20, offset: 60 };
    expect(withFilters(state, { status: 'closed' })).toEqual({ filters: { status: 'closed' }, limit: 20, offset: 0 });
    expect(withPage(state, 5, 20)).toMatchObject({ limit: 20, offset: 80 });
    expect(withPage(state, 5, 50)).toMatchObject({ limit: 50, offset: 0 });
  });

  describe('pages by cursor', () => {
    const CURSOR = 'WyJyZWNvcmRzIiwiMjAyNi0xMS0zMCIsNDJd';

    it('reads a cursor page with its number, and drops an offset beside the cursor', () => {
      expect(parse(RECORDS, `communityId=3&cursor=${CURSOR}&page=7`)).toEqual({ filters: { communityId: 3 }, limit: 20, offset: 0, cursor: CURSOR, page: 7 });
      expect(parse(RECORDS, `cursor=${CURSOR}&offset=40&page=3`)).toEqual({ filters: {}, limit: 20, offset: 0, cursor: CURSOR, page: 3 });
    });

    it('keeps a linked cursor page whose number is missing or nonsense, without a number', () => {
      for (const page of ['', 'page=0', 'page=1', 'page=-2', 'page=2.5', 'page=abc', 'page=99999999']) {
        expect(parse(RECORDS, `cursor=${CURSOR}&${page}`)).toEqual({ filters: {}, limit: 20, offset: 0, cursor: CURSOR });
      }
    });

    it('ignores an empty or overlong cursor and a page number without a cursor', () => {
      expect(parse(RECORDS, 'cursor=&offset=40')).toEqual({ filters: {}, limit: 20, offset: 40 });
      expect(parse(RECORDS, `cursor=${'x'.repeat(501)}`)).toEqual({ filters: {}, limit: 20, offset: 0 });
      expect(parse(RECORDS, 'page=4&offset=20')).toEqual({ filters: {}, limit: 20, offset: 20 });
    });

    it('goes forward by cursor counting the pages, and reads back what it wrote', () => {
      const first = parse(RECORDS, 'minScore=3&limit=50');
      const second = withCursor(first, CURSOR);
      expect(second).toEqual({ filters: { minScore: 3 }, limit: 50, offset: 0, cursor: CURSOR, page: 2 });
      expect(pageNumber(second)).toBe(2);
      const search = serializeListParams(RECORDS, second);
      expect(search.toString()).toBe(`minScore=3&limit=50&cursor=${CURSOR}&page=2`);
      expect(parseListParams(RECORDS, search)).toEqual(second);
      expect(pageNumber(withCursor(parse(RECORDS, 'offset=60'), CURSOR))).toBe(5);
      expect(pageNumber(withCursor(parse(RECORDS, `cursor=${CURSOR}`), 'WyJuZXh0Il0'))).toBeUndefined();
    });

    it('leaves the cursor when a filter, a numbered page or the page size changes', () => {
      const deep = parse(RECORDS, `cursor=${CURSOR}&page=9`);
      expect(withFilters(deep, { minScore: 4 })).toEqual({ filters: { minScore: 4 }, limit: 20, offset: 0 });
      expect(withPage(deep, 3, 20)).toEqual({ filters: {}, limit: 20, offset: 40 });
      expect(withPage(deep, 1, 50)).toEqual({ filters: {}, limit: 50, offset: 0 });
      expect(serializeListParams(RECORDS, withPage(deep, 1, 20)).toString()).toBe('');
    });
  });
});
