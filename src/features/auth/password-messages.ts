import { compileMessages } from '@/i18n/compile-messages'
import { PASSWORD_MESSAGES } from '@/shared/password-policy'

/** Messages of the change-password screen (component-local i18n scope). */
export const passwordMessages = compileMessages({
  'zh-CN': {
    password: {
      title: '修改密码',
      forced: '管理员为你设置了密码。为了安全，请先换一个只有你自己知道的新密码，然后才能继续使用。',
      current: '当前密码',
      currentPlaceholder: '现在用的密码',
      next: '新密码',
      nextPlaceholder: '至少 8 个字符',
      again: '再输一次',
      againPlaceholder: '再输入一次新密码',
      rules: '新密码至少 8 个字符；不能是常见密码（如 12345678、password），不能包含用户名或“gridsister”。一句好记的话就很好，比如“青石巷口的老槐树”。',
      submit: '确认修改',
      submitting: '正在修改…',
      done: '密码已修改，其他手机上的登录已退出',
      // The shared rule's own words: the server answers with the same sentences.
      problems: PASSWORD_MESSAGES,
      errors: {
        empty: '请填写当前密码和新密码',
        mismatch: '两次输入的新密码不一样',
        offline: '修改密码需要联网；有信号后再试',
        expired: '登录已过期，请重新登录后再修改',
        server: '服务器暂时出了问题，请稍后再试',
      },
    },
  },
  en: {
    password: {
      title: 'Change password',
      forced: 'An administrator set your password. Choose a new one only you know before you go on.',
      current: 'Current password',
      currentPlaceholder: 'The password you use now',
      next: 'New password',
      nextPlaceholder: 'At least 8 characters',
      again: 'Again',
      againPlaceholder: 'Type the new password again',
      rules: 'At least 8 characters; not a common password (such as 12345678 or password); must not contain your username or "gridsister". A sentence you remember works well.',
      submit: 'Change password',
      submitting: 'Changing…',
      done: 'Password changed; other phones were signed out',
      problems: {
        'too-short': 'At least 8 characters',
        'too-long': 'At most 200 characters',
        'too-common': 'This password is too common and easy to guess; choose another',
        'contains-username': 'The password must not contain your username',
        'product-password': 'The password must not be the demo password or contain the product name',
      },
      errors: {
        empty: 'Enter your current and new password',
        mismatch: 'The two new passwords differ',
        offline: 'Changing the password needs a connection; try again when you have signal',
        expired: 'Your session expired; sign in again first',
        server: 'The server has a problem; please try again later',
      },
    },
  },
})
