import { lockRow, type Engine } from '@/db/engine';

/// Inside the caller's transaction (`tx` of withTransaction): holds the bill's row until the
/// transaction ends, so that a second change to the same bill that checks before it writes (a
/// stage move, a consultation that must not overlap another) waits for the first and then sees
/// what it wrote. On SQLite the transaction's write lock does that already. Take it before the
/// draft's lock (`lockDraftState`), always in that order, so that two such changes never wait on
/// each other.
export async function lockBill(tx: Engine, billId: string): Promise<void> {
  await lockRow(tx, tx.t.bills, billId);
}
