import { COMMON_PASSWORDS_8_PLUS } from './common-passwords'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-limits'

/**
 * The one password rule (OWASP ASVS 5, V6 "authentication"), checked by the server on
 * every password it stores (create-admin, account creation, change, reset) and by the
 * forms before they send one. A password is refused when it is
 * - shorter than MIN_PASSWORD_LENGTH characters (counted as the person sees them),
 * - among the 10,000 most common passwords (case-insensitive: `Password1` is as weak),
 * - equal to or containing the username (case-insensitive),
 * - the product's name or demo password, or contains the product's name: both are
 *   printed in the README and on the demo login screen.
 * Nothing else is demanded (no composition rules: ASVS and NIST 800-63B advise against).
 * Not exported from the shared barrel: the list is large, and only the password
 * screens and the server need it.
 */
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH }

export type PasswordProblem = 'too-short' | 'too-long' | 'too-common' | 'contains-username' | 'product-password'

export type PasswordVerdict = { ok: true } | { ok: false; problem: PasswordProblem; message: string }

/** Chinese first: the server sends these as the error message, the forms show them. */
export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  'too-short': `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
  'too-long': `密码最多 ${MAX_PASSWORD_LENGTH} 个字符`,
  'too-common': '这个密码太常见，很容易被猜中，请换一个',
  'contains-username': '密码不能包含用户名',
  'product-password': '密码不能是演示密码或包含产品名称',
}

/** Names printed in public material; a password holding one is guessed first. */
const PRODUCT_WORDS = ['gridsister', '格子姐姐']

let common: Set<string> | null = null
const commonSet = () => (common ??= new Set(COMMON_PASSWORDS_8_PLUS.split('\n')))

/** Checks a candidate password for `username`; returns the first problem found. */
export function checkPassword(password: string, username: string): PasswordVerdict {
  const length = [...password].length
  const lower = password.toLowerCase()
  const name = username.trim().toLowerCase()
  const problem: PasswordProblem | null =
    length < MIN_PASSWORD_LENGTH
      ? 'too-short'
      : length > MAX_PASSWORD_LENGTH
        ? 'too-long'
        : name.length > 0 && lower.includes(name)
          ? 'contains-username'
          : PRODUCT_WORDS.some((w) => lower.includes(w))
            ? 'product-password'
            : commonSet().has(lower)
              ? 'too-common'
              : null
  return problem ? { ok: false, problem, message: PASSWORD_MESSAGES[problem] } : { ok: true }
}
