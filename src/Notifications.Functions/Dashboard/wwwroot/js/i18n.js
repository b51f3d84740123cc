// English and French strings from i18n/{en,fr}.json; the choice is remembered in localStorage.
const stored = () => { try { return localStorage.getItem('lang'); } catch { return null; } };
let lang = stored() === 'fr' ? 'fr' : 'en';
let strings = {};
let timeZone = 'UTC';

export async function loadStrings(language = lang) {
  const res = await fetch(`i18n/${language}.json`);
  strings = await res.json();
  lang = language;
  document.documentElement.lang = lang;
}

export function language() { return lang; }

export async function setLanguage(language) {
  try { localStorage.setItem('lang', language); } catch { /* private mode: not remembered */ }
  await loadStrings(language);
}

export function setTimeZone(zone) { timeZone = zone; }

/** The string for `key`, with {name} placeholders filled from `vars`; the key itself when missing (easy to spot). */
export function t(key, vars = {}) {
  const text = strings[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? `{${name}}`));
}

/** An enum value's label: t('status.open'), or the value when there is none. */
export function label(group, value) {
  if (value === undefined || value === null) return '';
  const key = `${group}.${value}`;
  return strings[key] ?? String(value);
}

/** A time in the office's time zone with its offset, e.g. "Dec 6, 2026, 10:47 a.m. GMT-8". */
export function formatTime(iso) {
  if (!iso) return t('common.none');
  return formatter('time', () => new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'shortOffset',
  })).format(new Date(iso));
}

export function formatNumber(n) {
  return formatter('number', () => new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA')).format(n);
}

/** One Intl formatter per kind, language and time zone: making one costs more than formatting (the register formats thousands). */
const formatters = new Map();
function formatter(kind, make) {
  const key = `${kind}|${lang}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, f = make());
  return f;
}

/** Offset of `zone` at instant `ms`, in minutes east of UTC. */
function offsetMinutes(ms, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).map(p => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - ms) / 60000);
}

/** A datetime-local value ("2026-11-20T10:00") read as the office's wall time → ISO 8601 with its offset. */
export function officeLocalToIso(value) {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!m) return value; // let the API say what is wrong with it
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0));
  let offset = offsetMinutes(wall, timeZone);
  offset = offsetMinutes(wall - offset * 60000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = n => String(n).padStart(2, '0');
  return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An ISO instant → the office's wall time as a datetime-local value. */
export function isoToOfficeLocal(iso) {
  if (!iso) return '';
  const ms = new Date(iso).getTime();
  const local = new Date(ms + offsetMinutes(ms, timeZone) * 60000);
  return local.toISOString().slice(0, 16);
}

/** "3 days 4 hours left" or "Overdue by 2 hours": said in words, never by colour alone. */
export function timeLeft(deadlineIso, nowMs = Date.now()) {
  if (!deadlineIso) return { text: t('register.noDeadline'), kind: 'none' };
  const diff = new Date(deadlineIso).getTime() - nowMs;
  const span = Math.abs(diff);
  const days = Math.floor(span / 86400000);
  const hours = Math.floor((span % 86400000) / 3600000);
  const minutes = Math.floor((span % 3600000) / 60000);
  const amount = days > 0 ? t('time.daysHours', { days, hours }) : hours > 0 ? t('time.hoursMinutes', { hours, minutes }) : t('time.minutes', { minutes });
  if (diff < 0) return { text: t('time.overdue', { amount }), kind: 'overdue' };
  return { text: t('time.left', { amount }), kind: diff < 86400000 ? 'due-soon' : 'on-time' };
}
