import { Isolation, type Etcd3, type SoftwareTransaction } from 'etcd3';

export type { SoftwareTransaction };

/** Conflicting attempts before a transaction gives up. */
const TRANSACTION_RETRIES_MAX = 20;

/**
 * Runs `body` as one etcd transaction (etcd3's software transactional memory): every key it
 * reads is checked unchanged at commit, and the whole body is retried on a conflict.
 *
 * RepeatableReads rather than etcd3's default SerializableSnapshot: the default's write-conflict
 * check compares each written key with the oldest modification revision among the keys read,
 * so a transaction that reads a long-lived key (a leadership key) and writes a recently changed
 * one (a counter) conflicts every time. Our transactions read every key they rewrite, so the
 * read checks are the conflict checks that matter.
 */
export function transact<T>(client: Etcd3, body: (tx: SoftwareTransaction) => Promise<T>): Promise<T> {
  return client.stm({ retries: TRANSACTION_RETRIES_MAX, isolation: Isolation.RepeatableReads }).transact(body);
}

/**
 * Runs `body` as one transaction that also reads the caller's leadership key (`leaderKey()`,
 * undefined when it does not lead): a deposed leader finds the key gone, or fails the commit
 * check when it vanishes meanwhile, and changes nothing. Throws `notLeader()` then.
 */
export function transactAsLeader<T>(
  client: Etcd3,
  leaderKey: () => Promise<string | undefined>,
  notLeader: () => Error,
  body: (tx: SoftwareTransaction) => Promise<T>,
): Promise<T> {
  return transact(client, async (tx) => {
    const key = await leaderKey();
    if (!key || (await tx.get(key).string()) === null) throw notLeader();
    return body(tx);
  });
}
