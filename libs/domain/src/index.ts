export * from './lib/date-only';
export * from './lib/incidents';
export * from './lib/organisation/management-line';
export * from './lib/organisation/management-line.types';
export * from './lib/organisation/org-tree';
export * from './lib/random/seeded-random';
export * from './lib/risk';
export * from './lib/validity';
