import { glossaryZh } from '@/i18n/glossary'

/** Supervisor workspace messages, Simplified Chinese (merged into the global i18n on demand). */
export default {
  supervisor: {
    title: '督导工作台',
    nav: { review: '审核', conflicts: '冲突', coverage: '覆盖', ledger: '台账', needs: '需求', map: '责任图', export: '导出', audit: '审计日志', settings: '我的' },
    common: {
      all: '全部', loading: '加载中…', empty: '暂无数据', error: '出错了：{message}', back: '返回', cancel: '取消', confirm: '确定',
      days: '{n} 天', never: '从未走访', grid: '网格', worker: '网格员', offline: '需要联网', retry: '重试', save: '保存',
    },
    kind: glossaryZh.recordKind,
    state: { ...glossaryZh.reviewState, open: '待处理' },
    method: glossaryZh.visitMethod,
    outcome: glossaryZh.visitOutcome,
    wishState: glossaryZh.wishState,
    category: glossaryZh.wishCategory,
    policy: glossaryZh.policy,
    level: glossaryZh.careLevel,
    careLevelChange: '{from} → {to}',
    sex: { F: '女', M: '男' },
    keyGroup: glossaryZh.keyGroup,
    review: {
      reveal: '查看完整号码', revealHint: '需要联网；每次查看都会记录', revealFailed: '没能查看：{message}', revealed: '{label}：{value}',
      filter: { grid: '网格', worker: '网格员', kind: '类型', keyGroup: '重点人群', state: '状态' },
      count: '共 {n} 条', selectAll: '全选', batchApprove: '批量通过（{n}）', approve: '通过', return: '退回',
      returnTitle: '退回并说明原因', commentPlaceholder: '请写明需要补充或更正的内容', commentRequired: '退回时必须填写意见',
      approved: '已通过', returned: '已退回，网格员同步后会在“今日”看到', batchDone: '已通过 {n} 条',
      resubmission: '重新提交', whatChanged: '改动内容', before: '原来', after: '现在', lastComment: '上次意见：{comment}',
      reviewedBy: '{name} 于 {at} {state}', noChanges: '没有字段变化', newRecord: '新建记录', changedFields: '本次改动的字段',
      field: '项目', more: '还有 {n} 条，点此显示更多', photos: '照片', history: '经过', open: '查看', notFound: '记录不存在或已不在本社区',
    },
    field: {
      careLevelChange: '关怀等级变化',
      visitedAt: '走访时间', visitorName: '走访人', method: '方式', outcome: '走访结果', seen: '看到的情况', asked: '群众诉求', done: '办理或承诺',
      policies: '宣传政策', nextVisitOn: '下次走访', photos: '照片', headName: '户主', address: '地址', phone: '电话',
      keyGroups: '重点人群', careLevel: '关怀等级', visitCadenceDays: '走访周期（天）', notes: '备注', title: '心愿',
      detail: '详情', category: '类别', state: '状态', claimedBy: '认领人', fulfilment: '完成情况', closedReason: '关闭原因',
      assessedAt: '评估时间', answers: '各项需求', cadenceDays: '走访周期（天）', score: '得分', templateId: '模板', deleted: '已删除',
      name: '姓名', sex: '性别', birthDate: '出生日期', relation: '关系', idNumber: '身份证号', members: '家庭成员',
    },
    triage: {
      attention: '需要细看', attentionHint: '重点户、迫切需求、内容过短、间隔过久、曾退回或更正的记录，请逐条查看',
      routine: '常规记录', sample: '先抽查', sampleHint: '从常规记录中随机抽取，逐条看完后可批量通过其余记录',
      rate: '抽样率', batchRest: '批量通过其余 {n} 条常规记录', sampleFirst: '请先看完抽查的 {n} 条', newRecords: '{n} 条新记录',
      loadNew: '载入', next: '下一条', prev: '上一条', position: '第 {i} / {n} 条', pick: '在左侧选择一条记录', backToList: '返回列表',
      keys: '快捷键：A 通过 · R 退回 · J 下一条 · K 上一条', openLeft: '待处理 {n} 条', done: '全部处理完了', batchConfirm: '抽查的记录已看完。确认通过其余 {n} 条常规记录？', firstSync: '正在接收本社区的记录（进度见上方），收完即可开始审核',
      reason: {
        'returned-before': '曾退回', correction: '更正记录', 'urgent-need': '迫切需求', 'thin-text': '内容过短',
        'long-gap': '间隔过久', 'key-household': '重点户',
      },
    },
    conflicts: {
      title: '冲突收件箱', hint: '两部手机同时改了同一项，系统按时间先后保留了一个值；请确认保留哪一个。',
      kept: '当前保留', other: '被覆盖的值', by: '{name} · {at}', keepCurrent: '保留当前值', useOther: '改用此值',
      resolved: '已处理', masked: '号码已遮挡：请负责的网格员向住户核实后修改', none: '没有待处理的冲突', unknownUser: '未知用户', record: '{kind}：{name}',
    },
    coverage: {
      title: '走访覆盖', byGrid: '按网格', byWorker: '按网格员', overdue: '逾期未访的重点户', trend: '近 12 个月走访',
      methods: '近 30 天走访方式', visitsSeries: '走访次数', householdsSeries: '走访户数', overdueCount: '逾期 {n} 户', monthToDate: '本月至今', showAll: '显示全部 {n} 户',
      attempts: '“家中无人”“电话未接通”只算尝试，不计入已访、逾期和走访次数。近 30 天尝试 {n} 次。',
      col: {
        grid: '网格', worker: '网格员', households: '户数', keyHouseholds: '重点户', visited30: '近30天已访',
        visited90: '近90天已访', overdue: '逾期重点户',
      },
    },
    overdue: {
      col: {
        grid: '网格', headName: '户主', idNumber: '身份证号', phone: '电话', address: '地址', keyGroups: '重点人群',
        cadence: '走访周期（天）', lastVisit: '上次走访', daysOverdue: '逾期天数',
      },
      never: '从未走访', line: '周期 {cadence} 天 · 逾期 {days} 天',
    },
    ledger: {
      title: '民生实事小账本', funnelTitle: '心愿办理进度', staleDays: '认领超过 {n} 天未完成', stale: '认领超期',
      monthTitle: '{month} 分类统计', registeredInMonth: '本月登记', fulfilledInMonth: '本月办结',
      funnel: { registered: '登记', claimed: '认领', fulfilled: '完成' },
      col: {
        createdAt: '登记日期', grid: '网格', headName: '户主', headPhone: '户主电话', title: '心愿', category: '类别', state: '状态',
        claimant: '认领人', claimantPhone: '认领人电话', daysOpen: '已开天数', stale: '认领超期',
      },
      onlyStale: '只看超期', daysOpen: '已 {n} 天', unclaimed: '待认领',
    },
    courtyard: {
      title: '最美庭院评分', item: '评分项目', summary: '已评分 {scored} 户，平均 {average} 分', scored: '已评分户数', average: '平均得分',
      score: '得分 {n}',
    },
    needs: {
      title: '需求画像', domain: '需求领域', assessed: '已评估户数', notAssessed: '未评估 {n} 户',
      highNoVisit: '迫切需求且评估后未走访', assessedOn: '评估于 {date}', level: '等级',
    },
    map: {
      title: '网格化责任图', estates: '小区/楼栋', households: '户数', keyHouseholds: '重点户', reassign: '调整网格员',
      unassigned: '未分配', assigned: '已调整，网格员下次同步时生效', pickWorker: '选择网格员', noPhone: '未留电话',
    },
    export: {
      title: '导出报表', month: '月份', monthly: '月报（Excel）', ledgerXlsx: '台账（Excel）', ledgerCsv: '台账（CSV）',
      coverageCsv: '覆盖表（CSV）', print: '打印版月报',
      masked: '电话、身份证号已遮挡', done: '已导出 {file}',
      fileMonthly: '月报', fileLedger: '民生台账', fileCoverage: '走访覆盖', asOf: '数据截至 {at}',
      sheet: { coverage: '走访覆盖', ledger: '民生台账', categories: '分类统计', funnel: '心愿办理进度', needs: '需求画像', courtyard: '最美庭院', overdue: '逾期重点户' },
      stage: '环节', cumulative: '累计（截至月底）', funnelTitle: '心愿办理进度（累计，截至{month}月底）', courtyardTitle: '最美庭院评分（截至{month}）',
      reportTitle: '{community}{month}月报', total: '合计', yes: '是',
      ledgerTitle: '{community}民生实事小账本（截至{month}）', categoriesTitle: '{month} 心愿分类统计',
      needsTitle: '需求画像（截至{month}）', overdueTitle: '逾期未访重点户（截至{month}）',
      printTitle: '{community} {month} 工作月报', printButton: '打印', generatedAt: '生成时间 {at}',
    },
    audit: {
      title: '审计日志', intro: '谁在什么时候查看、查看完整信息、导出、改派、停用了什么。记录至少保留 6 个月，只能联网查看。',
      what: '操作', when: '时间', who: '人员', at: '时间', subject: '对象', nobody: '（未知账号）', empty: '这段时间没有记录',
      more: '加载更多', lastDays: '最近 {n} 天', password: '修改密码',
      filter: {
        all: '全部', 'record-view': '查看', 'reveal': '查看完整信息', 'record-export': '导出', 'grid-assign': '改派网格',
        'user-disable': '停用账号', 'password-': '密码', login: '登录', 'login-failed': '登录失败',
      },
      field: { idNumber: '身份证号', phone: '电话' },
      action: {
        login: '登录', 'login-failed': '登录失败', logout: '退出登录', 'password-change': '修改密码', 'password-reset': '重置密码',
        'admin-create': '创建管理员', 'user-create': '新建账号', 'user-disable': '停用账号', 'community-create': '新建社区',
        'grid-create': '新建网格', 'grid-assign': '改派网格', 'conflict-resolve': '处理冲突', 'record-view': '查看记录',
        'reveal': '查看完整信息', 'record-export': '导出', 'photo-download': '查看照片', 'demo-load': '载入演示数据',
        'grid-update': '修改网格', 'user-update': '修改账号', 'user-enable': '重新启用账号', 'roster-import': '导入住户台账',
      },
    },
    denied: '仅督导和管理员可以使用此页面',
  },
}
