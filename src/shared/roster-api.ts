import { lazySchema, z } from './zod'
import { Id } from './records'
import { ROSTER_FIELDS } from './roster'

/**
 * Bodies of the roster import endpoints (`/api/admin/import/*`). The file travels as
 * base64 in JSON on both calls (the dry run and the import), so the server keeps no
 * upload state between them: the import re-reads the very bytes the admin checked.
 */

export const RosterField = z.enum(ROSTER_FIELDS)

/** Field → column index (0-based) in the header row. */
export const RosterMapping = lazySchema(() => z.partialRecord(RosterField, z.number().int().min(0).max(200)))
export type RosterMapping = z.infer<typeof RosterMapping>

/** Files up to this size are accepted (a 10,000-row register is well under it). */
export const MAX_ROSTER_BYTES = 6 * 1024 * 1024

export const RosterImportRequest = lazySchema(() =>
  z.object({
    communityId: Id,
    fileName: z.string().trim().min(1).max(200),
    /** The file's bytes, base64. */
    content: z.string().min(1).max(Math.ceil((MAX_ROSTER_BYTES * 4) / 3) + 4),
    /** Absent: guessed from the header row. */
    mapping: RosterMapping.optional(),
    /** all: refuse when any row has an error; clean: import the rows without errors. */
    mode: z.enum(['all', 'clean']).default('all'),
  }),
)
export type RosterImportRequest = z.infer<typeof RosterImportRequest>

export const RosterProblem = lazySchema(() =>
  z.object({
    /** Line in the file (1-based, as the spreadsheet shows it). */
    line: z.number().int(),
    severity: z.enum(['error', 'warning']),
    field: RosterField.nullable(),
    message: z.string(),
  }),
)
export type RosterProblem = z.infer<typeof RosterProblem>

const Counts = z.object({ create: z.number().int(), existing: z.number().int() })

export const RosterReport = lazySchema(() =>
  z.object({
    fileName: z.string(),
    /** Header cells, as read; the mapping points into them. */
    columns: z.array(z.string()),
    mapping: RosterMapping,
    headerLine: z.number().int(),
    /** Person rows read (blank and total rows not counted). */
    rows: z.number().int(),
    /** Rows with an error: never stored. */
    errorRows: z.number().int(),
    households: Counts,
    persons: Counts,
    perGrid: z.array(z.object({ gridId: Id, gridName: z.string(), households: z.number().int(), persons: z.number().int() })),
    problems: z.array(RosterProblem),
    /** True when the records were written (false on a dry run or a refused import). */
    imported: z.boolean(),
  }),
)
export type RosterReport = z.infer<typeof RosterReport>
