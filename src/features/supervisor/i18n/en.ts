import { glossaryEn } from '@/i18n/glossary'
import type zhCN from './zh-CN'

/** Supervisor workspace messages, English (same keys as zh-CN; the type checks it). */
const en: typeof zhCN = {
  supervisor: {
    title: 'Supervisor',
    nav: { review: 'Review', conflicts: 'Conflicts', coverage: 'Coverage', ledger: 'Ledger', needs: 'Needs', map: 'Grid map', export: 'Export', audit: 'Audit log', community: 'Community', settings: 'Me' },
    common: {
      all: 'All', loading: 'Loading…', empty: 'Nothing here', error: 'Error: {message}', back: 'Back', cancel: 'Cancel', confirm: 'OK',
      days: '{n} days', never: 'Never visited', grid: 'Grid', worker: 'Worker', offline: 'Needs a connection', retry: 'Retry', save: 'Save',
    },
    kind: glossaryEn.recordKind,
    state: { ...glossaryEn.reviewState, open: 'To do' },
    method: glossaryEn.visitMethod,
    outcome: glossaryEn.visitOutcome,
    wishState: glossaryEn.wishState,
    category: glossaryEn.wishCategory,
    policy: glossaryEn.policy,
    level: glossaryEn.careLevel,
    careLevelChange: '{from} → {to}',
    sex: { F: 'F', M: 'M' },
    keyGroup: glossaryEn.keyGroup,
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
      careLevelChange: 'Care level change',
      visitedAt: 'Visited at', visitorName: 'Visitor', method: 'Method', outcome: 'Outcome', seen: 'Seen', asked: 'Asked for', done: 'Done or promised',
      policies: 'Policies explained', nextVisitOn: 'Next visit', photos: 'Photos', headName: 'Head', address: 'Address', phone: 'Phone',
      keyGroups: 'Key groups', careLevel: 'Care level', visitCadenceDays: 'Visit cadence (days)', notes: 'Notes', title: 'Wish',
      detail: 'Detail', category: 'Category', state: 'State', claimedBy: 'Claimed by', fulfilment: 'Fulfilment', closedReason: 'Closed because',
      assessedAt: 'Assessed at', answers: 'Needs', cadenceDays: 'Visit cadence (days)', score: 'Score', templateId: 'Template', deleted: 'Deleted',
      name: 'Name', sex: 'Sex', birthDate: 'Born', relation: 'Relation', idNumber: 'ID number', members: 'Members', dates: 'Community dates',
    },
    triage: {
      attention: 'Needs your eyes', attentionHint: 'Key households, urgent needs, very short texts, long gaps, records returned or corrected: one by one',
      routine: 'Routine', sample: 'Check first', sampleHint: 'A random sample of the routine records; once checked, approve the rest in one go',
      rate: 'Sample rate', batchRest: 'Approve the other {n} routine records', sampleFirst: 'Check the {n} sampled first', newRecords: '{n} new records',
      loadNew: 'Load', next: 'Next', prev: 'Previous', position: '{i} of {n}', pick: 'Pick a record on the left', backToList: 'Back to the list',
      keys: 'Keys: A approve · R return · J next · K previous', openLeft: '{n} open', done: 'All done', batchConfirm: 'The sample is checked. Approve the other {n} routine records?', firstSync: 'Receiving your community\'s records (progress above); the queue opens when they are in',
      reason: {
        'returned-before': 'Returned before', correction: 'Correction', 'urgent-need': 'Urgent need', 'thin-text': 'Very short',
        'long-gap': 'Long gap', 'key-household': 'Key household',
      },
    },
    conflicts: {
      title: 'Conflict inbox', hint: 'Two phones changed the same field; the later one was kept. Confirm which value to keep.',
      kept: 'Kept', other: 'Overwritten', by: '{name} · {at}', keepCurrent: 'Keep current', useOther: 'Use this value',
      resolved: 'Resolved', masked: 'Number masked: the grid worker checks it with the household and corrects it', none: 'No open conflicts', unknownUser: 'Unknown user', record: '{kind}: {name}',
    },
    coverage: {
      title: 'Visit coverage', byGrid: 'By grid', byWorker: 'By worker', overdue: 'Overdue key households', trend: 'Visits, last 12 months',
      methods: 'Visit methods, last 30 days', visitsSeries: 'Visits', householdsSeries: 'Households visited', overdueCount: '{n} overdue', monthToDate: 'month to date', showAll: 'Show all {n}',
      attempts: '“Nobody home” and “No answer” are attempts: they count as no visit, nor against overdue. {n} attempts in the last 30 days.',
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
    courtyard: {
      title: '"Most beautiful courtyard" scores', item: 'Item', summary: '{scored} households scored, mean {average}', scored: 'Households scored', average: 'Mean score',
      score: 'score {n}',
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
      sheet: { coverage: 'Coverage', ledger: 'Ledger', categories: 'Categories', funnel: 'Wish progress', needs: 'Needs', courtyard: 'Courtyard', overdue: 'Overdue' },
      stage: 'Stage', cumulative: 'Cumulative (to month end)', funnelTitle: 'Wish progress (cumulative to the end of {month})', courtyardTitle: 'Courtyard scores (to {month})',
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
        all: 'All', 'record-view': 'Viewed', 'reveal': 'Revealed', 'record-export': 'Exported', 'grid-assign': 'Reassigned',
        'user-disable': 'Disabled', 'password-': 'Passwords', login: 'Logins', 'login-failed': 'Failed logins',
      },
      field: { idNumber: 'ID number', phone: 'phone' },
      action: {
        login: 'Signed in', 'login-failed': 'Failed sign-in', logout: 'Signed out', 'password-change': 'Changed password',
        'password-reset': 'Reset password', 'admin-create': 'Created administrator', 'user-create': 'Created account',
        'user-disable': 'Disabled account', 'community-create': 'Created community', 'grid-create': 'Created grid',
        'grid-assign': 'Reassigned grid', 'conflict-resolve': 'Resolved conflict', 'record-view': 'Viewed record',
        'reveal': 'Revealed record', 'record-export': 'Exported', 'photo-download': 'Viewed photo', 'demo-load': 'Loaded demo data',
        'grid-update': 'Edited grid', 'user-update': 'Edited account', 'user-enable': 'Re-enabled account', 'roster-import': 'Imported roster',
      },
    },
    community: {
      title: 'Community settings', hint: 'Phrases and dates set here reach every worker of the community with her next sync, and work offline.',
      phrases: 'Visit phrases', phrasesHint: 'One tap fills them in on the visit form; the first ones show first.',
      phraseCount: '{n} / {max}', phrasePlaceholder: 'A common phrase (at most {max} characters)', newPhrase: 'New phrase', editPhrase: 'Edit phrase',
      noPhrases: 'No phrases yet', add: 'Add', edit: 'Edit', remove: 'Remove', up: 'Move up: {p}', down: 'Move down: {p}',
      dates: 'Community dates', datesHint: "The community's own days, shown with the festivals in the workers' Today care calendar.",
      noDates: 'No community dates yet', addDate: 'Add a community date', name: 'Name', namePlaceholder: 'e.g. Neighbours day (at most {max} characters)',
      when: 'Date', yearly: 'Every year', once: 'Once', month: 'Month', day: 'Day', date: 'Date',
      groups: 'For key groups (none: every household)', prepare: 'What to prepare', preparePlaceholder: 'e.g. tell every door a week before (at most {max} characters)',
      prepareShown: 'Prepare: {text}', allHouseholds: 'All households', whenYearly: 'every year on {m}/{d}', whenOnce: '{y}-{m}-{d}',
      notMine: "Only the community's supervisor (or its admin) sets its phrases and dates.",
    },
    denied: 'Only supervisors and administrators can use this page',
  },
}
export default en
