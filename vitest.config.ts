import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['*/src/**/*.test.ts', 'tests/tidy/**/*.test.ts', 'tests/helpers/**/*.test.ts'],
          testTimeout: 20_000,
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
        },
      },
    ],
  },
});
