import { v7 as uuidv7 } from 'uuid'
import { SCHEMA_VERSION, encodeHlc, initialHlc, nodeIdFrom, tick, type Hlc, type Mutation, type Visit } from '../../src/shared'
import type { VisitInput } from '../../src/features/visits/visits-repository'
import type { WorkerDataset } from './dataset'

/**
 * New visit diaries for push benchmarks, with the texts of real demo diaries (so they
 * compress as real ones do), on the worker's own households, dated just now.
 */

export interface NewVisits {
  /** For the app's repository (`createVisit`). */
  inputs: VisitInput[]
  /** The same visits as whole records (for PouchDB and for mutations built in Node). */
  records: Visit[]
}

export function newVisits(ds: WorkerDataset, n: number, offset = 0): NewVisits {
  const { households, visits } = ds.scope
  const now = Date.now()
  const inputs: VisitInput[] = []
  const records: Visit[] = []
  for (let i = 0; i < n; i++) {
    const h = households[(i + offset) % households.length]!
    const text = visits[(i + offset) % visits.length]!
    const visitedAt = new Date(now - (n - i) * 60_000).toISOString()
    const input: VisitInput = {
      householdId: h.id,
      visitedAt,
      method: text.method,
      seen: text.seen,
      asked: text.asked,
      done: text.done,
      policies: text.policies,
      // The demo diary's own promise is in the past: promise one a month after this visit.
      nextVisitOn: text.nextVisitOn === null ? null : new Date(now + 30 * 86_400_000).toISOString().slice(0, 10),
    }
    inputs.push(input)
    records.push({
      ...input,
      outcome: 'met',
      id: uuidv7(),
      gridId: h.gridId,
      visitorId: ds.worker.id,
      visitorName: ds.worker.displayName,
      photos: [],
      correctsId: null,
      createdAt: visitedAt,
    })
  }
  return { inputs, records }
}

/** A device's outbox in Node: `visit.create` mutations with seqs from `firstSeq`. */
export function visitMutations(records: Visit[], clientId: string, firstSeq: number): Mutation[] {
  let hlc: Hlc = initialHlc(nodeIdFrom(clientId))
  return records.map((record, i) => {
    hlc = tick(hlc, Date.now())
    return {
      mutationId: uuidv7(),
      seq: firstSeq + i,
      name: 'visit.create',
      args: record,
      hlc: encodeHlc(hlc),
      schemaVersion: SCHEMA_VERSION,
      createdAt: record.createdAt,
    } as Mutation
  })
}
