/**
 * One glossary for the worker's and the supervisor's screens: both dictionaries read
 * these terms from here, so a registered wish, a wish category or a key group has one
 * name wherever a worker and her supervisor talk about it. Choices where they differed:
 * - a registered wish is 待认领 (what it waits for, and the supervisor's own filter word);
 * - 课业辅导 (the assessment's after-school tutoring domain), 矛盾调解, 照料陪伴;
 * - one visit is a 走访记录; 民情日记 is the name of the book those records make up;
 * - 低保 and 待业求职, the words residents and workers use;
 * - 退回 is only the supervisor's return of a record; a change the server refused is
 *   未被接受 (notAccepted), on every screen and in every refusal message;
 * - the elder-friendly mode is the 长辈版, as Chinese public-service apps call it.
 */
export const glossaryZh = {
  keyGroup: {
    'left-behind': '留守',
    disabled: '残疾',
    hardship: '困境',
    'serious-illness': '重病',
    'single-parent': '单亲',
    'elderly-alone': '孤寡老人',
    'lost-only-child': '失独',
    unemployed: '待业求职',
    'migrant-family': '进城务工',
  },
  visitMethod: { 'in-person': '入户走访', phone: '电话询问', wechat: '微信了解' },
  /** How a contact went; 家中无人 and 电话未接通 are attempts, not visits (shared/rules/visits.ts). */
  visitOutcome: { met: '见到本人', 'not-home': '家中无人', 'no-answer': '电话未接通', refused: '拒绝访问' },
  policy: {
    'unemployment-subsidy': '失业补助',
    'pension-insurance': '养老保险',
    'medical-reimbursement': '医疗报销',
    'minimum-living': '低保',
    'disability-subsidy': '残疾人补贴',
    'elderly-allowance': '高龄津贴',
    'education-aid': '教育资助',
    'legal-aid': '法律援助',
  },
  wishState: { registered: '待认领', claimed: '已认领', fulfilled: '已完成', closed: '已关闭' },
  wishCategory: {
    errand: '跑腿代办',
    repair: '维修',
    care: '照料陪伴',
    dispute: '矛盾调解',
    job: '就业',
    study: '课业辅导',
    health: '健康',
    activity: '活动',
    other: '其他',
  },
  reviewState: { pending: '待审核', approved: '已通过', returned: '已退回', resubmitted: '已重新提交' },
  careLevel: ['无需求', '一般', '较高', '迫切'],
  recordKind: { household: '住户', person: '成员', visit: '走访记录', wish: '微心愿', assessment: '需求评估', communitySettings: '社区设置' },
  term: { notAccepted: '未被接受', elderMode: '长辈版' },
}

/** The same terms in English (same keys; the type checks it). */
export const glossaryEn: typeof glossaryZh = {
  keyGroup: {
    'left-behind': 'Left behind',
    disabled: 'Disability',
    hardship: 'In difficulty',
    'serious-illness': 'Serious illness',
    'single-parent': 'Single parent',
    'elderly-alone': 'Elderly alone',
    'lost-only-child': 'Lost only child',
    unemployed: 'Job seeking',
    'migrant-family': 'Migrant family',
  },
  visitMethod: { 'in-person': 'In person', phone: 'Phone', wechat: 'WeChat' },
  visitOutcome: { met: 'Met them', 'not-home': 'Nobody home', 'no-answer': 'No answer', refused: 'Refused' },
  policy: {
    'unemployment-subsidy': 'Unemployment subsidy',
    'pension-insurance': 'Pension insurance',
    'medical-reimbursement': 'Medical reimbursement',
    'minimum-living': 'Minimum living allowance',
    'disability-subsidy': 'Disability subsidy',
    'elderly-allowance': 'Elderly allowance',
    'education-aid': 'Education aid',
    'legal-aid': 'Legal aid',
  },
  wishState: { registered: 'Unclaimed', claimed: 'Claimed', fulfilled: 'Fulfilled', closed: 'Closed' },
  wishCategory: {
    errand: 'Errand',
    repair: 'Repair',
    care: 'Care and company',
    dispute: 'Dispute mediation',
    job: 'Job',
    study: 'Tutoring',
    health: 'Health',
    activity: 'Activity',
    other: 'Other',
  },
  reviewState: { pending: 'Pending', approved: 'Approved', returned: 'Returned', resubmitted: 'Resubmitted' },
  careLevel: ['None', 'Low', 'Medium', 'High'],
  recordKind: { household: 'Household', person: 'Member', visit: 'Visit', wish: 'Wish', assessment: 'Assessment', communitySettings: 'Community settings' },
  term: { notAccepted: 'not accepted', elderMode: 'Elder mode' },
}
