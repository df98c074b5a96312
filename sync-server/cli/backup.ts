import Database from 'better-sqlite3'
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { promisify } from 'node:util'
import type { DatabaseConfig } from '../config'

/**
 * Backups and restores (the README's deployment kit).
 * - SQLite: SQLite's online backup API (better-sqlite3 `backup()`), page by page from a
 *   second connection, so the server keeps running and the copy is one consistent
 *   moment (WAL included). Restore copies the backup into the database file the same
 *   way, after checking the backup's integrity; the server must be stopped.
 * - PostgreSQL: `pg_dump --format=custom` (one consistent snapshot while the servers
 *   run) and `pg_restore --clean --if-exists --single-transaction` (all or nothing).
 * A restore brings the server back to the moment of the backup. Devices keep their own
 * outboxes and resend what the server no longer knows (SYNC.md: per-client lastSeq), so
 * what they sent before the backup is answered `duplicate` and nothing is applied twice.
 */
const run = promisify(execFile)

export async function backupDatabase(db: DatabaseConfig, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true })
  if (db.kind === 'postgres') {
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', file, '--dbname', db.url])
    return
  }
  if (!existsSync(db.file)) throw new Error(`no SQLite database at ${db.file}`)
  const source = new Database(db.file, { readonly: true, fileMustExist: true })
  try {
    await source.backup(file)
  } finally {
    source.close()
  }
}

export async function restoreDatabase(db: DatabaseConfig, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup at ${file}`)
  if (db.kind === 'postgres') {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', db.url, file])
    return
  }
  const backup = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const check = backup.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new Error(`the backup ${file} is damaged: ${String(check)}`)
    mkdirSync(dirname(db.file), { recursive: true })
    await backup.backup(db.file)
  } finally {
    backup.close()
  }
}

/** `./backups/gridsister-2026-12-07T03-15-00Z.db` (or `.dump` for PostgreSQL). */
export function defaultBackupFile(db: DatabaseConfig, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')
  return `./backups/gridsister-${stamp}.${db.kind === 'postgres' ? 'dump' : 'db'}`
}
