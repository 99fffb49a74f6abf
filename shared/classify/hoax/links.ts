/** Links: shorteners, lookalikes of official sites, throwaway domains, official mailboxes at free mail; official and news sites. */
import { list } from './matcher';
import type { HoaxInput } from './types';

export const SUSPICIOUS_LINK_WEIGHT = 0.35;
export const OFFICIAL_LINK_WEIGHT = 0.2;
const SHORTENERS = new Set(
  list(`
  bit.ly | bitly.com | s.id | tinyurl.com | cutt.ly | t.ly | shorturl.at | rb.gy | is.gd | v.gd | ow.ly | goo.gl
  tiny.cc | shorte.st | adf.ly | linktr.ee | bit.do | urlz.fr | clck.ru | gg.gg
`),
);
/** Official bodies and state-owned services outside .go.id (their own domains, not lookalikes). */
const OFFICIAL_HOSTS = new Set(
  list(`
  pamjaya.co.id | transjakarta.co.id | jakartamrt.co.id | lrtjakarta.co.id | pln.co.id | kai.id | krl.co.id
  commuterline.id | bankdki.co.id | bpjs-kesehatan.go.id | jakarta.go.id
`),
);
/** News outlets' domains. */
const NEWS_HOSTS = new Set(
  list(`
  kompas.com | kompas.id | kompas.tv | detik.com | tempo.co | antaranews.com | liputan6.com | tribunnews.com
  thejakartapost.com | kumparan.com | tirto.id | cnnindonesia.com | cnbcindonesia.com | republika.co.id | okezone.com
  idntimes.com | suara.com | beritasatu.com | jawapos.com | mediaindonesia.com | sindonews.com | bisnis.com
  katadata.co.id | bbc.com | reuters.com | voaindonesia.com
`),
);
/** Names of official bodies and services that lookalike domains borrow. */
const OFFICIAL_NAMES =
  'jakarta|jkt|dki|pemprov|pemprovdki|bpbd|bpbddki|bmkg|bnpb|kemenkes|kominfo|komdigi|polri|pu|pupr|dukcapil|pajak|bpjs|kjp|bansos|blt|pln|pam|pamjaya|mrt|krl|kai|transjakarta|bankdki|bca|bri|bni|mandiri|btn|dana|gopay|ovo|shopee|shopeepay|tokopedia|telkomsel|tsel|indosat|xl|jne|jnt|pos';
/** Words that promise or threaten, in a host name (`dana-kaget-jkt`, `tsel-poin-hadiah`). */
const LURE_HOST_WORDS =
  'promo|hadiah|gratis|undian|kaget|bonus|voucher|poin|cashback|klaim|rekrutmen|loker|lowongan|aktivasi|verifikasi|security|cair|blt|bansos';
/** Top-level domains and free hosts that scams favour. */
const THROWAWAY_TLD = /\.(?:xyz|top|click|icu|buzz|tk|ml|ga|cf|gq|site|online|rest|cyou|sbs|cfd|monster|work|live)$/u;
const FREE_HOST =
  /\.(?:blogspot\.com|wordpress\.com|weebly\.com|wixsite\.com|000webhostapp\.com|github\.io|web\.app|firebaseapp\.com|vercel\.app|netlify\.app|glitch\.me)$/u;
