import { compileMessages } from '@/i18n/compile-messages'
import { glossaryEn, glossaryZh } from '@/i18n/glossary'

const NOT_ACCEPTED = glossaryZh.term.notAccepted

/**
 * What a refused change means to the worker, in her words: what she did, why the
 * server did not take it (who got there first, and when), and what she can do now.
 * Never a raw state ("registered → claimed") or the server's English message.
 */
export const rejectionMessages = compileMessages({
  'zh-CN': {
    rejection: {
      title: `${NOT_ACCEPTED}的修改 ({n})`,
      headline: `{what}${NOT_ACCEPTED}`,
      view: '查看',
      dismiss: '知道了',
      what: {
        'household-put': '修改住户「{name}」',
        'household-delete': '删除住户「{name}」',
        'person-put': '修改成员「{name}」',
        'person-delete': '删除成员「{name}」',
        'assessment-put': '{name}的需求评估',
        'assessment-delete': '删除{name}的需求评估',
        'visit-create': '{name}的走访记录（{date}）',
        'wish-create': '登记心愿「{name}」',
        'wish-claimed': '认领心愿「{name}」',
        'wish-fulfilled': '把心愿「{name}」标为已完成',
        'wish-registered': '把心愿「{name}」放回待认领',
        'wish-closed': '关闭心愿「{name}」',
        'review-set': '审核意见',
        'record-restore': '恢复记录',
        other: '一条修改',
      },
      wishNow: {
        claimed: '这个心愿已经由{claimant}（{kind}）认领了：{by}在 {at} 登记的。',
        fulfilled: '这个心愿已经由{by}在 {at} 标为已完成。',
        closed: '这个心愿已经由{by}在 {at} 关闭了。',
        registered: '这个心愿已经由{by}在 {at} 放回待认领。',
      },
      wishAction: '您的这次操作没有生效。心愿现在的情况，打开它就能看到；有疑问请联系{by}。',
      why: {
        'out-of-scope': '这户已经不在您负责的网格里了（网格可能调整给了别人）。',
        forbidden: '您的账号没有这项权限。',
        'bad-request': '内容不完整或格式不对，服务器没有保存。',
        'clock-drift': '手机的时间不准，服务器没有保存。',
        conflict: '别人同时改了这条记录。',
        'payload-too-large': '内容太长（超过 64 KB），服务器没有保存。',
        'not-found': '这条记录在服务器上已经不存在（可能已被删除）。',
        'invalid-transition': '心愿现在的状态不能这样改。',
        'stale-state': '心愿已经被别人先处理了。',
        other: `这条修改${NOT_ACCEPTED}。`,
      },
      action: {
        'out-of-scope': '这条修改留在手机上，没有上传。如需继续跟进这户，请联系妇联主席。',
        forbidden: '请联系妇联主席处理。',
        'bad-request': '请打开这条记录，检查后重新填写。',
        'clock-drift': '请在手机“设置”里打开“自动设置日期和时间”，再点立即同步。',
        conflict: '请打开这条记录核对现在的内容，需要时再改一次。',
        'payload-too-large': '请打开这条记录，删减一些内容后重新填写。',
        'not-found': '不用再处理。',
        'invalid-transition': '请打开这个心愿，看它现在的状态。',
        'stale-state': '请打开这个心愿，看它现在的状态。',
        other: '请联系妇联主席。',
      },
      someone: '别人',
    },
  },
  en: {
    rejection: {
      title: `Changes ${glossaryEn.term.notAccepted} ({n})`,
      headline: `{what}: ${glossaryEn.term.notAccepted}`,
      view: 'View',
      dismiss: 'Got it',
      what: {
        'household-put': 'Edit of household “{name}”',
        'household-delete': 'Deletion of household “{name}”',
        'person-put': 'Edit of member “{name}”',
        'person-delete': 'Deletion of member “{name}”',
        'assessment-put': 'Needs assessment of {name}',
        'assessment-delete': 'Deletion of the assessment of {name}',
        'visit-create': 'Visit to {name} ({date})',
        'wish-create': 'New wish “{name}”',
        'wish-claimed': 'Claim of wish “{name}”',
        'wish-fulfilled': 'Marking wish “{name}” fulfilled',
        'wish-registered': 'Putting wish “{name}” back on the tree',
        'wish-closed': 'Closing wish “{name}”',
        'review-set': 'Review',
        'record-restore': 'Restore',
        other: 'A change',
      },
      wishNow: {
        claimed: 'This wish was already claimed by {claimant} ({kind}), recorded by {by} at {at}.',
        fulfilled: 'This wish was already marked fulfilled by {by} at {at}.',
        closed: 'This wish was already closed by {by} at {at}.',
        registered: 'This wish was already put back on the tree by {by} at {at}.',
      },
      wishAction: 'Your change did not take effect. Open the wish to see where it stands; ask {by} if in doubt.',
      why: {
        'out-of-scope': 'This household is no longer in your grids (they may have been reassigned).',
        forbidden: 'Your account may not do this.',
        'bad-request': 'The content was incomplete or malformed; the server did not save it.',
        'clock-drift': "The phone's clock is wrong; the server did not save it.",
        conflict: 'Someone else changed this record at the same time.',
        'payload-too-large': 'Too long (over 64 KB); the server did not save it.',
        'not-found': 'This record no longer exists on the server (it may have been deleted).',
        'invalid-transition': 'The wish cannot change this way from its current state.',
        'stale-state': 'Someone else handled this wish first.',
        other: 'The server did not accept this change.',
      },
      action: {
        'out-of-scope': 'The change stays on this phone, not uploaded. Ask your supervisor to keep following this household.',
        forbidden: 'Ask your supervisor.',
        'bad-request': 'Open the record, check it and enter it again.',
        'clock-drift': 'Turn on automatic date and time in the phone settings, then tap Sync now.',
        conflict: 'Open the record to check what it says now; edit again if needed.',
        'payload-too-large': 'Open the record, shorten it and enter it again.',
        'not-found': 'Nothing to do.',
        'invalid-transition': 'Open the wish to see where it stands.',
        'stale-state': 'Open the wish to see where it stands.',
        other: 'Ask your supervisor.',
      },
      someone: 'someone else',
    },
  },
})

/** Reason codes with a text of their own; others read as the generic one. */
export const EXPLAINED_CODES = new Set(Object.keys(rejectionMessages['zh-CN'].rejection.why))
