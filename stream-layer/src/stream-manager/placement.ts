import { shuffled, type Random } from '@strata/common';
import type { NodeRecord } from '../etcd-keys.js';
import { StreamError } from '../errors.js';

/**
 * Chooses `count` distinct live nodes for a new extent's chain, spreading it over as many
 * fault domains as there are: one node from each domain in turn, domains and nodes in random
 * order (so load spreads), until the chain is full. Nodes in `exclude` are not chosen.
 * Throws NOT_ENOUGH_NODES when fewer than `count` nodes are available.
 */
export function placeChain(options: { nodes: readonly NodeRecord[]; count: number; random: Random; exclude?: ReadonlySet<string> }): NodeRecord[] {
  const candidates = options.nodes.filter((node) => !options.exclude?.has(node.nodeId));
  if (candidates.length < options.count) {
    throw new StreamError('NOT_ENOUGH_NODES', `need ${options.count} extent nodes, ${candidates.length} available`);
  }
  const byDomain = new Map<string, NodeRecord[]>();
  for (const node of shuffled(candidates, options.random)) {
    const domain = byDomain.get(node.faultDomain) ?? [];
    domain.push(node);
    byDomain.set(node.faultDomain, domain);
  }
  const domains = shuffled([...byDomain.values()], options.random);
  const chain: NodeRecord[] = [];
  for (let round = 0; chain.length < options.count; round++) {
    for (const domain of domains) {
      const node = domain[round];
      if (node && chain.length < options.count) chain.push(node);
    }
  }
  return chain;
}
