import { Component, Injectable } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Page } from '@helhet/shared';
import { signalStore } from '@ngrx/signals';

import { type UrlBoundRequest, withUrlBoundList } from './with-url-bound-list';

type Key = 'status' | 'unit';

/** A loader whose answers the test hands out one by one, in any order. */
@Injectable({ providedIn: 'root' })
class FakeLoader {
  readonly calls: { request: UrlBoundRequest<Key>; resolve: (page: Page<string>) => void; reject: (error: unknown) => void }[] = [];
  load(request: UrlBoundRequest<Key>): Promise<Page<string>> {
    return new Promise((resolve, reject) => this.calls.push({ reject, request, resolve }));
  }
}

const TestListStore = signalStore(
  withUrlBoundList<Key, string>({
    filterKeys: ['status', 'unit'],
    loader: () => {
      const fake = TestBed.inject(FakeLoader);
      return (request) => fake.load(request);
    },
    pageSize: 25,
    pageSizeInUrl: true,
  }),
);

@Component({ template: '' })
class EmptyComponent {}

const page = (items: string[]): Page<string> => ({ items, page: 1, pageSize: 25, total: items.length });

describe('withUrlBoundList', () => {
  let router: Router;
  let loader: FakeLoader;

  const settle = async (): Promise<void> => {
    await TestBed.inject(Router).navigated;
    TestBed.tick();
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };

  const open = async (url: string): Promise<InstanceType<typeof TestListStore>> => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ component: EmptyComponent, path: '**' }]), TestListStore] });
    router = TestBed.inject(Router);
    loader = TestBed.inject(FakeLoader);
    await router.navigateByUrl(url);
    const store = TestBed.inject(TestListStore);
    await settle();
    return store;
  };

  it('should read the filters and page from the URL and load them', async () => {
    const store = await open('/list?unit=u1&status=open&page=3&size=10&other=x');

    expect(store.filters()).toEqual({ status: 'open', unit: 'u1' });
    expect(store.page()).toBe(3);
    expect(store.pageSize()).toBe(10);
    expect(store.filtered()).toBe(true);
    expect(loader.calls.at(-1)?.request).toEqual({ filters: { status: 'open', unit: 'u1' }, page: 3, pageSize: 10 });
    expect(store.loading()).toBe(true);

    loader.calls.at(-1)?.resolve(page(['a', 'b']));
    await settle();
    expect(store.items()).toEqual(['a', 'b']);
    expect(store.total()).toBe(2);
    expect(store.loading()).toBe(false);
  });

  it('should write a changed filter to the URL and go back to the first page', async () => {
    const store = await open('/list?unit=u1&page=4');

    store.setFilter('status', 'closed');
    await settle();
    expect(router.url).toBe('/list?unit=u1&status=closed');
    expect(store.filters()).toEqual({ status: 'closed', unit: 'u1' });
    expect(store.page()).toBe(1);
    expect(loader.calls.at(-1)?.request.filters).toEqual({ status: 'closed', unit: 'u1' });

    store.setFilter('unit', null);
    await settle();
    store.setPage(1, 50);
    await settle();
    expect(router.url).toBe('/list?status=closed&page=2&size=50');

    store.clearFilters();
    await settle();
    expect(router.url).toBe('/list');
    expect(store.filtered()).toBe(false);
  });

  it('should drop a stale response that arrives after a newer one', async () => {
    const store = await open('/list?unit=u1');
    store.setFilter('unit', 'u2');
    await settle();
    const [first, second] = loader.calls.slice(-2);

    second?.resolve(page(['new']));
    await settle();
    first?.resolve(page(['stale']));
    await settle();

    expect(store.items()).toEqual(['new']);
    expect(store.loading()).toBe(false);
  });

  it('should show an error and keep the last result, and load again on reload', async () => {
    const store = await open('/list');
    loader.calls.at(-1)?.resolve(page(['kept']));
    await settle();

    store.setFilter('status', 'open');
    await settle();
    loader.calls.at(-1)?.reject(new Error('down'));
    await settle();
    expect(store.error()).toBeTruthy();
    expect(store.items()).toEqual(['kept']);

    store.reload();
    expect(store.error()).toBeNull();
    loader.calls.at(-1)?.resolve(page(['again']));
    await settle();
    expect(store.items()).toEqual(['again']);
  });
});
