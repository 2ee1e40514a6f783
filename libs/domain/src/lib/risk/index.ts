export * from './default-scales';
export * from './risk-level';
export * from './risk.types';
export * from './scale-set';
