/**
 * The hoax indicators as people call them (the names the classifier gives), in Indonesian and
 * English: what the alert messages and the console's page both say. Data only, with no imports,
 * so the page can bundle it.
 */
export const INDICATOR_NAMES: Readonly<Record<string, { readonly id: string; readonly en: string }>> = {
  known_claim: { id: 'klaim yang sudah dibantah', en: 'a claim already debunked' },
  coordinated: { id: 'disebar serentak oleh banyak akun', en: 'pushed by many accounts at once' },
  call_to_share: { id: 'ajakan menyebarkan', en: 'a call to share' },
  alarm: { id: 'nada panik', en: 'alarm' },
  hearsay: { id: 'kabar "katanya"', en: 'hearsay' },
  pseudo_authority: { id: 'mengaku sumber resmi/orang dalam', en: 'a claimed insider or official source' },
  shouting: { id: 'huruf kapital dan tanda seru berlebihan', en: 'shouting' },
  suspicious_link: { id: 'tautan mencurigakan', en: 'a suspicious link' },
  absolute_claim: { id: 'klaim mutlak', en: 'absolute claims' },
  conspiracy: { id: 'teori konspirasi', en: 'conspiracy talk' },
  forwarded: { id: 'pesan terusan', en: 'a forwarded message' },
  account: { id: 'akun baru atau tanpa pengikut', en: 'a new or follower-less account' },
  scam: { id: 'pola penipuan', en: 'a scam pattern' },
  personal_appeal: { id: 'permintaan pribadi', en: 'a personal appeal' },
  panic_directive: { id: 'ajakan bertindak karena panik', en: 'a panic directive' },
  alarming_claim: {
    id: 'kabar mengkhawatirkan soal layanan publik atau bahaya',
    en: 'an alarming claim about a public service or a danger',
  },
  borrowed_voice: { id: 'mengatasnamakan instansi tanpa akun atau tautan resmi', en: "an agency's voice without its account or link" },
  official_account: { id: 'diunggah akun resmi', en: 'posted by an official account' },
  asks_if_true: { id: 'menanyakan kebenarannya', en: 'asks whether it is true' },
};
