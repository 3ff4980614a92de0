import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const ROLES = ['extent-node', 'stream-manager', 'partition-manager', 'partition-server', 'location-service', 'front-end'];
const DIR = join(import.meta.dirname, '../../deploy/kubernetes');
/** Kinds the manifests use, each with kubernetes-models' schema-checked class (offline: the schemas ship in the package). */
const KINDS = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/StatefulSet': StatefulSet,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
} as const;

interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, whose shape the schemas check
  spec?: Record<string, any>;
}

function manifests(): Manifest[] {
  const files = readdirSync(DIR).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
      return { file, ...(doc.toJS() as Omit<Manifest, 'file'>) };
    }),
  );
}

function validate(manifest: Manifest): void {
  const Kind = KINDS[`${manifest.apiVersion}/${manifest.kind}` as keyof typeof KINDS];
  if (!Kind) throw new Error(`${manifest.file}: ${manifest.apiVersion}/${manifest.kind} is not a kind these manifests use`);
  const { file: _file, ...body } = manifest;
  new Kind(body as never).validate();
}

const byKind = (kind: string): Manifest[] => manifests().filter((m) => m.kind === kind);
const workloads = (): Manifest[] => [...byKind('StatefulSet'), ...byKind('Deployment')];
const labelsOf = (workload: Manifest): Record<string, string> => workload.spec!.template.metadata.labels;
const matches = (selector: Record<string, string>, labels: Record<string, string>): boolean => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('deploy/kubernetes', () => {
  it('validates every manifest against the Kubernetes schemas', () => {
    const all = manifests();
    expect(all.length).toBeGreaterThan(10);
    for (const manifest of all) expect(() => validate(manifest), `${manifest.file} ${manifest.kind} ${manifest.metadata.name}`).not.toThrow();
  });

  it('rejects a manifest the schemas forbid (so the check above can fail)', () => {
    const broken = structuredClone(byKind('StatefulSet')[0]!);
    broken.spec!.replicas = 'three';
    expect(() => validate(broken)).toThrow(/replicas must be integer/);
    const noSelector = structuredClone(byKind('Deployment')[0]!);
    delete noSelector.spec!.selector;
    expect(() => validate(noSelector)).toThrow(/selector/);
  });

  it('lists every manifest file in the kustomization', () => {
    const kustomization = parseAllDocuments(readFileSync(join(DIR, 'kustomization.yaml'), 'utf8'))[0]!.toJS() as { resources: string[] };
    expect([...kustomization.resources].sort()).toEqual([...new Set(manifests().map((m) => m.file))].sort());
  });

  it('runs extent nodes, partition servers and etcd as StatefulSets with volumes, front-ends and managers as Deployments', () => {
    for (const name of ['extent-node', 'partition-server', 'etcd']) {
      const set = byKind('StatefulSet').find((m) => m.metadata.name === name);
      expect(set?.spec!.volumeClaimTemplates?.length, name).toBe(1);
    }
    expect(byKind('StatefulSet').find((m) => m.metadata.name === 'etcd')!.spec!.replicas).toBe(3);
    expect(
      byKind('Deployment')
        .map((m) => m.metadata.name)
        .sort(),
    ).toEqual(['front-end', 'location-service', 'partition-manager', 'stream-manager']);
  });

  it('gives every Strata container liveness on /livez and readiness on /readyz, and runs the one image', () => {
    for (const workload of workloads().filter((m) => m.metadata.name !== 'etcd')) {
      const [container] = workload.spec!.template.spec.containers;
      expect(container.livenessProbe.httpGet.path, workload.metadata.name).toBe('/livez');
      expect(container.readinessProbe.httpGet.path, workload.metadata.name).toBe('/readyz');
      expect(container.image).toBe('localhost/strata:dev');
      expect(ROLES, workload.metadata.name).toContain(container.args[0]);
    }
  });

  it('covers every workload with a PodDisruptionBudget and every Service selects pods', () => {
    for (const budget of byKind('PodDisruptionBudget')) {
      expect(
        workloads().some((w) => matches(budget.spec!.selector.matchLabels, labelsOf(w))),
        budget.metadata.name,
      ).toBe(true);
    }
    for (const workload of workloads().filter((w) => w.metadata.name !== 'location-service')) {
      expect(
        byKind('PodDisruptionBudget').some((b) => matches(b.spec!.selector.matchLabels, labelsOf(workload))),
        workload.metadata.name,
      ).toBe(true);
    }
    for (const service of byKind('Service')) {
      expect(
        workloads().some((w) => matches(service.spec!.selector, labelsOf(w))),
        service.metadata.name,
      ).toBe(true);
    }
  });
});
