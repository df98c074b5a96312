import type { Role } from '@/shared'

/**
 * Who is writing on this device: stamped on the visits, wishes and assessments she
 * records; her role decides which wish moves the shared rule lets her make.
 */
export interface Actor {
  id: string
  name: string
  role: Role
}
