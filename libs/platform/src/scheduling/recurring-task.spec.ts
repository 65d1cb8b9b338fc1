import { Logger } from '@nestjs/common';
import { RecurringTask } from './recurring-task';

describe('RecurringTask', () => {
  const logger = new Logger('test');

  it('never runs twice at once', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const sut = new RecurringTask('slow job', () => {
      runs += 1;
      return new Promise<void>((resolve) => (release = resolve));
    }, logger);
    const first = sut.runOnce();
    await sut.runOnce();
    expect(runs).toBe(1);
    release();
    await first;
    await Promise.race([sut.runOnce(), Promise.resolve()]);
    expect(runs).toBe(2);
    release();
  });

  it('logs a failure instead of throwing, and runs again afterwards', async () => {
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    let runs = 0;
    const sut = new RecurringTask('failing job', async () => {
      runs += 1;
      throw new Error('boom');
    }, logger);
    await sut.runOnce();
    await sut.runOnce();
    expect(runs).toBe(2);
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), 'failing job failed');
  });

  it('stays off for an interval of 0', () => {
    const sut = new RecurringTask('off', async () => undefined, logger);
    sut.start(0);
    expect((sut as unknown as { timer: unknown }).timer).toBeNull();
  });
});
