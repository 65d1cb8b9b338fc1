import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['sorts keys at every depth', { b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } }, '{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}'],
    ['drops undefined members', { a: undefined, b: null }, '{"b":null}'],
    ['writes dates as UTC ISO strings', { at: new Date('2026-03-28T09:00:00Z') }, '{"at":"2026-03-28T09:00:00.000Z"}'],
    ['escapes strings as JSON does', { s: 'Łódź "quoted"\n' }, '{"s":"Łódź \\"quoted\\"\\n"}'],
    ['keeps array order', [3, 1, 2], '[3,1,2]'],
  ])('%s', (_name, input, expected) => {
    expect(canonicalJson(input)).toBe(expected);
  });

  it('gives the same text for objects built in a different key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('refuses NaN instead of silently writing null', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});
