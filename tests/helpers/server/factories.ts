import { randomUUID } from 'node:crypto'
import {
  encodeHlc,
  SCHEMA_VERSION,
  type ArgsOf,
  type HouseholdFields,
  type Mutation,
  type MutationName,
  type Visit,
  type Wish,
} from '../../../src/shared'

/** Small factories for records and mutations (tests vary only what they test). */

let clockMillis = Date.now()
/** A fresh, strictly increasing HLC for node `n`. */
export function nextHlc(node = 'test'): string {
  clockMillis += 1
  return encodeHlc({ millis: clockMillis, counter: 0, node })
}

export function householdFields(over: Partial<HouseholdFields> = {}): HouseholdFields {
  return {
    headName: '李桂英',
    address: { estate: '幸福小区', building: '3', unit: '1', door: '302' },
    phone: '13800000000',
    keyGroups: ['elderly-alone'],
    careLevel: 2,
    visitCadenceDays: null,
    notes: '',
    ...over,
  }
}

export function householdPut(gridId: string, id: string = randomUUID(), patch: Partial<HouseholdFields> = householdFields(), base: Record<string, string | null> = {}): ArgsOf<'household.put'> {
  return { id, gridId, patch, base }
}

export function visitArgs(gridId: string, householdId: string, visitorId: string, over: Partial<Visit> = {}): Visit {
  const now = new Date().toISOString()
  return {
    id: randomUUID(), householdId, gridId, visitedAt: now, visitorId, visitorName: '王', method: 'in-person', outcome: 'met',
    seen: '身体还好', asked: '', done: '', policies: [], nextVisitOn: null, photos: [], correctsId: null, createdAt: now, ...over,
  }
}

export function wishArgs(gridId: string, householdId: string, createdBy: string, over: Partial<Wish> = {}): ArgsOf<'wish.create'> {
  const now = new Date().toISOString()
  return {
    id: randomUUID(), householdId, gridId, personId: null, visitId: null, title: '理发', detail: '', category: 'care',
    state: 'registered', claimedBy: null, claimedAt: null, fulfilment: null, closedReason: null, history: [], createdBy,
    createdAt: now, updatedAt: now, ...over,
  } as ArgsOf<'wish.create'>
}

/** One outbox mutation. */
export function mutation<N extends MutationName>(name: N, args: ArgsOf<N>, seq: number, hlc = nextHlc()): Mutation {
  return { mutationId: randomUUID(), seq, name, args, hlc, schemaVersion: SCHEMA_VERSION, createdAt: new Date().toISOString() } as Mutation
}

/** A device: a client id and a seq counter, producing push bodies. */
export class TestDevice {
  readonly clientId = randomUUID()
  private seq = 0
  m<N extends MutationName>(name: N, args: ArgsOf<N>, hlc?: string): Mutation {
    return mutation(name, args, ++this.seq, hlc)
  }
  push(mutations: Mutation[]) {
    return { clientId: this.clientId, schemaVersion: SCHEMA_VERSION, mutations }
  }
  pull(cursors: Record<string, number> = {}, limit?: number) {
    return { clientId: this.clientId, schemaVersion: SCHEMA_VERSION, cursors, ...(limit ? { limit } : {}) }
  }
}
