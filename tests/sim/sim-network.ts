import type { FastifyInstance } from 'fastify'
import type { Mutation, MutationResult } from '../../src/shared'

/**
 * The simulated network between devices and the real server app (`app.inject`, no
 * sockets). Driven by a seeded PRNG, it drops requests (never reach the server), drops
 * replies (the server acted, the device hears nothing), duplicates requests, delays both
 * ways (so devices' requests interleave and reorder), partitions single devices, and
 * can replay an old push much later. It logs every push answer the server gave, heard
 * or not: the sequential model is built from that log.
 */

export interface Faults {
  dropRequest: number
  dropReply: number
  duplicate: number
  maxDelayTicks: number
}

export const NO_FAULTS: Faults = { dropRequest: 0, dropReply: 0, duplicate: 0, maxDelayTicks: 0 }

export interface PushLogEntry {
  clientId: string
  mutations: Mutation[]
  results: MutationResult[]
}

export interface DeviceLink {
  partitioned: boolean
  /** Set when the device is killed: its requests in flight never settle. */
  dead: boolean
}

/** Mulberry32: a tiny seeded PRNG (deterministic across runs and machines). */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

interface Sent {
  method: 'GET' | 'POST' | 'PUT' | 'HEAD' | 'DELETE'
  url: string
  headers: Record<string, string>
  payload: Buffer | undefined
}

async function toSent(input: RequestInfo | URL, init: RequestInit | undefined): Promise<Sent> {
  const url = new URL(String(input))
  const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]))
  const body = init?.body
  let payload: Buffer | undefined
  if (typeof body === 'string') payload = Buffer.from(body)
  else if (body instanceof ArrayBuffer) payload = Buffer.from(body)
  else if (body instanceof Blob) payload = Buffer.from(await body.arrayBuffer())
  return { method: (init?.method ?? 'GET') as Sent['method'], url: url.pathname + url.search, headers, payload }
}

async function decodeJson(sent: Sent): Promise<unknown> {
  if (!sent.payload) return null
  if (sent.headers['content-encoding'] !== 'gzip') return JSON.parse(sent.payload.toString())
  const stream = new Blob([new Uint8Array(sent.payload)]).stream().pipeThrough(new DecompressionStream('gzip'))
  return JSON.parse(await new Response(stream).text())
}

export interface SimNetwork {
  faults: Faults
  log: PushLogEntry[]
  /** Mutation ids whose `rejected` answer reached the device. */
  heardRejections: Set<string>
  link(): DeviceLink
  fetchFor(link: DeviceLink): typeof fetch
  /** Delivers one earlier push again, as a late duplicate packet would. */
  replayOldPush(pick: number): Promise<void>
}

/**
 * `serverFor(r)` picks the server process that answers a request (r uniform in [0, 1)):
 * several processes on one database answer in turn, as behind a load balancer.
 */
export function createSimNetwork(serverFor: (r: number) => FastifyInstance, random: () => number): SimNetwork {
  const log: PushLogEntry[] = []
  const pushes: Sent[] = []
  const net: SimNetwork = { faults: { ...NO_FAULTS }, log, heardRejections: new Set(), link, fetchFor, replayOldPush }

  function link(): DeviceLink {
    return { partitioned: false, dead: false }
  }

  async function delay(): Promise<void> {
    const n = Math.floor(random() * (net.faults.maxDelayTicks + 1))
    for (let i = 0; i < n; i++) await tick()
  }

  async function deliver(sent: Sent) {
    const res = await serverFor(random()).inject({ method: sent.method, url: sent.url, headers: sent.headers, payload: sent.payload })
    if (sent.url === '/api/sync/push' && res.statusCode === 200) {
      const body = (await decodeJson(sent)) as { clientId: string; mutations: Mutation[] }
      log.push({ clientId: body.clientId, mutations: body.mutations, results: res.json<{ results: MutationResult[] }>().results })
    }
    return res
  }

  function fetchFor(l: DeviceLink): typeof fetch {
    return (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (l.dead) return new Promise<Response>(() => undefined)
      const sent = await toSent(input, init)
      await delay()
      if (l.partitioned || random() < net.faults.dropRequest) throw new TypeError('simulated network: request lost')
      if (sent.url === '/api/sync/push') pushes.push(sent)
      let res = await deliver(sent)
      if (random() < net.faults.duplicate) {
        const again = await deliver(sent)
        if (random() < 0.5) res = again
      }
      await delay()
      if (l.dead) return new Promise<Response>(() => undefined)
      if (l.partitioned || random() < net.faults.dropReply) throw new TypeError('simulated network: reply lost')
      if (sent.url === '/api/sync/push' && res.statusCode === 200) {
        for (const r of res.json<{ results: MutationResult[] }>().results) if (r.status === 'rejected') net.heardRejections.add(r.mutationId)
      }
      const noBody = res.statusCode === 204 || res.statusCode === 304 || sent.method === 'HEAD'
      const headers = new Headers()
      for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v)
      return new Response(noBody ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers })
    }) as typeof fetch
  }

  async function replayOldPush(pick: number): Promise<void> {
    const old = pushes[Math.floor(pick * pushes.length)]
    if (old) await deliver(old)
  }

  return net
}
