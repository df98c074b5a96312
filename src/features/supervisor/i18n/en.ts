import type zhCN from './zh-CN'

/** Supervisor workspace messages, English (same keys as zh-CN; the type checks it). */
const en: typeof zhCN = {
  supervisor: {
    title: 'Supervisor',
    nav: { review: 'Review', conflicts: 'Conflicts', coverage: 'Coverage', ledger: 'Ledger', needs: 'Needs', map: 'Grid map', export: 'Export', audit: 'Audit log' },
    common: {
      all: 'All', loading: 'Loading…', empty: 'Nothing here', error: 'Error: {message}', back: 'Back', cancel: 'Cancel', confirm: 'OK',
      days: '{n} days', never: 'Never visited', grid: 'Grid', worker: 'Worker', offline: 'Needs a connection', retry: 'Retry', save: 'Save',
    },
    kind: { visit: 'Visit', household: 'Household', wish: 'Wish', assessment: 'Assessment', person: 'Member' },
    state: { pending: 'Pending', approved: 'Approved', returned: 'Returned', resubmitted: 'Resubmitted', open: 'To do' },
    method: { 'in-person': 'In person', phone: 'Phone', wechat: 'WeChat' },
    wishState: { registered: 'Registered', claimed: 'Claimed', fulfilled: 'Fulfilled', closed: 'Closed' },
    category: {
      errand: 'Errands', repair: 'Repairs', care: 'Care', dispute: 'Disputes mediated', job: 'Jobs', study: 'Tutoring',
      health: 'Health', activity: 'Activities', other: 'Other',
    },
    policy: {
      'unemployment-subsidy': 'Unemployment subsidy', 'pension-insurance': 'Pension insurance', 'medical-reimbursement': 'Medical reimbursement',
      'minimum-living': 'Minimum living allowance', 'disability-subsidy': 'Disability subsidy', 'elderly-allowance': 'Elderly allowance',
      'education-aid': 'Education aid', 'legal-aid': 'Legal aid',
    },
    level: ['None', 'Low', 'Medium', 'High'],
    sex: { F: 'F', M: 'M' },
    keyGroup: {
      'left-behind': 'Left behind', disabled: 'Disabled', hardship: 'Hardship', 'serious-illness': 'Serious illness',
      'single-parent': 'Single parent', 'elderly-alone': 'Elderly alone', 'lost-only-child': 'Lost only child',
      unemployed: 'Unemployed', 'migrant-family': 'Migrant family',
    },
    review: {
      reveal: 'Show full numbers', revealHint: 'Needs a network; every look is recorded', revealFailed: 'Could not show them: {message}', revealed: '{label}: {value}',
      filter: { grid: 'Grid', worker: 'Worker', kind: 'Kind', keyGroup: 'Key group', state: 'State' },
      count: '{n} items', selectAll: 'Select all', batchApprove: 'Approve selected ({n})', approve: 'Approve', return: 'Return',
      returnTitle: 'Return with a comment', commentPlaceholder: 'What should be added or corrected', commentRequired: 'A return needs a comment',
      approved: 'Approved', returned: 'Returned; the worker sees it on Today after her next sync', batchDone: '{n} approved',
      resubmission: 'Resubmission', whatChanged: 'What changed', before: 'Before', after: 'Now', lastComment: 'Last comment: {comment}',
      reviewedBy: '{name} {state} on {at}', noChanges: 'No field changed', newRecord: 'New record', changedFields: 'Fields changed',
      field: 'Field', more: '{n} more, show more', photos: 'Photos', history: 'History', open: 'Open', notFound: 'Record not found or not in this community',
    },
    field: {
      visitedAt: 'Visited at', visitorName: 'Visitor', method: 'Method', seen: 'Seen', asked: 'Asked for', done: 'Done or promised',
      policies: 'Policies explained', nextVisitOn: 'Next visit', photos: 'Photos', headName: 'Head', address: 'Address', phone: 'Phone',
      keyGroups: 'Key groups', careLevel: 'Care level', visitCadenceDays: 'Visit cadence (days)', notes: 'Notes', title: 'Wish',
      detail: 'Detail', category: 'Category', state: 'State', claimedBy: 'Claimed by', fulfilment: 'Fulfilment', closedReason: 'Closed because',
      assessedAt: 'Assessed at', answers: 'Needs', cadenceDays: 'Visit cadence (days)', score: 'Score', templateId: 'Template', deleted: 'Deleted',
      name: 'Name', sex: 'Sex', birthDate: 'Born', relation: 'Relation', idNumber: 'ID number', members: 'Members',
    },
    conflicts: {
      title: 'Conflict inbox', hint: 'Two phones changed the same field; the later one was kept. Confirm which value to keep.',
      kept: 'Kept', other: 'Overwritten', by: '{name} · {at}', keepCurrent: 'Keep current', useOther: 'Use this value',
      resolved: 'Resolved', masked: 'Number masked: the grid worker checks it with the household and corrects it', none: 'No open conflicts', unknownUser: 'Unknown user', record: '{kind}: {name}',
    },
    coverage: {
      title: 'Visit coverage', byGrid: 'By grid', byWorker: 'By worker', overdue: 'Overdue key households', trend: 'Visits, last 12 months',
      methods: 'Visit methods, last 30 days', visitsSeries: 'Visits', householdsSeries: 'Households visited', overdueCount: '{n} overdue',
      col: {
        grid: 'Grid', worker: 'Worker', households: 'Households', keyHouseholds: 'Key households', visited30: 'Visited 30d',
        visited90: 'Visited 90d', overdue: 'Overdue',
      },
    },
    overdue: {
      col: {
        grid: 'Grid', headName: 'Head', idNumber: 'ID number', phone: 'Phone', address: 'Address', keyGroups: 'Key groups',
        cadence: 'Cadence (days)', lastVisit: 'Last visit', daysOverdue: 'Days overdue',
      },
      never: 'Never visited', line: 'every {cadence} days · {days} days overdue',
    },
    ledger: {
      title: 'Livelihood ledger', funnelTitle: 'Wish progress', staleDays: 'Claimed over {n} days, not fulfilled', stale: 'Stale claim',
      monthTitle: '{month} by category', registeredInMonth: 'Registered', fulfilledInMonth: 'Fulfilled',
      funnel: { registered: 'Registered', claimed: 'Claimed', fulfilled: 'Fulfilled' },
      col: {
        createdAt: 'Registered', grid: 'Grid', headName: 'Head', headPhone: 'Head phone', title: 'Wish', category: 'Category', state: 'State',
        claimant: 'Claimant', claimantPhone: 'Claimant phone', daysOpen: 'Days open', stale: 'Stale claim',
      },
      onlyStale: 'Stale only', daysOpen: '{n} days', unclaimed: 'Unclaimed',
    },
    needs: {
      title: 'Needs picture', domain: 'Domain', assessed: 'Households assessed', notAssessed: '{n} not assessed',
      highNoVisit: 'High need, no visit since assessment', assessedOn: 'assessed {date}', level: 'Level',
    },
    map: {
      title: 'Grid responsibility map', estates: 'Estates', households: 'Households', keyHouseholds: 'Key households', reassign: 'Reassign',
      unassigned: 'Unassigned', assigned: 'Reassigned; takes effect on the workers\' next sync', pickWorker: 'Pick a worker', noPhone: 'No phone',
    },
    export: {
      title: 'Exports', month: 'Month', monthly: 'Monthly report (Excel)', ledgerXlsx: 'Ledger (Excel)', ledgerCsv: 'Ledger (CSV)',
      coverageCsv: 'Coverage (CSV)', print: 'Printable monthly report',
      masked: 'Phone and ID numbers masked', done: 'Exported {file}',
      fileMonthly: 'monthly-report', fileLedger: 'ledger', fileCoverage: 'coverage', asOf: 'Data as of {at}',
      sheet: { coverage: 'Coverage', ledger: 'Ledger', categories: 'Categories', needs: 'Needs', overdue: 'Overdue' },
      reportTitle: '{community} monthly report {month}', total: 'Total', yes: 'yes',
      ledgerTitle: '{community} livelihood ledger (to {month})', categoriesTitle: 'Wishes by category, {month}',
      needsTitle: 'Needs picture (to {month})', overdueTitle: 'Overdue key households (to {month})',
      printTitle: '{community} monthly report {month}', printButton: 'Print', generatedAt: 'Generated {at}',
    },
    audit: {
      title: 'Audit log', intro: 'Who viewed, revealed, exported, reassigned or disabled what, and when. Kept at least 6 months; online only.',
      what: 'Action', when: 'Time', who: 'Person', at: 'Time', subject: 'Subject', nobody: '(unknown account)', empty: 'Nothing in this period',
      more: 'Load more', lastDays: 'Last {n} days', password: 'Change password',
      filter: {
        all: 'All', 'record-view': 'Viewed', 'record-reveal': 'Revealed', 'record-export': 'Exported', 'grid-assign': 'Reassigned',
        'user-disable': 'Disabled', 'password-': 'Passwords', login: 'Logins', 'login-failed': 'Failed logins',
      },
      action: {
        login: 'Signed in', 'login-failed': 'Failed sign-in', logout: 'Signed out', 'password-change': 'Changed password',
        'password-reset': 'Reset password', 'admin-create': 'Created administrator', 'user-create': 'Created account',
        'user-disable': 'Disabled account', 'community-create': 'Created community', 'grid-create': 'Created grid',
        'grid-assign': 'Reassigned grid', 'conflict-resolve': 'Resolved conflict', 'record-view': 'Viewed record',
        'record-reveal': 'Revealed record', 'record-export': 'Exported', 'photo-download': 'Viewed photo', 'demo-load': 'Loaded demo data',
      },
    },
    denied: 'Only supervisors and administrators can use this page',
  },
}
export default en
