import type { ErrorCode } from '../src/shared'

/** An error the API reports as-is: HTTP status plus the shared `{code, message}` body. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export const badRequest = (message: string) => new ApiError(400, 'bad-request', message)
export const unauthorized = (message = 'log in first') => new ApiError(401, 'unauthorized', message)
export const accountDisabled = () =>
  new ApiError(403, 'account-disabled', 'this account is disabled; the data of this phone is to be deleted')
export const forbidden = (message = 'not allowed') => new ApiError(403, 'forbidden', message)
export const notFound = (message = 'not found') => new ApiError(404, 'not-found', message)
export const upgradeRequired = () =>
  new ApiError(426, 'upgrade-required', 'this app version is too old for the server; update the app (your changes are kept)')
