import type zhCN from './zh-CN'

/** Administrator's console messages, English (same keys as zh-CN; the type checks it). */
const en: typeof zhCN = {
  admin: {
    title: 'Admin console',
    nav: { places: 'Places', accounts: 'Accounts', assign: 'Assignment', import: 'Import roster', overview: 'Overview' },
    common: {
      loading: 'Loading…', error: 'Something went wrong: {message}', offline: 'The console needs a connection', save: 'Save', cancel: 'Cancel',
      create: 'New', edit: 'Edit', saved: 'Saved', none: 'None', community: 'Community', confirm: 'OK',
      taken: 'This username is taken; choose another', badInput: 'Some input is not valid; check it and try again',
    },
    roles: { worker: 'Grid worker', supervisor: 'Supervisor', admin: 'Administrator' },
    places: {
      title: 'Places: district → street → community → grid', pickCommunity: 'Community', newCommunity: 'New community', district: 'District',
      street: 'Street', communityName: 'Community name', newGrid: 'New grid', gridName: 'Grid name', gridCode: 'Code', estates: 'Estates',
      estatesHint: 'One estate per line', buildings: 'Buildings of {estate}', buildingsHint: 'Separated by commas or spaces',
      noEstates: 'No estates yet', worker: 'Worker: {name}', unassigned: 'Unassigned', gridCount: '{n} grids',
    },
    accounts: {
      title: 'Accounts', newUser: 'New account', username: 'Username', usernameHint: 'lowercase letters and digits', password: 'Initial password',
      passwordHint: 'at least 8 characters', displayName: 'Name', phone: 'Phone', role: 'Role', disabled: 'Disabled', active: 'Active',
      disable: 'Disable', enable: 'Re-enable', resetPassword: 'Reset password', newPassword: 'New password', grids: 'Grids',
      disableTitle: "Disable {name}'s account?", disableBody: 'She is signed out at once. First check what each of her devices has uploaded:',
      passwordReset: 'Password reset; she signs in with the new one', enabled: 'Re-enabled', disabledDone: 'Disabled',
    },
    watermark: {
      title: 'Uploads per device', none: 'No device of this account has synced yet', device: 'Device {id}', lastContact: 'Last contact: {at}',
      lastPush: 'Last successful upload: {at}', neverPushed: 'Never uploaded', pending: 'Not yet uploaded: {n} records',
      pendingUnknown: 'Not yet uploaded: not reported (older app)', allUp: 'Everything uploaded',
      warn: 'Some records are not uploaded yet: better wait until she has synced',
    },
    assign: {
      title: 'Grid assignment', map: 'Grid responsibility map', choose: 'Choose a worker', nobody: 'Unassigned', confirmTitle: 'Give {grid} to {to}?',
      confirmBody: "Records not yet uploaded on {from}'s devices go up first, then the grid leaves them.", assigned: 'Assigned; the map is updated',
      gridsOf: '{n} grids', noWorker: 'No grid workers: create one under Accounts',
    },
    import: {
      title: 'Import a household roster', step1: '1. Choose a file', step2: '2. Check the columns', step3: '3. Dry run', step4: '4. Import',
      template: 'Download the template', sample: 'Download a sample roster', choose: 'Choose an .xlsx or .csv file', dryRun: 'Dry run (writes nothing)',
      again: 'Dry run again with these columns', importAll: 'Import all', importClean: 'Import only the rows without errors', notMapped: '(not imported)',
      header: 'Header on line {line}, {rows} persons', households: 'Households: {create} new, {existing} existing',
      persons: 'Persons: {create} new, {existing} existing', perGrid: '{grid}: {households} new households, {persons} new persons',
      errors: '{n} rows have errors and will not be imported', noErrors: 'No errors', line: 'Line {line}', error: 'Error', warning: 'Note',
      done: "Imported: {households} households, {persons} persons. Workers receive them on their next sync.", refused: 'Not imported: some rows have errors',
      fixHint: 'Fix the file and choose it again, or add the estate under Places and dry-run again.', tooBig: 'The file is too big',
    },
    overview: {
      title: 'Communities at a glance', community: 'Community', households: 'Households', keyHouseholds: 'Key households',
      visited30: 'Visited in 30 days', visited90: 'Visited in 90 days', overdueKey: 'Overdue key households',
      wishes: 'Wishes (registered/claimed/fulfilled/closed)', total: 'Total', coverage: '{pct}%',
      note: 'Counted on the server; no personal data of any resident.',
    },
    field: {
      grid: 'Grid', estate: 'Estate', building: 'Building', unit: 'Unit', door: 'Door', address: 'Address', name: 'Name',
      relation: 'Relation', sex: 'Sex', birthDate: 'Birth date', idNumber: 'ID number', phone: 'Phone', keyGroups: 'Key groups', notes: 'Notes',
    },
  },
}
export default en
