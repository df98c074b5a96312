import { v7 as uuidv7 } from 'uuid'
import { SCHEMA_VERSION, encodeHlc, initialHlc, nodeIdFrom, tick, type ArgsOf, type Hlc, type MutationName, type PushReply } from '@/shared'
import { DEMO_PASSWORD } from './login'

/**
 * Another phone, speaking the sync API straight from the test (its own client id, seq
 * and clock), for journeys where what matters is that a second device got there first.
 */
export interface ApiDevice {
  push<N extends MutationName>(name: N, args: ArgsOf<N>): Promise<PushReply['results'][number]>
}

export async function apiDevice(baseUrl: string, username: string): Promise<ApiDevice> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  if (!res.ok) throw new Error(`login of ${username} failed: ${res.status}`)
  const { token } = (await res.json()) as { token: string }
  const clientId = uuidv7()
  let seq = 0
  let clock: Hlc = initialHlc(nodeIdFrom(clientId))
  return {
    async push(name, args) {
      clock = tick(clock, Date.now())
      const mutation = { mutationId: uuidv7(), seq: ++seq, name, args, hlc: encodeHlc(clock), schemaVersion: SCHEMA_VERSION, createdAt: new Date().toISOString() }
      const reply = await fetch(`${baseUrl}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations: [mutation] }),
      })
      if (!reply.ok) throw new Error(`push ${name} failed: ${reply.status} ${await reply.text()}`)
      return ((await reply.json()) as PushReply).results[0]!
    },
  }
}
