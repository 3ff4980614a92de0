import { describe, expect, it } from 'vitest';
import { parseHost } from './request-host.js';

describe('parseHost', () => {
  it('reads {account}.{domain} and {bucket}.{account}.{domain}, with or without a port', () => {
    expect(parseHost('acme.strata.test', 'strata.test')).toEqual({ account: 'acme' });
    expect(parseHost('ACME.strata.test:9480', 'strata.test')).toEqual({ account: 'acme' });
    expect(parseHost('photos.acme.strata.test:9480', 'strata.test')).toEqual({ account: 'acme', bucket: 'photos' });
    expect(parseHost('my.dotted.bucket.acme.strata.test', 'strata.test')).toEqual({ account: 'acme', bucket: 'my.dotted.bucket' });
  });

  it('addresses nothing for other hosts or without a domain', () => {
    expect(parseHost('127.0.0.1:9480', 'strata.test')).toEqual({});
    expect(parseHost('[::1]:9480', 'strata.test')).toEqual({});
    expect(parseHost('strata.test', 'strata.test')).toEqual({});
    expect(parseHost('evilstrata.test', 'strata.test')).toEqual({});
    expect(parseHost('acme.strata.test', '')).toEqual({});
    expect(parseHost(undefined, 'strata.test')).toEqual({});
  });
});
