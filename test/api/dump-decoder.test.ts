// The spec's form of a dump (a JSON string of base64) decoded as it streams
// (issue 23, item 5): any split of the body into chunks gives the same bytes,
// JSON's escapes and wrapped lines included; what is not base64 is refused.

import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Base64JsonDecoder, dumpBytes, NotBase64 } from '../../src/api/dumps.js';
import assert from '../helpers/assert.js';

/** Feeds `body` cut at `cuts`; the decoded bytes. */
function decode(body: Buffer, cuts: number[] = []): Buffer {
  const out: Buffer[] = [];
  const d = new Base64JsonDecoder((b) => out.push(Buffer.from(b)));
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    d.write(body.subarray(at, cut));
    at = cut;
  }
  d.write(body.subarray(at));
  d.end();
  return Buffer.concat(out);
}

/** A JSON string of base64 as servers write it: escaped slashes, wrapped lines, spaces around. */
function encode(bytes: Uint8Array, o: { slash: boolean; wrap: number; pad: string }): Buffer {
  let b64 = Buffer.from(bytes).toString('base64');
  if (o.wrap > 0) b64 = b64.replace(new RegExp(`(.{${o.wrap}})`, 'g'), '$1\\n');
  if (o.slash) b64 = b64.replace(/\//g, '\\/');
  return Buffer.from(`${o.pad}"${b64}"${o.pad}`, 'latin1');
}

describe('Base64JsonDecoder', () => {
  it('any split of any body gives the bytes back (escapes, wrapped lines, padding)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.record({
          slash: fc.boolean(),
          wrap: fc.constantFrom(0, 4, 76),
          pad: fc.constantFrom('', ' ', '\n\t '),
        }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (bytes, o, cuts) => {
          const body = encode(bytes, o);
          const at = cuts.map((c) => c % (body.length + 1));
          assert.deepEqual(decode(body, at), Buffer.from(bytes));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('\\u escapes of base64 characters, cut anywhere, decode too', () => {
    const body = Buffer.from('"\\u0051UJDQQ\\u003d\\u003D"');
    for (let cut = 0; cut <= body.length; cut++)
      assert.deepEqual(decode(body, [cut]), Buffer.from('ABCA'));
  });

  it('refuses what is not a JSON string of whole base64 groups', () => {
    for (const bad of [
      '{"a":1}',
      '"abc"',
      '"ab=c"',
      '"abc=="',
      '"QUJD" x',
      '"QUJD',
      '"QU!D"',
      '"QUJD\\x"',
      '"QQ==="',
      '"QU-D"',
      '"QU_D"',
    ])
      for (let cut = 0; cut <= bad.length; cut++)
        assert.throws(() => decode(Buffer.from(bad), [cut]), NotBase64, `${bad} cut at ${cut}`);
    // Cut inside a group, the bad character waits in what is carried to the next chunk.
    for (const bad of ['"QU!DQUJD"', '"Q!JDQUJD"', '"QUJDQ!"'])
      for (let cut = 0; cut <= bad.length; cut++)
        assert.throws(() => decode(Buffer.from(bad), [cut]), NotBase64, `${bad} cut at ${cut}`);
  });

  it('dumpBytes: base64 decoded; a JSON string of text as text; anything else as it came', () => {
    const res = (text: string, type = 'application/json') => ({
      status: 200,
      headers: { 'content-type': type },
      text,
      url: '',
    });
    assert.deepEqual(dumpBytes(res('"SEVBUA=="')), Buffer.from('HEAP'));
    assert.deepEqual(dumpBytes(res('"main thread\\n"')), Buffer.from('main thread\n'));
    assert.deepEqual(dumpBytes(res('{"x":1}')), Buffer.from('{"x":1}'));
    assert.deepEqual(dumpBytes(res('SEVBUA==', 'text/plain')), Buffer.from('SEVBUA=='));
  });
});
