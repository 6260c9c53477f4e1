/**
 * Realistic, reproducible application records for the benchmarks: every field of
 * the paper form filled the way an advisor would fill it, from a seeded generator
 * so that every run (and every peer in one run) handles the same bytes.
 * Pure: bundled into the bench pages as well as run in Node.
 */
import { blankFields, ETHNICITIES, PARENT_EDUCATION, type ApplicationFields } from '../../src/shared/application';

const FIRST = ['Maria', 'Jose', 'Sofia', 'Daniel', 'Camila', 'Angel', 'Valeria', 'Luis', 'Ximena', 'Kevin', 'Jasmine', 'Andrew',
  'Mei', 'Nguyen', 'Aaliyah', 'Diego', 'Isabella', 'Ethan', 'Priya', 'Marcus', 'Fatima', 'Jonathan', 'Leilani', 'Omar'];
const LAST = ['Garcia', 'Hernandez', 'Lopez', 'Martinez', 'Nguyen', 'Gonzalez', 'Rodriguez', 'Perez', 'Sanchez', 'Ramirez',
  'Tran', 'Kim', 'Johnson', 'Williams', 'Flores', 'Rivera', 'Torres', 'Patel', 'Chavez', 'Reyes', 'Washington', 'Le'];
const STREETS = ['Maple Ave', 'E 14th St', 'Foothill Blvd', 'Mission St', 'Alvarado Rd', 'Olive Dr', 'Sunset Way', 'Broadway'];
const CITIES = ['Oakland', 'Fresno', 'San Jose', 'Sacramento', 'Stockton', 'Bakersfield', 'Riverside', 'Salinas'];
const LANGUAGES = ['English', 'Spanish', 'Vietnamese', 'Tagalog', 'Cantonese', 'Punjabi', 'Arabic'];
const RELATIONSHIPS = ['Mother', 'Father', 'Grandmother', 'Aunt', 'Guardian'];
const GENDERS = ['Female', 'Male', 'Non-binary', 'Declined to state'];

/** A seeded uniform generator in [0, 1) (mulberry32): fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function digits(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 10);
  return s;
}

function isoDate(year: number, rand: () => number): string {
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A UUIDv7-shaped id for `ms`, with its random part drawn from `rand` so runs repeat. */
export function seededUuidv7(rand: () => number, ms: number): string {
  const hex = (n: number, width: number) => Math.floor(n).toString(16).padStart(width, '0');
  const time = hex(ms, 12);
  const variant = (8 + Math.floor(rand() * 4)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(rand() * 0x1000, 3)}-${variant}${hex(rand() * 0x1000, 3)}-${hex(rand() * 0x1000000, 6)}${hex(rand() * 0x1000000, 6)}`;
}

/** One benchmark record: the ids a record carries plus its filled-in paper form. */
export interface BenchRecord {
  id: string;
  studentId: string;
  fields: ApplicationFields;
}

/** Options for `makeRecords`. */
export interface RecordOptions {
  count: number;
  /** School ids the records are spread over (the server only accepts its center's schools). */
  schoolIds: readonly string[];
  seed?: number;
  /** Creation time of the first record, ms; later ones follow a minute apart. */
  startMs?: number;
}

/** `count` confirmed-quality applications with unique SSIDs, spread over `schoolIds`. */
export function makeRecords({ count, schoolIds, seed = 20250701, startMs = Date.UTC(2025, 8, 2, 16) }: RecordOptions): BenchRecord[] {
  const rand = seededRandom(seed);
  const usedSsids = new Set<string>();
  const records: BenchRecord[] = [];
  for (let i = 0; i < count; i++) {
    let ssid = `${1 + Math.floor(rand() * 9)}${digits(rand, 9)}`;
    while (usedSsids.has(ssid)) ssid = `${1 + Math.floor(rand() * 9)}${digits(rand, 9)}`;
    usedSsids.add(ssid);
    const firstName = pick(rand, FIRST);
    const lastName = pick(rand, LAST);
    const guardianFirst = pick(rand, FIRST);
    // Grades 6 to 12, each born in the year that makes them the grade's usual age on September 1, 2025
    // (Ed. Code 48000), so no record needs the "unusual for the grade" tick to be confirmed.
    const grade = 6 + Math.floor(rand() * 7);
    const fields = blankFields({
      firstName, middleName: rand() < 0.4 ? pick(rand, FIRST) : '', lastName,
      dateOfBirth: isoDate(2025 - 5 - grade, rand),
      gender: pick(rand, GENDERS),
      grade: String(grade),
      schoolId: pick(rand, schoolIds),
      ssid, ssidSource: 'student_form',
      schoolStudentId: digits(rand, 6),
      email: `${firstName}.${lastName}${digits(rand, 2)}@students.example.org`.toLowerCase(),
      phone: `(${digits(rand, 3)}) ${digits(rand, 3)}-${digits(rand, 4)}`,
      street: `${1 + Math.floor(rand() * 9800)} ${pick(rand, STREETS)}`,
      city: pick(rand, CITIES),
      zip: `9${digits(rand, 4)}`,
      ethnicity: rand() < 0.2 ? [pick(rand, ETHNICITIES), pick(rand, ETHNICITIES)] : [pick(rand, ETHNICITIES)],
      parentEducation: pick(rand, PARENT_EDUCATION),
      freeReducedLunch: rand() < 0.6 ? 'yes' : 'no',
      homeLanguage: pick(rand, LANGUAGES),
      guardianName: `${guardianFirst} ${lastName}`,
      guardianRelationship: pick(rand, RELATIONSHIPS),
      guardianPhone: `(${digits(rand, 3)}) ${digits(rand, 3)}-${digits(rand, 4)}`,
      guardianEmail: `${guardianFirst.toLowerCase()}${digits(rand, 3)}@mail.example.com`,
      studentSignedDate: isoDate(2025, rand).replace(/^2025-\d\d/, '2025-08'),
      pafSignedDate: isoDate(2025, rand).replace(/^2025-\d\d/, '2025-08'),
      mediaRelease: rand() < 0.8 ? 'yes' : 'no',
      programYear: '2025-26',
      advisor: 'Ana Ruiz',
      dateReceived: '2025-09-02',
    });
    const ms = startMs + i * 60_000;
    records.push({ id: seededUuidv7(rand, ms), studentId: seededUuidv7(rand, ms), fields });
  }
  return records;
}
