import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import type { ErrorBody, ErrorCode } from '../../src/shared'
import { ApiError } from '../errors'

/**
 * The one error handler: every error leaves as the shared `{code, message}` body.
 * Client mistakes keep their message; a 5xx says only "internal error" and the details
 * go to the log, never to the client.
 */
const BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'bad-request',
  426: 'upgrade-required',
  429: 'rate-limited',
}

export function toErrorReply(err: FastifyError | ApiError | Error): { status: number; body: ErrorBody } {
  if (err instanceof ApiError) return { status: err.statusCode, body: { code: err.code, message: err.message } }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0]
    const where = first ? `${first.instancePath || '/'}: ${first.message}` : 'invalid body'
    return { status: 400, body: { code: 'bad-request', message: `invalid request ${err.validationContext ?? ''} ${where}`.trim() } }
  }
  const status = (err as FastifyError).statusCode ?? 500
  if (isResponseSerializationError(err) || status >= 500 || status < 400) {
    return { status: 500, body: { code: 'internal', message: 'internal error' } }
  }
  return { status, body: { code: BY_STATUS[status] ?? 'bad-request', message: err.message } }
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, body } = toErrorReply(err)
    if (status >= 500) request.log.error({ err }, 'request failed')
    return reply.status(status).send(body)
  })
}
