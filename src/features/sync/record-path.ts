import type { RecordKind } from '@/shared'

/** The page of a record on the phone (a review has none of its own; the community's settings are the supervisor's). */
export function recordPath(kind: RecordKind, id: string): string | null {
  switch (kind) {
    case 'household':
      return `/households/${id}`
    case 'person':
      return `/persons/${id}/edit`
    case 'visit':
      return `/visits/${id}`
    case 'wish':
      return `/wishes/${id}`
    case 'assessment':
      return `/assessments/${id}`
    case 'communitySettings':
      return '/supervisor/community'
    default:
      return null
  }
}
