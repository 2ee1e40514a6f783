import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { latestLoad } from './latest-load';

/** A host whose loads the test answers one by one, in any order. */
@Component({ template: '' })
class HostComponent {
  readonly answers: { id: string; resolve: (value: string) => void; reject: (error: unknown) => void }[] = [];
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly shown = signal<string | null>(null);
  readonly load = latestLoad((id: string) => new Promise<string>((resolve, reject) => this.answers.push({ id, reject, resolve })), {
    error: this.error,
    loading: this.loading,
    next: (value) => this.shown.set(value),
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('latestLoad', () => {
  it('should show only the newest answer when an older one arrives later', async () => {
    const host = TestBed.createComponent(HostComponent).componentInstance;
    host.load('a');
    host.load('b');
    expect(host.loading()).toBe(true);

    host.answers[1]?.resolve('B');
    await settle();
    host.answers[0]?.resolve('A');
    await settle();

    expect(host.shown()).toBe('B');
    expect(host.loading()).toBe(false);
  });

  it('should report the newest failure and clear it on the next load', async () => {
    const host = TestBed.createComponent(HostComponent).componentInstance;
    host.load('a');
    host.answers[0]?.reject(new Error('down'));
    await settle();
    expect(host.error()).toBeTruthy();
    expect(host.loading()).toBe(false);

    host.load('b');
    expect(host.error()).toBeNull();
  });
});
