import {
  CommunitySettings,
  settingsFields,
  type CommunityDate,
  type CommunitySettingsFields,
  type PhraseField,
} from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { putMergeable } from '@/db/mergeable-repository'

/**
 * The community's settings on the device (src/shared/community-settings.ts): its common
 * phrases for the visit form and its own dates for Today's care calendar. A worker's and
 * a supervisor's phone hold the one row of their community, pulled like any record and
 * read offline; the supervisor's saves go up through the outbox like every write.
 */

/** The settings of the community this device's user belongs to (empty lists when none arrived). */
export async function getCommunitySettings(db: GridSisterDb): Promise<CommunitySettingsFields> {
  // The device holds only its user's community: at most one row.
  const row = await db.communitySettings.toCollection().first()
  return settingsFields(row)
}

/** The community's common phrases of one visit-form field, in the supervisor's order. */
export async function communityPhrases(db: GridSisterDb, field: PhraseField): Promise<string[]> {
  return (await getCommunitySettings(db))[field]
}

/** The community's own dates for the care calendar. */
export async function communityDates(db: GridSisterDb): Promise<CommunityDate[]> {
  return (await getCommunitySettings(db)).dates
}

/**
 * Saves the lists that changed (each list is one merged field) and queues one
 * `communitySettings.put`. A list over the limits throws `RecordValidationError` with
 * the schema's Chinese message, and nothing is saved.
 */
export function saveCommunitySettings(
  db: GridSisterDb,
  communityId: string,
  fields: Partial<CommunitySettingsFields>,
): Promise<CommunitySettings> {
  return putMergeable<CommunitySettings, CommunitySettings>({
    db,
    name: 'communitySettings.put',
    table: db.communitySettings,
    schema: CommunitySettings,
    id: communityId,
    gridId: communityId,
    fields,
    toLocal: (record) => record,
  })
}
