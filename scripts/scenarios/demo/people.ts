/** The demo day's accounts: residents, information accounts, and the new accounts a hoax is pushed by. */
import { Accounts, type AccountFields, type Author } from '../accounts';
import { type Dice } from '../dice';
import { DAY, isoSeconds, MINUTE } from '../time';

const FIRST = [
  'andi',
  'budi',
  'sari',
  'dewi',
  'rizky',
  'putri',
  'agus',
  'indah',
  'fajar',
  'nadia',
  'dimas',
  'ayu',
  'yoga',
  'rina',
  'bayu',
  'tika',
  'reza',
  'wulan',
  'hendra',
  'intan',
  'arief',
  'maya',
  'eko',
  'lia',
  'adit',
  'nisa',
  'fikri',
  'dinda',
  'galih',
  'citra',
  'ilham',
  'tiara',
  'joko',
  'mega',
  'rafi',
  'salsa',
  'yudi',
  'vina',
  'kevin',
  'laras',
  'bima',
  'anisa',
  'teguh',
  'ratna',
  'farhan',
  'zahra',
];
const SECOND = ['', '_', '.', 'ajaa', 'hrp', 'ptr', 'jkt', 'kemang', 'gading', 'tebet', 'btw', 'nih', 'dsr', 'xx', 'official', 'zz'];

export type AccountKind = 'ordinary' | 'info' | 'new';

/** The fields of a new account of `kind`; its handle may still be taken. */
function accountFields(dice: Dice, kind: AccountKind): AccountFields {
  if (kind === 'new') {
    const handle = `${dice.pick(['info', 'berita', 'warta', 'kabar', 'update', 'warga', 'suara'])}${dice.pick(['_', '', '.'])}${dice.pick(['jkt', 'jakarta', 'terkini', 'viral', 'terbaru', 'dki', 'aktual'])}${dice.int(10, 9999)}`;
    return {
      handle,
      followers: dice.int(0, 35),
      following: dice.int(40, 900),
      createdAt: isoSeconds(Date.parse('2026-11-08T00:00:00Z') + dice.int(0, 17 * 24 * 60) * MINUTE),
      verified: false,
    };
  }
  if (kind === 'info') {
    const handle = `${dice.pick(['info', 'seputar', 'kabar', 'lintas', 'pantau'])}${dice.pick(['jakarta', 'jaksel', 'jkt', 'lalin', 'warga'])}${dice.pick(['24', 'id', 'update', 'net', ''])}_sim`;
    return {
      handle,
      followers: 20_000 + dice.heavy(60_000, 0.7),
      following: dice.int(100, 1500),
      createdAt: isoSeconds(Date.parse('2012-01-01T00:00:00Z') + dice.int(0, 3000) * DAY),
      verified: dice.chance(0.5),
    };
  }
  const handle = `${dice.pick(FIRST)}${dice.pick(SECOND)}${dice.chance(0.6) ? dice.int(1, 999) : ''}`.replace(/[._]$/, '');
  return {
    handle: handle.replace(/\./g, '_'),
    followers: dice.heavy(220, 1.1),
    following: dice.heavy(350, 0.7),
    createdAt: isoSeconds(Date.parse('2010-06-01T00:00:00Z') + dice.int(0, 15 * 365) * DAY),
    verified: dice.chance(0.01),
  };
}

/** Makes the day's accounts, every handle unique: a taken one gets digits appended. */
export class Cast {
  private readonly accounts = new Accounts();
  private readonly handles = new Set<string>();

  constructor(private readonly dice: Dice) {}

  make(kind: AccountKind): Author {
    const author = this.accounts.next(() => accountFields(this.dice, kind));
    return { ...author, handle: this.uniqueHandle(author.handle) };
  }

  private uniqueHandle(handle: string): string {
    let candidate = handle.replace(/\./g, '_');
    while (this.handles.has(candidate)) candidate = `${handle.replace(/\./g, '_')}${this.dice.int(1, 99)}`;
    this.handles.add(candidate);
    return candidate;
  }
}
