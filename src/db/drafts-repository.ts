import type { DraftForm, DraftRow, GridSisterDb } from './db'

/**
 * Drafts of forms (issue 19: nothing typed is lost). One row per form and record per
 * user; the form's composable writes it shortly after each keystroke and deletes it when
 * the record is saved or she discards the input.
 */

/** What a form says about its draft besides the value. */
export interface DraftInfo {
  form: DraftForm
  route: string
  title: string
}

export const draftKey = (userId: string, formKey: string) => `${userId}|${formKey}`

/** The draft of this form, if she left one. */
export function getDraft(db: GridSisterDb, userId: string, formKey: string): Promise<DraftRow | undefined> {
  return db.drafts.get(draftKey(userId, formKey))
}

/** Keeps the form's current input. */
export async function putDraft(db: GridSisterDb, userId: string, formKey: string, info: DraftInfo, value: unknown, now = new Date()): Promise<void> {
  await db.drafts.put({ key: draftKey(userId, formKey), userId, ...info, value, updatedAt: now.toISOString() })
}

/** Forgets the draft (saved, or discarded). */
export async function deleteDraft(db: GridSisterDb, userId: string, formKey: string): Promise<void> {
  await db.drafts.delete(draftKey(userId, formKey))
}

/** Her open drafts, newest first. */
export async function listDrafts(db: GridSisterDb, userId: string): Promise<DraftRow[]> {
  const rows = await db.drafts.where('userId').equals(userId).toArray()
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}
