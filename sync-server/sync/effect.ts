import type { Grid, RecordKind } from '../../src/shared'
import { reject, type RuleOutcome } from '../../src/shared/rules'
import type { UserRow } from '../storage/store'
import type { ApplyStore } from './batch-view'

/** What applying one mutation needs, and what it decides. */
export interface ApplyCtx {
  tx: ApplyStore
  user: UserRow
  grid: Grid
  now: number
  at: string
}

/** A rule's outcome plus what to write: records (by kind) and conflicts. */
export interface Effect {
  outcome: RuleOutcome<unknown>
  writes: { kind: RecordKind; record: { id: string; gridId: string } }[]
}

/** An effect that refuses with a code. */
export const refuse = (code: Parameters<typeof reject>[0], message: string): Effect => ({ outcome: reject(code, message), writes: [] })
