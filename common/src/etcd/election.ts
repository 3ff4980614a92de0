import type { Campaign, Etcd3 } from 'etcd3';
import type { Logger } from 'pino';

export interface Leadership {
  /** Whether this candidate leads right now. */
  isLeader(): boolean;
  /**
   * The etcd key that holds this candidate's leadership, while it leads: a transaction that
   * reads it changes nothing once the candidate is deposed (the key is gone with its lease).
   */
  leaderKey(): Promise<string | undefined>;
  /** Resigns, so a standby takes over at once. */
  resign(): Promise<void>;
}

/**
 * Campaigns for leadership of `name` with `value` (the candidate's address) as its proclaimed
 * value: `onElected` runs when this candidate wins, `onDeposed` when it loses leadership
 * after winning (its lease lapsed). A deposed candidate campaigns again.
 */
export function campaign(options: {
  client: Etcd3;
  name: string;
  value: string;
  ttlSeconds: number;
  log: Logger;
  onElected?: () => void;
  onDeposed?: () => void;
}): Leadership {
  let current: Campaign | undefined;
  let resigned = false;
  let leading = false;
  const start = (): void => {
    if (resigned) return;
    const election = options.client.election(options.name, options.ttlSeconds);
    const running = election.campaign(options.value);
    current = running;
    let leader = false;
    running.on('elected', () => {
      leader = true;
      leading = true;
      options.log.info({ election: options.name }, 'elected leader');
      options.onElected?.();
    });
    running.on('error', (error) => {
      options.log.warn({ election: options.name, err: error }, leader ? 'leadership lost' : 'campaign failed');
      leading = false;
      if (leader) options.onDeposed?.();
      if (current === running) setTimeout(start, 500).unref();
    });
  };
  start();
  return {
    isLeader: () => leading && !resigned,
    leaderKey: async () => (leading && !resigned && current ? current.getCampaignKey() : undefined),
    resign: async () => {
      resigned = true;
      leading = false;
      await current?.resign().catch(() => undefined);
    },
  };
}

/** The value proclaimed by the current leader of `name`, if any. */
export async function leaderOf(client: Etcd3, name: string): Promise<string | undefined> {
  return client.election(name).leader();
}
