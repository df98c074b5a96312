import { unwritableFields, type ErrorCode, type Mutation } from '../../src/shared'
import type { UserRow } from '../storage/store'
import type { ApplyStore } from './batch-view'

/**
 * Checks made on one mutation before its rule runs, from who sends it:
 * - a disabled account's device may still upload what was made before the disable
 *   (a week of unsent visits is not lost), and nothing made after. `createdAt` is the
 *   device's clock, trusted as the HLC is: a device that lies about it can only add
 *   records that are still reviewed, attributed to its own account;
 * - a role changes only the fields it receives in full (field-catalogue.ts), so the
 *   masked ID number a supervisor's device holds is never written over the real one
 *   (the mutation schemas refuse the masked form too); a record she creates has no real
 *   value to overwrite, so she may fill those fields in.
 * Returns why the mutation is refused, or null.
 */
export async function guardMutation(tx: ApplyStore, user: UserRow, m: Mutation): Promise<{ code: ErrorCode; message: string } | null> {
  if (user.disabled) {
    const made = Date.parse(m.createdAt)
    const disabledAt = user.disabledAt ?? 0
    if (!(made < disabledAt)) return { code: 'account-disabled', message: 'this account was disabled before this change was made' }
  }
  if (m.name === 'household.put' || m.name === 'person.put') {
    const kind = m.name === 'household.put' ? 'household' : 'person'
    const denied = unwritableFields(kind, Object.keys(m.args.patch), user.role)
    if (denied.length && (await tx.getRecordPlace(kind, m.args.id))) {
      return { code: 'forbidden', message: `your role may not change ${denied.join(', ')}` }
    }
  }
  return null
}
