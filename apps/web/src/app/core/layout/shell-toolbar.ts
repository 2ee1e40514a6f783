import { InjectionToken, type Type } from '@angular/core';

/** Loads a component the shell shows in its toolbar (e.g. the inbox bell), so `core` imports no feature. */
export type ShellToolbarItem = () => Promise<Type<unknown>>;

/** The toolbar items, in order; provided by the composition root (app.routes.ts). */
export const SHELL_TOOLBAR_ITEMS = new InjectionToken<readonly ShellToolbarItem[]>('SHELL_TOOLBAR_ITEMS', { factory: () => [] });
