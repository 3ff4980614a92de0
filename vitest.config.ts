import { defineConfig } from 'vitest/config';

// On Node 20 (still supported, README "Node.js versions") the AWS SDK prints once per process
// that its releases after January 2027 need Node 22; that says nothing about a test, and every
// project that builds an S3 client (unit and component run on the machine's Node 20 in CI)
// would fill the log.
const quietSdk = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['*/src/**/*.test.ts', 'tests/tidy/**/*.test.ts', 'tests/helpers/**/*.test.ts'],
          exclude: ['*/src/simulation/**', '**/node_modules/**'],
          testTimeout: 20_000,
          env: quietSdk,
        },
      },
      {
        test: {
          // The seeded simulation of the replication protocol (stream-layer/src/simulation/):
          // thousands of seeds, each a stamp's stream layer under faults on simulated disks
          // and network; `npm run sim -- --seed N --trace` replays one.
          name: 'simulation',
          include: ['*/src/simulation/**/*.test.ts'],
          testTimeout: 600_000,
        },
      },
      {
        test: {
          // The core's protocols in one process (tests/helpers/in-process-stamp.ts): real etcd,
          // real files and gRPC, several roles per test, seconds per test.
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          env: quietSdk,
        },
      },
      {
        test: {
          name: 'cluster',
          include: ['tests/cluster/**/*.test.ts'],
          // Cluster tests start real etcd and role processes: one file at a time keeps a
          // 2-core machine from starving them.
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 120_000,
          env: quietSdk,
        },
      },
      {
        test: {
          // A stamp of containers through testcontainers on podman (npm run test:containers,
          // which builds the image and owns the API socket); not part of `npm test`, which
          // must pass on a machine without podman.
          name: 'containers',
          include: ['tests/containers/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 240_000,
          env: quietSdk,
        },
      },
    ],
  },
});
