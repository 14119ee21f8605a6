export * from './description';
export * from './execute';
