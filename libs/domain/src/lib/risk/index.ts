export * from './default-scales';
export * from './risk-factors';
export * from './risk-level';
export * from './risk-templates';
export * from './risk.types';
export * from './scale-set';
export * from './scenario-table';
export * from './workshop-stats';
