let counter = 0;

/** A short suffix unique within the test run (process id, time, counter): codes, e-mails and names of test data. */
export const uniqueSuffix = (): string => `${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}${(counter++).toString(36)}`;
