/** Administrator's console messages, Simplified Chinese (merged into the global i18n on demand). */
export default {
  admin: {
    title: '管理后台',
    nav: { places: '地点', accounts: '账号', assign: '网格分配', import: '导入台账', overview: '概览' },
    common: {
      loading: '加载中…', error: '出错了：{message}', offline: '管理后台需要联网', save: '保存', cancel: '取消', create: '新建',
      edit: '编辑', saved: '已保存', none: '无', community: '社区', confirm: '确定',
      taken: '这个登录名已被占用，请换一个', badInput: '填写的内容不符合要求，请检查后再试',
    },
    roles: { worker: '网格员', supervisor: '妇联主席', admin: '管理员' },
    places: {
      title: '地点：区 → 街道 → 社区 → 网格', pickCommunity: '选择社区', newCommunity: '新建社区', district: '区县', street: '街道',
      communityName: '社区名称', newGrid: '新建网格', gridName: '网格名称', gridCode: '编号', estates: '小区',
      estatesHint: '每行一个小区', buildings: '{estate} 的楼栋', buildingsHint: '用逗号或空格分开，如 1栋 2栋 3栋',
      noEstates: '还没有小区', worker: '网格员：{name}', unassigned: '未分配', gridCount: '{n} 个网格',
    },
    accounts: {
      title: '账号', newUser: '新建账号', username: '登录名', usernameHint: '小写字母、数字，如 wang-xm', password: '初始密码',
      passwordHint: '至少 8 位', displayName: '姓名', phone: '电话', role: '角色', disabled: '已停用', active: '在用',
      disable: '停用', enable: '重新启用', resetPassword: '重置密码', newPassword: '新密码', grids: '负责网格',
      disableTitle: '停用 {name} 的账号？', disableBody: '停用后她立即退出登录。请先看她每台设备的上传情况：',
      passwordReset: '密码已重置，她需要用新密码登录', enabled: '已重新启用', disabledDone: '已停用',
    },
    watermark: {
      title: '设备上传情况', none: '这个账号还没有设备同步过', device: '设备 {id}', lastContact: '最近联系：{at}',
      lastPush: '最近成功上传：{at}', neverPushed: '从未成功上传', pending: '未上传记录：{n} 条', pendingUnknown: '未上传记录：设备未报告（旧版应用）',
      allUp: '全部已上传', warn: '还有记录没有上传：最好等她联网同步后再操作',
    },
    assign: {
      title: '网格分配', map: '网格化责任图', choose: '选择网格员', nobody: '不分配', confirmTitle: '把 {grid} 交给 {to}？',
      confirmBody: '{from} 设备上的未上传记录会先上传，再交出这个网格。', assigned: '已分配，责任图已更新', gridsOf: '{n} 个网格',
      noWorker: '没有网格员：先在“账号”里新建',
    },
    import: {
      title: '导入住户台账', step1: '1. 选择文件', step2: '2. 核对列', step3: '3. 试导入结果', step4: '4. 导入',
      template: '下载模板', sample: '下载示例台账', choose: '选择 .xlsx 或 .csv 文件', dryRun: '试导入（不写入）',
      again: '按新的列对应再试一次', importAll: '全部导入', importClean: '只导入没有错误的行', notMapped: '（不导入）',
      header: '表头在第 {line} 行，共 {rows} 人', households: '住户：新建 {create}，已存在 {existing}',
      persons: '成员：新建 {create}，已存在 {existing}', perGrid: '{grid}：新建住户 {households}，新建成员 {persons}',
      errors: '{n} 行有错误，不会导入', noErrors: '没有错误', line: '第 {line} 行', error: '错误', warning: '提示',
      done: '已导入：新建住户 {households}，成员 {persons}。网格员下次同步就能看到。', refused: '没有导入：表中有错误的行',
      fixHint: '改正表格后重新选择文件，或在“地点”里补上小区后再试导入。', tooBig: '文件太大',
    },
    overview: {
      title: '各社区概览', community: '社区', households: '住户', keyHouseholds: '重点户', visited30: '30天内走访', visited90: '90天内走访',
      overdueKey: '逾期未访重点户', wishes: '微心愿（登记/认领/实现/关闭）', total: '合计', coverage: '{pct}%',
      note: '数字由服务器统计，不含任何居民个人信息。',
    },
    field: {
      grid: '网格', estate: '小区', building: '楼栋', unit: '单元', door: '门牌号', address: '地址', name: '姓名',
      relation: '与户主关系', sex: '性别', birthDate: '出生日期', idNumber: '身份证号', phone: '联系电话', keyGroups: '重点人群', notes: '备注',
    },
  },
}
