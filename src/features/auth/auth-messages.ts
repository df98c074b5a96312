import { compileMessages } from '@/i18n/compile-messages'

/** Messages of the login screen and session banner (component-local i18n scope). */
export const authMessages = compileMessages({
  'zh-CN': {
    login: {
      title: '登录格子姐姐',
      subtitle: '登录一次，之后没有信号也能连续工作好几天',
      username: '用户名',
      usernamePlaceholder: '请输入用户名',
      password: '密码',
      passwordPlaceholder: '请输入密码',
      submit: '登录',
      submitting: '正在登录…',
      demoTitle: '演示账号（点一下自动填入）',
      roles: { worker: '网格员', supervisor: '妇联主席', admin: '管理员' },
      errors: {
        'wrong-password': '用户名或密码不对，请再试一次',
        disabled: '这个账号已被停用，请联系管理员',
        offline: '现在没有网络，登录需要联网；有信号后再试',
        'rate-limited': '登录失败次数太多，请稍等几分钟再试',
        'upgrade-required': '应用版本太旧，请刷新页面更新后再登录',
        server: '服务器暂时出了问题，请稍后再试',
        empty: '请填写用户名和密码',
      },
    },
    disabled: {
      title: '这个账号已被停用',
      wiped: '管理员停用了这个账号。停用前记下的记录已经上传，这台手机上的住户资料已全部删除。',
      lost: '停用后记下的 {n} 条记录没能上传，已一并删除。',
      contact: '如有疑问，请联系社区或街道管理员。',
    },
    session: {
      expired: '登录已过期：记录仍保存在手机上，请重新登录后上传',
      relogin: '重新登录',
      logout: '退出登录',
    },
  },
  en: {
    login: {
      title: 'Sign in to GridSister',
      subtitle: 'Sign in once, then work for days without signal',
      username: 'Username',
      usernamePlaceholder: 'Your username',
      password: 'Password',
      passwordPlaceholder: 'Your password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      demoTitle: 'Demo accounts (tap to fill in)',
      roles: { worker: 'Grid worker', supervisor: 'Supervisor', admin: 'Administrator' },
      errors: {
        'wrong-password': 'Wrong username or password, please try again',
        disabled: 'This account is disabled; ask your administrator',
        offline: 'No network: signing in needs a connection; try again when you have signal',
        'rate-limited': 'Too many failed attempts; wait a few minutes and try again',
        'upgrade-required': 'This app version is too old; reload the page to update',
        server: 'The server has a problem; please try again later',
        empty: 'Enter your username and password',
      },
    },
    disabled: {
      title: 'This account has been disabled',
      wiped: 'An administrator disabled this account. Records made before that were uploaded; the residents\' data on this phone has been deleted.',
      lost: '{n} records made after the account was disabled could not be uploaded and were deleted with the rest.',
      contact: 'If in doubt, ask your community or street administrator.',
    },
    session: {
      expired: 'Your session expired: your records are safe on this phone; sign in again to upload them',
      relogin: 'Sign in again',
      logout: 'Sign out',
    },
  },
})
