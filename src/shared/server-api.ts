import { lazySchema, z } from './zod'
import { Id, Phone, PublicUser } from './records'
import { Role } from './vocab'

/** Bodies of the sync server's admin endpoints (health and demo accounts: public-api.ts). */

export const MIN_PASSWORD_LENGTH = 8

export const CreateUserRequest = lazySchema(() =>
  z.object({
    username: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'lowercase letters, digits, . _ -'),
    password: z.string().min(MIN_PASSWORD_LENGTH).max(200),
    displayName: z.string().trim().min(1).max(40),
    role: Role,
    communityId: Id.nullable(),
    phone: Phone.default(''),
  }),
)
export type CreateUserRequest = z.infer<typeof CreateUserRequest>

export const CreateCommunityRequest = lazySchema(() =>
  z.object({
    name: z.string().trim().min(1).max(60),
    district: z.string().trim().max(60).default(''),
    street: z.string().trim().max(60).default(''),
  }),
)

export const CreateGridRequest = lazySchema(() =>
  z.object({
    communityId: Id,
    name: z.string().trim().min(1).max(60),
    code: z.string().trim().max(20).default(''),
    estates: z.array(z.string().trim().max(60)).max(50).default([]),
    /** Buildings of each estate (optional: older clients send none). */
    buildings: z.record(z.string().trim().min(1).max(60), z.array(z.string().trim().min(1).max(20)).max(300)).optional(),
    workerId: Id.nullable().default(null),
  }),
)
export type CreateGridRequest = z.infer<typeof CreateGridRequest>

export const AssignGridRequest = lazySchema(() => z.object({ workerId: Id.nullable() }))

export const UserList = lazySchema(() => z.array(PublicUser))

export const PhotoReply = lazySchema(() =>
  z.object({
    sha256: z.string(),
    mime: z.string(),
    size: z.number().int(),
  }),
)
