import { parseArgs } from 'node:util'
import { backupDatabase, defaultBackupFile, restoreDatabase } from './cli/backup'
import { loadConfig } from './config'

/**
 * `npm run backup [-- FILE]`: a consistent copy of the configured database (DATABASE_URL)
 * while the server runs. `npm run restore -- FILE --yes`: puts a backup back (stop the
 * server first; SQLite file or PostgreSQL database alike). See cli/backup.ts.
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { restore: { type: 'boolean' }, yes: { type: 'boolean' } } })
const config = loadConfig()
const where = config.database.kind === 'postgres' ? 'PostgreSQL' : config.database.file
try {
  if (values.restore) {
    const file = positionals[0]
    if (!file) throw new Error('usage: npm run restore -- BACKUP_FILE --yes')
    if (!values.yes) throw new Error(`this replaces everything in ${where} with ${file}; stop the server, then add --yes`)
    await restoreDatabase(config.database, file)
    console.info(`[gridsister] restored ${file} into ${where}`)
  } else {
    const file = positionals[0] ?? defaultBackupFile(config.database)
    await backupDatabase(config.database, file)
    console.info(`[gridsister] backup of ${where} written to ${file}`)
  }
} catch (err) {
  console.error(`[gridsister] ${(err as Error).message}`)
  process.exit(1)
}
