import { DemoAccountsReply } from '@/shared/public-api'
import { createHttp } from './http'
import { getTransport } from './transport'

/**
 * The call a phone makes before anyone signs in (only src/sync calls fetch). Apart from
 * auth-api.ts, whose login reply carries the record schemas: the login screen lists the
 * demo accounts with only the vocabulary's schemas built.
 */

const http = () => createHttp({ ...getTransport(), getToken: () => null })

/** The demo accounts, or null when the server is not in demo mode (or unreachable). */
export async function demoAccountsRequest(): Promise<DemoAccountsReply | null> {
  const res = await http().send({ method: 'GET', path: '/api/auth/demo-accounts', schema: DemoAccountsReply, anonymous: true })
  return res.ok ? res.body : null
}
