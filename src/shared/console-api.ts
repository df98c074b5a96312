import { lazySchema, z } from './zod'
import { Id, Phone } from './records'
import { Role } from './vocab'

/** Bodies of the administrator's console endpoints (places, accounts, device watermarks, overview). */

const estateName = z.string().trim().min(1).max(60)

export const UpdateGridRequest = lazySchema(() =>
  z.object({
    name: z.string().trim().min(1).max(60),
    code: z.string().trim().max(20).default(''),
    estates: z.array(estateName).max(50).default([]),
    buildings: z.record(estateName, z.array(z.string().trim().min(1).max(20)).max(300)).default({}),
  }),
)
export type UpdateGridRequest = z.infer<typeof UpdateGridRequest>

export const UpdateUserRequest = lazySchema(() =>
  z.object({
    displayName: z.string().trim().min(1).max(40).optional(),
    phone: Phone.optional(),
    role: Role.optional(),
  }),
)
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>

/** A user as the console lists her: the public fields plus whether the account is disabled. */
export const ConsoleUser = lazySchema(() =>
  z.object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    role: Role,
    communityId: Id.nullable(),
    phone: z.string(),
    disabled: z.boolean(),
    gridIds: z.array(Id),
  }),
)
export type ConsoleUser = z.infer<typeof ConsoleUser>

/** One device's upload watermark, as it reported it at its last contact. */
export const DeviceWatermark = lazySchema(() =>
  z.object({
    clientId: Id,
    lastContactAt: z.iso.datetime(),
    lastPushAt: z.iso.datetime().nullable(),
    /** Records not yet uploaded at its last contact; null when the device did not say (an older app). */
    pending: z.number().int().nullable(),
  }),
)
export type DeviceWatermark = z.infer<typeof DeviceWatermark>

/** Per-community figures of the district overview: counts only, no personal data. */
export const CommunityOverview = lazySchema(() =>
  z.object({
    communityId: Id,
    name: z.string(),
    street: z.string(),
    households: z.number().int(),
    keyHouseholds: z.number().int(),
    visited30: z.number().int(),
    visited90: z.number().int(),
    overdueKey: z.number().int(),
    wishes: z.object({ registered: z.number().int(), claimed: z.number().int(), fulfilled: z.number().int(), closed: z.number().int() }),
  }),
)
export type CommunityOverview = z.infer<typeof CommunityOverview>
