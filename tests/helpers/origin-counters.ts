import type { Stamp } from '@strata/deploy';
import { extentNodeClients } from '@strata/stream-layer';

/**
 * The S3 requests front-ends answered, from their /_strata/metrics (Prometheus text), summed
 * over statuses and front-ends: what a test counts origin reads with.
 */
export async function s3RequestCount(stamp: Stamp, operation: string, status?: number): Promise<number> {
  let total = 0;
  for (const frontEnd of stamp.processes().filter((p) => p.role === 'front-end')) {
    const text = await (await fetch(`http://${frontEnd.address}/_strata/metrics`)).text();
    for (const line of text.split('\n')) {
      const match = /^strata_s3_requests_total\{([^}]*)\} (\d+(?:\.\d+)?)$/.exec(line);
      if (!match) continue;
      const labels = Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      if (labels.operation === operation && (status === undefined || labels.status === String(status))) total += Number(match[2]);
    }
  }
  return total;
}

/** A front-end metric without labels (`strata_blob_cache_hits_total`), summed over the stamp's front-ends. */
export async function frontEndMetric(stamp: Stamp, name: string): Promise<number> {
  let total = 0;
  for (const frontEnd of stamp.processes().filter((p) => p.role === 'front-end')) {
    const text = await (await fetch(`http://${frontEnd.address}/_strata/metrics`)).text();
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
    if (line) total += Number(line.slice(name.length + 1));
  }
  return total;
}

/** Block bytes every extent node has read from its replica files to answer reads, summed. */
export async function extentNodeReadBytes(stamp: Stamp): Promise<number> {
  const nodes = extentNodeClients();
  try {
    let total = 0;
    for (const node of stamp.processes().filter((p) => p.role === 'extent-node')) {
      const context = { timeoutMs: 10_000 };
      const stats = await nodes.at({ address: node.address }).nodeStats(context);
      total += Number(stats.readBytes);
    }
    return total;
  } finally {
    nodes.close();
  }
}
