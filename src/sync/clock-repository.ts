import type { GridSisterDb } from '@/db/db'
import { getMeta, setMeta } from '@/db/meta-repository'
import { HlcError, decodeHlc, encodeHlc, initialHlc, nodeIdFrom, receive } from '@/shared'

/**
 * The device's hybrid logical clock follows the server's: after every reply the device
 * clock is at least the server's, so an edit made after a pull orders after everything
 * that pull showed, even on a phone whose date is days behind. The server is trusted
 * further than a phone (its drift limit guards it against phones), so the device accepts
 * a server clock up to a year ahead of its own wall clock; beyond that it keeps its own.
 */

const SERVER_DRIFT_LIMIT_MS = 365 * 24 * 60 * 60 * 1000

/** Merges the server's HLC into the device clock; call inside a transaction with `meta`. */
export async function advanceClock(db: GridSisterDb, serverHlc: string, now: number): Promise<void> {
  const clientId = await getMeta(db, 'clientId')
  const stored = await getMeta(db, 'hlc')
  const last = stored ? decodeHlc(stored) : initialHlc(nodeIdFrom(clientId ?? '0'))
  try {
    const next = receive(last, decodeHlc(serverHlc), now, SERVER_DRIFT_LIMIT_MS)
    await setMeta(db, 'hlc', encodeHlc(next))
  } catch (e) {
    if (!(e instanceof HlcError)) throw e
  }
}
