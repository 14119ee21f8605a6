export * from './description';
export { buildRequest, toOutput } from '../send/execute';
export { run } from './execute';