/** `jakarta-go-id.com`, `jakartagoid.net`, `jakarta.go.id.info`, `bpbd-dki.go-id.xyz`: an official name, then go·id, not ending in .go.id. */
const LOOKALIKE_GO_ID = new RegExp(`(?:^|[.-])(?:${OFFICIAL_NAMES})[^a-z0-9]*(?:go|gov)[^a-z0-9]*id(?:[^a-z0-9]|$)`, 'u');
const NAME_TOKEN = new RegExp(`(?:^|[.-])(?:${OFFICIAL_NAMES})(?:[.-]|$)`, 'u');
const NAME_GLUED = new RegExp(`^(?:${OFFICIAL_NAMES})[a-z]*-|-(?:${OFFICIAL_NAMES})[a-z]*(?:[.-]|$)`, 'u');
const LURE_HOST = new RegExp(`(?:^|[.-])(?:${LURE_HOST_WORDS})`, 'u');
/** Bare domains written without a scheme (`bit.ly/abc`, `jakarta-go-id.com/info`). */
const BARE_DOMAIN = /(?<![\p{L}\p{N}@.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?=[/:?#\s]|$|[)\],.!])/giu;
/** A dot between a letter or digit and a letter, as in every domain (and in no ordinary sentence break). */
const DOMAIN_HINT = /[a-z0-9]\.[a-z]/iu;
/** `rekrutmen.bansosdki@gmail.com`: an official-sounding mailbox at a free mail service. */
const FREE_MAIL = /[\p{L}\p{N}._-]+@(?:gmail|yahoo|ymail|hotmail|outlook|proton)\.(?:com|co\.id)/giu;
/** The mail services FREE_MAIL names, right after the `@`: a quick test that spares posts with mere mentions the long regex. */
const FREE_MAIL_HINT = /@(?:gmail|yahoo|ymail|hotmail|outlook|proton)\./iu;
const FILE_EXTENSIONS = /\.(?:apk|jpg|jpeg|png|pdf|mp4|doc|docx|xls|xlsx|zip|rar)$/u;

/** `https://www.bit.ly/x` → `bit.ly`. */
function hostOf(url: string): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#]*@)?([^/?#:\s]+)/iu.exec(url.trim());
  const host = m?.[1]?.toLowerCase().replace(/\.+$/, '');
  return host ? host.replace(/^www\./, '') : undefined;
}

export function hostsIn(input: HoaxInput): string[] {
  const hosts = new Set<string>();
  for (const url of input.norm.urls) {
    const host = hostOf(url);
    if (host) hosts.add(host);
  }
  const withoutMail = FREE_MAIL_HINT.test(input.text) ? input.text.replace(FREE_MAIL, ' ') : input.text;
  BARE_DOMAIN.lastIndex = 0;
  for (const match of DOMAIN_HINT.test(withoutMail) ? withoutMail.matchAll(BARE_DOMAIN) : []) {
    const host = match[1]?.toLowerCase().replace(/^www\./, '');
    if (host && /[a-z]/.test(host.slice(host.lastIndexOf('.') + 1)) && !FILE_EXTENSIONS.test(host)) hosts.add(host);
  }
  return [...hosts];
}

const isGoId = (host: string): boolean => host === 'go.id' || host.endsWith('.go.id');
const inSet = (set: ReadonlySet<string>, host: string): boolean => {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (set.has(h)) return true;
  return false;
};

interface LinkSignals {
  readonly suspicious: readonly string[];
  readonly official: readonly string[];
  readonly news: readonly string[];
}

/** A free mailbox whose name borrows an official name or a promise (`rekrutmen.bansosdki@gmail.com`). */
const OFFICIAL_MAILBOX = new RegExp(`(?:${OFFICIAL_NAMES}|${LURE_HOST_WORDS})`, 'u');

function suspiciousHost(host: string): string | undefined {
  if (SHORTENERS.has(host)) return `pemendek tautan ${host}`;
  if (LOOKALIKE_GO_ID.test(host)) return `tiruan situs resmi ${host}`;
  const borrowsName = NAME_TOKEN.test(host) || NAME_GLUED.test(host);
  if (borrowsName && (host.includes('-') || THROWAWAY_TLD.test(host) || FREE_HOST.test(host))) return `tiruan situs resmi ${host}`;
  if (LURE_HOST.test(host)) return `nama situs menjanjikan hadiah ${host}`;
  if (THROWAWAY_TLD.test(host)) return `domain murah ${host}`;
  return undefined;
}

export function linkSignals(hosts: readonly string[], text: string): LinkSignals {
  const suspicious: string[] = [];
  const official: string[] = [];
  const news: string[] = [];
  for (const host of hosts) {
    if (isGoId(host) || inSet(OFFICIAL_HOSTS, host)) official.push(host);
    else if (inSet(NEWS_HOSTS, host)) news.push(host);
    else {
      const why = suspiciousHost(host);
      if (why) suspicious.push(why);
    }
  }
  FREE_MAIL.lastIndex = 0;
  for (const match of FREE_MAIL_HINT.test(text) ? text.matchAll(FREE_MAIL) : []) {
    const mailbox = match[0].toLowerCase();
    if (OFFICIAL_MAILBOX.test(mailbox.slice(0, mailbox.indexOf('@')))) suspicious.push(`email gratisan atas nama resmi ${mailbox}`);
  }
  return { suspicious, official, news };
}
