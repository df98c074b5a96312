import type { Page } from 'playwright-core'

/**
 * Reads the device database straight from the page's IndexedDB, under the app's feet:
 * what a journey asserts is what is really stored, not what the UI says.
 */

/** Names of the per-user device databases (`gridsister-<userId>`). */
export function deviceDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('gridsister-')),
  )
}

/** All rows of one object store of one database. */
export function readStore<T = unknown>(page: Page, dbName: string, store: string): Promise<T[]> {
  return page.evaluate(
    ({ dbName, store }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(dbName)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const req = db.transaction(store, 'readonly').objectStore(store).getAll()
          req.onerror = () => reject(req.error)
          req.onsuccess = () => {
            db.close()
            resolve(req.result as T[])
          }
        }
      }),
    { dbName, store },
  )
}

/** Size in bytes of a stored photo blob (null when absent). */
export function storedPhotoSize(page: Page, dbName: string, sha256: string): Promise<number | null> {
  return page.evaluate(
    ({ dbName, sha256 }) =>
      new Promise<number | null>((resolve, reject) => {
        const open = indexedDB.open(dbName)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const req = db.transaction('photos', 'readonly').objectStore('photos').get(sha256)
          req.onerror = () => reject(req.error)
          req.onsuccess = () => {
            db.close()
            const row = req.result as { blob?: Blob } | undefined
            resolve(row?.blob instanceof Blob ? row.blob.size : null)
          }
        }
      }),
    { dbName, sha256 },
  )
}

/** The one device database of a signed-in page (waits until the app has opened it). */
export async function deviceDb(page: Page, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const names = await deviceDatabases(page)
    if (names.length === 1) return names[0] as string
    if (Date.now() > deadline) throw new Error(`expected one device database, found ${names.length}`)
    await page.waitForTimeout(250)
  }
}

/** One value of the device's `meta` table. */
export async function metaValue(page: Page, dbName: string, key: string): Promise<unknown> {
  return (await readStore<{ key: string; value: unknown }>(page, dbName, 'meta')).find((r) => r.key === key)?.value
}

/** The mutations waiting in the device's outbox. */
export async function outboxMutations<M = unknown>(page: Page, dbName: string): Promise<M[]> {
  return (await readStore<{ mutation: M }>(page, dbName, 'outbox')).map((r) => r.mutation)
}
