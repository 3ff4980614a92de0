import type { Campaign, Etcd3 } from 'etcd3';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../clock.js';
import { warnDropped } from '../errors.js';

/** A failed campaign starts again after this long, doubled per failure in a row (etcd may be down or overloaded). */
const CAMPAIGN_RETRY_MS = 500;
/** Standbys take over a lapsed leader within about this long, at most, after etcd is back. */
const CAMPAIGN_RETRY_MAX_MS = 4_000;

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
  clock?: Clock;
}): Leadership {
  const clock = options.clock ?? systemClock;
  let current: Campaign | undefined;
  let resigned = false;
  let leading = false;
  let failures = 0;
  const start = (): void => {
    if (resigned) return;
    const election = options.client.election(options.name, options.ttlSeconds);
    const running = election.campaign(options.value);
    current = running;
    let leader = false;
    let ended = false;
    running.on('elected', () => {
      if (ended) return;
      leader = true;
      leading = true;
      failures = 0;
      options.log.info({ election: options.name }, 'elected leader');
      options.onElected?.();
    });
    // A campaign can report one failure several times (its lease's loss and its own failed
    // start): only the first ends it. Restarting on each report left the other campaigns
    // running with leases of their own, and their number grew with every etcd outage.
    running.on('error', (error) => {
      if (ended) return;
      ended = true;
      options.log.warn({ election: options.name, err: error }, leader ? 'leadership lost' : 'campaign failed');
      leading = false;
      if (leader) options.onDeposed?.();
      void running.resign().catch(warnDropped(options.log, 'resigning a failed campaign failed', { election: options.name }));
      if (current === running) clock.after(Math.min(CAMPAIGN_RETRY_MAX_MS, CAMPAIGN_RETRY_MS * 2 ** failures++), start);
    });
  };
  start();
  return {
    isLeader: () => leading && !resigned,
    leaderKey: async () => (leading && !resigned && current ? current.getCampaignKey() : undefined),
    resign: async () => {
      resigned = true;
      leading = false;
      await current?.resign().catch(warnDropped(options.log, 'resigning failed; the lease runs out instead', { election: options.name }));
    },
  };
}

/** The value proclaimed by the current leader of `name`, if any. */
export async function leaderOf(client: Etcd3, name: string): Promise<string | undefined> {
  return client.election(name).leader();
}
