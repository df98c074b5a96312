export default {
  app: { name: '格子姐姐' },
}
