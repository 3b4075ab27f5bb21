export { Api, api, createApi, jobError } from './client';
export { AppError, toAppError, type ErrorCode } from './errors';
export type * from './types';
