import { lazySchema, z } from './zod'
import { Id, Phone, PublicUser } from './records'
import { Role } from './vocab'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-limits'

/** Bodies of the sync server's admin endpoints (health and demo accounts: public-api.ts). */

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH }
/** Shape only; what makes a password acceptable is `checkPassword` (password-policy.ts). */
const newPassword = () => z.string().min(1).max(MAX_PASSWORD_LENGTH)

export const CreateUserRequest = lazySchema(() =>
  z.object({
    username: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'lowercase letters, digits, . _ -'),
    password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
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

/** `POST /api/auth/password`: the signed-in user changes her own password. */
export const ChangePasswordRequest = lazySchema(() =>
  z.object({ currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH), newPassword: newPassword() }),
)
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>

/** `POST /api/admin/users/:id/password`: an admin sets a password that must be changed at next login. */
export const ResetPasswordRequest = lazySchema(() => z.object({ newPassword: newPassword() }))
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>

/** The full values of the masked fields of one record (POST /api/records/:kind/:id/reveal). */
export const RevealReply = lazySchema(() => z.object({ fields: z.record(z.string(), z.string()) }))
export type RevealReply = z.infer<typeof RevealReply>
