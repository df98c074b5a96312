import type { Assessment, Community, Grid, Household, Person, Review, Role, Visit, Wish } from '../../src/shared'

/** A demo account: the public user plus the password the loader hashes. */
export interface DemoUser {
  id: string
  username: string
  displayName: string
  role: Role
  communityId: string | null
  gridIds: string[]
  phone: string
  password: string
}

/** Everything the loader inserts into an empty database. */
export interface DemoData {
  community: Community
  grids: Grid[]
  users: DemoUser[]
  households: Household[]
  persons: Person[]
  visits: Visit[]
  wishes: Wish[]
  assessments: Assessment[]
  reviews: Review[]
}

export interface GenerateDemoOptions {
  /** Seed of every random choice (default 20240305). */
  seed?: number
  /** Number of households (default 800, about 3 persons each). */
  households?: number
  /** The end of the demo's year of visits (default: the real now; pass it for determinism). */
  now?: Date
  /** Average visits per household per year; default: what the care cadences give (about 3.5). */
  visitsPerHouseholdPerYear?: number
}
