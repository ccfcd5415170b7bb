// The message catalogues (zh-CN first, English) and the functions that read them.
export * from './translate';
export { describeError } from './describeError';
export { vocabularyLabel } from './vocabularyLabel';
