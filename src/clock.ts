/**
 * The server's time, as a service: scheduling code asks the clock instead of `new Date()`, so a test can
 * move time forward (a simulated week of reviews) by replacing `services.clock`, never by sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
