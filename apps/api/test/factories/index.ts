export * from './filing-payload';
export * from './make-tenant';
export * from './make-unit-tree';
export * from './make-user';
export * from './unique';
