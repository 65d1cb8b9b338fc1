import { DeliveryOutcome } from '../notice-delivery.repository';
import { OutcomeBatcher } from './outcome-batcher';

const anOutcome = (id: string): DeliveryOutcome => ({ id, token: `token-${id}`, recipient: 'dpo@client.example', at: new Date('2026-11-21T10:00:00Z'), state: 'sent', serverResponse: '250 OK', error: null });

describe('OutcomeBatcher', () => {
  let batches: string[][];
  let stale: Set<string>;
  const write = async (outcomes: readonly DeliveryOutcome[]) => {
    batches.push(outcomes.map((outcome) => outcome.id));
    return new Set(outcomes.map((outcome) => outcome.id).filter((id) => !stale.has(id)));
  };

  beforeEach(() => {
    jest.useFakeTimers();
    batches = [];
    stale = new Set();
  });
  afterEach(() => jest.useRealTimers());

  it('writes what gathered within the linger time in one statement', async () => {
    const sut = new OutcomeBatcher(write, 10, 20);
    const recorded = ['a', 'b', 'c'].map((id) => sut.record(anOutcome(id)));
    expect(batches).toEqual([]);
    await jest.advanceTimersByTimeAsync(20);
    expect(batches).toEqual([['a', 'b', 'c']]);
    expect(await Promise.all(recorded)).toEqual([true, true, true]);
  });

  it('writes at once when a batch is full, without waiting for the timer', async () => {
    const sut = new OutcomeBatcher(write, 2, 1000);
    const recorded = ['a', 'b', 'c'].map((id) => sut.record(anOutcome(id)));
    expect(batches).toEqual([['a', 'b']]);
    await expect(Promise.all(recorded.slice(0, 2))).resolves.toEqual([true, true]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });

  it('tells each delivery whether its claim still held it', async () => {
    stale.add('b');
    const sut = new OutcomeBatcher(write, 10, 5);
    const recorded = ['a', 'b'].map((id) => sut.record(anOutcome(id)));
    await jest.advanceTimersByTimeAsync(5);
    expect(await Promise.all(recorded)).toEqual([true, false]);
  });

  it('fails every delivery of a batch the database refused, so their claims expire and they are retried', async () => {
    const sut = new OutcomeBatcher(() => Promise.reject(new Error('connection lost')), 10, 5);
    const recorded = ['a', 'b'].map((id) => sut.record(anOutcome(id)));
    const settled = Promise.allSettled(recorded);
    await jest.advanceTimersByTimeAsync(5);
    expect((await settled).map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
