import { gzipSync } from 'node:zlib'
import { SCHEMA_VERSION, type Mutation, type PushReply } from '../../src/shared'

/**
 * A device's push in Node: the outbox split into request bodies the way the app's sync
 * client does (batches of MAX_PUSH_MUTATIONS, gzip-compressed JSON), then sent.
 */
export function pushBodies(clientId: string, mutations: Mutation[], batch: number): Buffer[] {
  const bodies: Buffer[] = []
  for (let i = 0; i < mutations.length; i += batch) {
    bodies.push(gzipSync(JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations: mutations.slice(i, i + batch) })))
  }
  return bodies
}

export async function postPush(url: string, token: string, body: Buffer): Promise<PushReply> {
  const res = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${token}` },
    body: new Uint8Array(body),
  })
  if (!res.ok) throw new Error(`push: HTTP ${res.status} ${await res.text()}`)
  return (await res.json()) as PushReply
}

/** Posts a push body to the bench's floor endpoint (unzipped and parsed, nothing else). */
export async function postFloor(url: string, body: Buffer): Promise<number> {
  const res = await fetch(`${url}/bench/floor-push`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-gridsister-floor' },
    body: new Uint8Array(body),
  })
  if (!res.ok) throw new Error(`floor push: HTTP ${res.status} ${await res.text()}`)
  return ((await res.json()) as { received: number }).received
}
