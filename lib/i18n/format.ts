/**
 * zh-CN formatting of dates and times. Framework-free. Amounts are formatted by
 * lib/domain/money.ts (exact decimals); this file only does calendar values.
 */

/** The bureau works on Beijing time, whatever the server's clock zone is. */
const TIME_ZONE = "Asia/Shanghai";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsInZone(value: Date): { year: number; month: number; day: number; hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(value);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: get("hour"),
    minute: get("minute"),
  };
}

/**
 * `2020年12月31日`. A calendar date ("2020-12-31", as PostgreSQL `date` columns arrive) is printed
 * as written, never shifted by a time zone; a Date (a timestamp) is printed in Beijing time.
 */
export function formatDate(value: Date | string | null | undefined): string {
  if (value == null || value === "") return "";
  if (typeof value === "string") {
    const m = ISO_DATE.exec(value);
    if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
    value = new Date(value);
  }
  if (Number.isNaN(value.getTime())) return "";
  const { year, month, day } = partsInZone(value);
  return `${year}年${month}月${day}日`;
}

/** `2020年12月31日 10:32` in Beijing time. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value == null || value === "") return "";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "";
  const { year, month, day, hour, minute } = partsInZone(date);
  return `${year}年${month}月${day}日 ${hour}:${minute}`;
}

/** Today's calendar date in Beijing as "YYYY-MM-DD", to compare with deadlines. */
export function todayIso(now: Date = new Date()): string {
  const { year, month, day } = partsInZone(now);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whole days from `today` to `deadline` (both "YYYY-MM-DD"); negative when late. */
export function daysUntil(deadline: string, today: string = todayIso()): number {
  const ms = Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
