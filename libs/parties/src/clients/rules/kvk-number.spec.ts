import { isKvkNumber } from './kvk-number';

describe('isKvkNumber', () => {
  it.each<[unknown, boolean, string]>([
    ['27124701', true, 'eight digits, as printed in the Handelsregister'],
    ['01234567', true, 'leading zero is part of the number'],
    ['1234567', false, 'seven digits'],
    ['123456789', false, 'nine digits'],
    ['1234 5678', false, 'spaces are not part of the number'],
    ['NL123456', false, 'letters'],
    [12345678, false, 'a number, not a string: leading zeros would be lost'],
    [null, false, 'absent'],
  ])('%p → %p (%s)', (value, expected) => {
    expect(isKvkNumber(value)).toBe(expected);
  });
});
