import { describe, it } from 'node:test';
import { parseHost } from '../../src/api/host.js';
import { UsageError } from '../../src/errors.js';
import assert from '../helpers/assert.js';

describe('parseHost', () => {
  const cases: [string, string, string][] = [
    // input, base URL, origin
    ['ece.example.com', 'https://ece.example.com:12443/api/v1', 'https://ece.example.com:12443'],
    ['ece.example.com:9243', 'https://ece.example.com:9243/api/v1', 'https://ece.example.com:9243'],
    [
      'https://ece.example.com',
      'https://ece.example.com:12443/api/v1',
      'https://ece.example.com:12443',
    ],
    [
      'http://ece.example.com',
      'http://ece.example.com:12400/api/v1',
      'http://ece.example.com:12400',
    ],
    ['https://name:1/prefix', 'https://name:1/prefix/api/v1', 'https://name:1'],
    ['https://name:443', 'https://name:443/api/v1', 'https://name:443'],
    ['http://10.0.0.5:8080/', 'http://10.0.0.5:8080/api/v1', 'http://10.0.0.5:8080'],
    [
      'HTTPS://ECE.Example.COM/',
      'https://ece.example.com:12443/api/v1',
      'https://ece.example.com:12443',
    ],
    [
      'https://proxy.corp/ece/api/v1',
      'https://proxy.corp:12443/ece/api/v1',
      'https://proxy.corp:12443',
    ],
    ['https://name:12443/api/v1/', 'https://name:12443/api/v1', 'https://name:12443'],
    ['  coordinator-1  ', 'https://coordinator-1:12443/api/v1', 'https://coordinator-1:12443'],
    ['[::1]:8443', 'https://[::1]:8443/api/v1', 'https://[::1]:8443'],
    ['name/prefix/', 'https://name:12443/prefix/api/v1', 'https://name:12443'],
  ];
  for (const [input, baseUrl, origin] of cases) {
    it(`${JSON.stringify(input)} → ${baseUrl}`, () => {
      const e = parseHost(input);
      assert.equal(e.baseUrl, baseUrl);
      assert.equal(e.origin, origin);
    });
  }

  const bad: [string, RegExp][] = [
    ['', /the host is empty/],
    ['ftp://name', /scheme must be https:\/\/ or http:\/\//],
    ['https://user:pass@name', /credentials in the URL are not accepted/],
    ['name:port', /port must be a number from 1 to 65535/],
    ['name:0', /port must be a number/],
    ['name:70000', /port must be a number/],
    ['https://name?x=1', /query string or fragment/],
    ['https://', /invalid host/],
  ];
  for (const [input, message] of bad) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(
        () => parseHost(input),
        (err: unknown) => err instanceof UsageError && message.test(err.message),
      );
    });
  }
});
