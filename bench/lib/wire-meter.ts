import type { Server } from 'node:http'
import type { Socket } from 'node:net'

/**
 * Counts what really crosses the wire of one HTTP server: bytes read and written on
 * its TCP sockets (headers, bodies, compression and all) and requests served. Works
 * for Fastify and Express alike, so our server and PouchDB's are measured the same way.
 */
export interface WireFigures {
  bytesIn: number
  bytesOut: number
  requests: number
}

export interface WireMeter {
  /** Figures since the last reset. */
  read(): WireFigures
  reset(): void
}

export function meterServer(server: Server): WireMeter {
  const live = new Set<Socket>()
  const closed = { bytesIn: 0, bytesOut: 0 }
  let requests = 0
  let base: WireFigures = { bytesIn: 0, bytesOut: 0, requests: 0 }
  server.on('connection', (socket: Socket) => {
    live.add(socket)
    socket.once('close', () => {
      live.delete(socket)
      closed.bytesIn += socket.bytesRead
      closed.bytesOut += socket.bytesWritten
    })
  })
  server.on('request', () => {
    requests += 1
  })
  const total = (): WireFigures => {
    let bytesIn = closed.bytesIn
    let bytesOut = closed.bytesOut
    for (const s of live) {
      bytesIn += s.bytesRead
      bytesOut += s.bytesWritten
    }
    return { bytesIn, bytesOut, requests }
  }
  return {
    read() {
      const t = total()
      return { bytesIn: t.bytesIn - base.bytesIn, bytesOut: t.bytesOut - base.bytesOut, requests: t.requests - base.requests }
    },
    reset() {
      base = total()
    },
  }
}
