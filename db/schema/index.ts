export * from './users';
export * from './audit';
export * from './library';
export * from './search';
export * from './drafting';
export * from './versioning';
export * from './consultation';
export * from './workflow';
