// Small helpers for the hand-drawn SVG charts: a rounded axis maximum, value-to-pixel scaling and date labels.
// (A scale library would add a dependency for a handful of lines.)
import { DAY_MS, type DayNumber } from '../../lib/domain/stats/days';

/** The smallest 1, 2 or 5 × 10^k at or above `max` (at least 1), so the axis ends on a round number. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Maps a value in [0, domainMax] to a pixel length in [0, length]. */
export function scale(value: number, domainMax: number, length: number): number {
  return domainMax > 0 ? (Math.max(0, Math.min(value, domainMax)) / domainMax) * length : 0;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** "27 Nov". Day numbers are local calendar days, so they are formatted as UTC dates. */
export const shortDate = (day: DayNumber) => dayFormat.format(new Date(day * DAY_MS));
export const longDate = (day: DayNumber) => longFormat.format(new Date(day * DAY_MS));
export const monthName = (day: DayNumber) => monthFormat.format(new Date(day * DAY_MS));
export const dayOfMonth = (day: DayNumber) => new Date(day * DAY_MS).getUTCDate();

export function percent(value: number | null, digits = 0): string {
  return value === null ? '–' : `${(value * 100).toFixed(digits)}%`;
}

export function minutes(ms: number): string {
  const m = ms / 60_000;
  if (m < 1 && ms > 0) return `${Math.round(ms / 1000)} s`;
  if (m < 60) return `${Math.round(m)} min`;
  return `${Math.floor(m / 60)} h ${Math.round(m % 60)} min`;
}

export const GRADE_NAMES = ['Again', 'Hard', 'Good', 'Easy'] as const;

/**
 * Keeps an SVG chart's labels at least `minPx` CSS pixels high however far the chart is scaled down to fit a phone:
 * font sizes in a viewBox shrink with it. Use as `use:readableText` on the <svg>.
 */
export function readableText(svg: SVGSVGElement, minPx = 12): { destroy(): void } {
  const base = parseFloat(getComputedStyle(svg).fontSize) || minPx;
  const fit = () => {
    const units = svg.viewBox.baseVal?.width ?? 0;
    const pixels = svg.getBoundingClientRect().width;
    if (units > 0 && pixels > 0) svg.style.fontSize = `${Math.max(base, (minPx * units) / pixels)}px`;
  };
  fit();
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : null;
  observer?.observe(svg);
  return { destroy: () => observer?.disconnect() };
}
