// LotsStore
