// LotsTerminal
