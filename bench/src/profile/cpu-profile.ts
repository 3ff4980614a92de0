import { readFile } from 'node:fs/promises';

/** The parts of a V8 .cpuprofile (what `node --cpu-prof` writes) the analysis reads. */
interface RawProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * One sample: when it was taken (µs on the monotonic clock) and which function was on top.
 * Samples are counted, not weighed by the gap to the next one: on a starved machine V8's
 * sampler thread misses beats, and a gap would charge seconds to whatever ran last.
 */
export interface Sample {
  atUs: number;
  frame: string;
  /** Package or layer the function belongs to (strata/frontend, grpc-js, node:internal, gc...). */
  owner: string;
}

/** Loads a profile and flattens it into timed samples of self time. */
export async function loadSamples(path: string, repoRoot: string): Promise<Sample[]> {
  const raw = JSON.parse(await readFile(path, 'utf8')) as RawProfile;
  const byId = new Map(raw.nodes.map((node) => [node.id, node]));
  const samples: Sample[] = [];
  let at = raw.startTime;
  for (let i = 0; i < raw.samples.length; i++) {
    at += raw.timeDeltas[i] ?? 0;
    const node = byId.get(raw.samples[i]!)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = shortUrl(url, repoRoot);
    samples.push({
      atUs: at,
      frame: `${functionName || '(anonymous)'}${where ? ` ${where}:${lineNumber + 1}` : ''}`,
      owner: ownerOf(functionName, url, repoRoot),
    });
  }
  return samples;
}

function shortUrl(url: string, repoRoot: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) return path.slice(inModules + '/node_modules/'.length);
  return path.startsWith(repoRoot) ? path.slice(repoRoot.length + 1) : path;
}

function ownerOf(functionName: string, url: string, repoRoot: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'native (V8 builtins, C++)';
  if (url.startsWith('node:')) return url.startsWith('node:internal/') ? `node:${url.split('/')[1]}` : url;
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const parts = path.slice(inModules + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (path.startsWith(repoRoot)) return `strata/${path.slice(repoRoot.length + 1).split('/')[0]}`;
  return path;
}
