/**
 * Password lengths, apart from the rule (password-policy.ts) so the request schemas can
 * name them without pulling the common-password list into every screen's bundle.
 */
export const MIN_PASSWORD_LENGTH = 8
export const MAX_PASSWORD_LENGTH = 200
