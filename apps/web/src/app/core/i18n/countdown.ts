import { DestroyRef, inject, type Signal, signal } from '@angular/core';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The current time as a signal that ticks every minute (stops with the component). Call in an injection context. */
export const minuteClock = (): Signal<number> => {
  const now = signal(Date.now());
  const timer = setInterval(() => now.set(Date.now()), MINUTE);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
};

/** "3 dager", "1 time", "5 minutter": the rounded length of a span, in the biggest sensible unit. */
export const spanText = (ms: number): string => {
  const span = Math.abs(ms);
  if (span >= 2 * DAY) {
    const days = Math.floor(span / DAY);
    return $localize`:@@incidentDetail.countdownDays:${days}:COUNT: dager`;
  }
  if (span >= HOUR) {
    const hours = Math.floor(span / HOUR);
    return hours === 1
      ? $localize`:@@incidentDetail.countdownHour:1 time`
      : $localize`:@@incidentDetail.countdownHours:${hours}:COUNT: timer`;
  }
  const minutes = Math.max(1, Math.floor(span / MINUTE));
  return minutes === 1
    ? $localize`:@@incidentDetail.countdownMinute:1 minutt`
    : $localize`:@@incidentDetail.countdownMinutes:${minutes}:COUNT: minutter`;
};

export interface Countdown {
  overdue: boolean;
  /** "3 dager igjen" or "Forfalt for 2 timer siden". */
  text: string;
}

/** How long until `deadline` (ISO), or how long since it passed, seen from `now` (epoch ms). */
export const countdown = (deadline: string, now: number): Countdown => {
  const left = new Date(deadline).getTime() - now;
  const span = spanText(left);
  return left >= 0
    ? { overdue: false, text: $localize`:@@incidentDetail.countdownLeft:${span}:SPAN: igjen` }
    : { overdue: true, text: $localize`:@@incidentDetail.countdownOverdue:Forfalt for ${span}:SPAN: siden` };
};

const intlLocale = (): string => ($localize.locale === 'en' ? 'en-GB' : 'nb-NO');

/** "for 5 minutter siden", "i går": for things that happened, such as inbox notifications. */
export const relativeTime = (at: string, now: number): string => {
  const diff = new Date(at).getTime() - now;
  const format = new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' });
  const span = Math.abs(diff);
  if (span < MINUTE) return format.format(0, 'minute');
  if (span < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (span < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  return format.format(Math.round(diff / DAY), 'day');
};

/** File size for people: "820 kB", "2,4 MB". */
export const fileSize = (bytes: number): string => {
  const number = new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${number.format(Math.max(1, Math.round(bytes / 1024)))} kB` : `${number.format(bytes / (1024 * 1024))} MB`;
};

/** A Date as the value of `<input type="datetime-local">` in local time. */
export const toLocalInputValue = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};
