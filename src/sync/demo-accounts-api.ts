import { DemoAccountsReply, HealthReply } from '@/shared/public-api'
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

/** Whether the server runs the demo (the 演示 marker); null when it cannot be asked (offline). */
export async function serverIsDemo(): Promise<boolean | null> {
  const res = await http().send({ method: 'GET', path: '/api/health', schema: HealthReply, anonymous: true })
  return res.ok && res.body ? res.body.demo : null
}
