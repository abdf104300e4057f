// LotsUI
