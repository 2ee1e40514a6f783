export * from './default-categories';
export * from './external-notifications';
export * from './incident-deadlines';
export * from './incident-number';
export * from './incident-routing';
export * from './incident-workflow';
export * from './incident.types';
export * from './pii-detector';
