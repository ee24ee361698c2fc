// Deadline throughput of the working calendar: indexed arithmetic against a naive day-by-day walk.
// Run: npm run bench:calendar
import { performance } from 'node:perf_hooks';
import { buildWorkingCalendar, NATIONAL_CALENDAR_SPEC, toLocalDate, type WorkingCalendar } from '@motcua/domain';

const RUNS = 1_000_000;
const BUCKET_RUNS = 500_000;
const WARM_UP_RUNS = 200_000;
const NAIVE_RUNS = 20_000;
const FIRST_RECEIPT = Date.parse('2025-01-01T00:00:00+07:00');
const LAST_RECEIPT = Date.parse('2026-12-01T00:00:00+07:00'); // leaves room for 120 working days in 2027

interface Job {
  readonly start: Date;
  readonly amount: number;
}

/** mulberry32: a seeded generator, so every run times the same inputs. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function jobs(count: number, minAmount: number, maxAmount: number, seed: number): Job[] {
  const next = random(seed);
  return Array.from({ length: count }, () => ({
    start: new Date(FIRST_RECEIPT + Math.floor(next() * (LAST_RECEIPT - FIRST_RECEIPT))),
    amount: minAmount + Math.floor(next() * (maxAmount - minAmount + 1)),
  }));
}

/** The obvious implementation: step one calendar day at a time, asking whether each is a working day. */
function naiveDeadline(calendar: WorkingCalendar, { start, amount }: Job): Date {
  let date = toLocalDate(calendar.countingStart(start));
  for (let counted = 0; counted < amount;) {
    const [year, month, day] = date.split('-').map(Number);
    date = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
    if (calendar.isWorkingDay(date)) counted++;
  }
  return new Date(`${date}T17:00:00+07:00`);
}

interface Row {
  readonly label: string;
  readonly runs: number;
  readonly seconds: number;
}

function time(label: string, work: readonly Job[], compute: (job: Job) => Date): Row {
  let checksum = 0;
  const begin = performance.now();
  for (const job of work) checksum += compute(job).getTime();
  const seconds = (performance.now() - begin) / 1000;
  if (!Number.isFinite(checksum)) throw new Error(`${label}: non-finite checksum`);
  return { label, runs: work.length, seconds };
}

function main(): void {
  const calendar = buildWorkingCalendar(NATIONAL_CALENDAR_SPEC);
  const indexed = ({ start, amount }: Job): Date => calendar.deadline({ start, amount, unit: 'working_days' });

  const sample = jobs(NAIVE_RUNS, 1, 120, 7);
  const disagreements = sample.filter((job) => indexed(job).getTime() !== naiveDeadline(calendar, job).getTime());
  if (disagreements.length > 0) throw new Error(`${disagreements.length} deadlines differ from the naive walk`);

  time('warm-up', jobs(WARM_UP_RUNS, 1, 120, 1), indexed);
  const rows = [
    time('indexed, amounts 1–120', jobs(RUNS, 1, 120, 2), indexed),
    time('indexed, amounts 1–10', jobs(BUCKET_RUNS, 1, 10, 3), indexed),
    time('indexed, amounts 11–60', jobs(BUCKET_RUNS, 11, 60, 4), indexed),
    time('indexed, amounts 61–120', jobs(BUCKET_RUNS, 61, 120, 5), indexed),
    time('naive walk, amounts 1–120', sample, (job) => naiveDeadline(calendar, job)),
  ];

  const perSecond = (row: Row): number => row.runs / row.seconds;
  console.log('Working-day deadlines, national calendar, receipts from 2025-01-01 to 2026-12-01 (+07:00)');
  console.log(`${'case'.padEnd(28)}${'runs'.padStart(10)}${'seconds'.padStart(10)}${'per second'.padStart(14)}`);
  for (const row of rows) {
    console.log(`${row.label.padEnd(28)}${String(row.runs).padStart(10)}${row.seconds.toFixed(3).padStart(10)}` + `${Math.round(perSecond(row)).toLocaleString('en-US').padStart(14)}`);
  }
  const speedUp = perSecond(rows[0]) / perSecond(rows[rows.length - 1]);
  console.log(`The naive walk agrees on all ${NAIVE_RUNS} sampled deadlines; indexed: ${speedUp.toFixed(0)}× faster.`);
}

main();
