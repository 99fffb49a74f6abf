/** A word missing from the lexicon looked up by its stem (`dikecewakannya` → `kecewa`-family, `nyusahin` → `susah`). */
import { wordSet } from '../language';
import * as memoModule from '../memo';
import * as morphologyModule from '../morphology';
import * as wordsModule from './words';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { remember } = memoModule;
const { unprefix, unsuffix } = morphologyModule;
const { LEXICON, MODIFIERS_WITH_SCORE } = wordsModule;

/** Words whose stem means something else: `kebijakan` (policy) is not `bijak` (wise). */
const NO_STEM = wordSet(`
  kebijakan kesehatan keamanan pengamanan mengamankan diamankan pengaman keselamatan kebersihan kecepatan
  kekuatan sebaiknya sebenarnya selama pengadilan menjelaskan dijelaskan penjelasan menyerukan diserukan
  seruan menyeru kesenian perhatikan sesama bersama terakhir sebagian kebanyakan pemerintah pemerintahan
  perbaikan perbaiki kepala menerangkan diterangkan keterangan penerangan meninggalkan ditinggalkan ditinggal
  andalkan mengandalkan terhormat meluas diketawain ditertawakan menertawakan
  tawaran tawarkan ditawarkan menawarkan penawaran ditawari menawar kebetulan sebetulnya melakukan
  dilakukan lakukan kelakuan perlakuan pelaku diperlakukan memperlakukan laku lakunya badan besok selagi
  kenaikan pemilu pemilih yahudi kelola dikelola mengelola pengelola pengelolaan kewalahan perkampungan
  merapi sehabis menghabiskan dihabiskan habiskan mengenakan dikenakan pengenaan nyepi pengawet lapangan
  tepatnya kegiatan tanggapan ditanggapi menanggapi sepenuhnya seenak mudahan semoga keadaan berada
  pelajaran pelajar belajar mengajar pengajar pengajaran perasaan merasakan dirasakan rasanya
  kesempatan bersama sebagai seluruh selalu sekali sekalian kemarin sedang sesuatu seseorang seperti
  berapa mereka merasa pembangunan membangun dibangun bangunan pekerjaan bekerja dikerjakan mengerjakan
  pembayaran membayar dibayar pemilik memiliki dimiliki kebijakan berjalan menjalankan dijalankan perjalanan
  pendapat mendapat mendapatkan didapat pendapatan kedatangan mendatangi pengunjung pelanggan penjual pembeli
  berawan kenaikan menaikan menaikkan dinaikkan dinaikan nampan menghilangkan dihilangkan
`);
/** Lexicon words too short or too English to be reached through Indonesian affixes (`badan` is not `bad`). */
const NOT_A_STEM_TARGET = wordSet('bad lag bug sok tai taik bau php ott kw sad poor slow lola pilu tawar laku walah');
const MIN_STEM = 3;
const MIN_AFFIXED_STEM = 4;

function isWordEntry(word: string): boolean {
  return LEXICON.has(word) && !MODIFIERS_WITH_SCORE.has(word);
}

/** A root reached by removing a prefix or suffix (not just a clitic) must be a plain Indonesian lexicon word. */
function isStemTarget(word: string): boolean {
  return isWordEntry(word) && word.length >= MIN_AFFIXED_STEM && !NOT_A_STEM_TARGET.has(word);
}

const stemMemo = new Map<string, string | null>();

/** The lexicon word a word derives from, if any (`kebanjiran` → `banjir`); exported for tests and the evaluation. */
export function stemToLexicon(word: string): string | undefined {
  const cached = stemMemo.get(word);
  if (cached !== undefined) return cached ?? undefined;
  return remember(stemMemo, word, findStem(word) ?? null) ?? undefined;
}

function findStem(word: string): string | undefined {
  if (word.length < MIN_STEM + 2 || NO_STEM.has(word)) return undefined;
  const { bases, clitics } = unsuffix(word, MIN_STEM);
  if (bases.some((b) => NO_STEM.has(b))) return undefined;
  // bases[1..clitics] only lost a clitic (`baunya` → `bau`): any lexicon word will do.
  for (let k = 1; k < bases.length; k++) {
    const b = bases[k] ?? '';
    if (k <= clitics ? isWordEntry(b) : isStemTarget(b)) return b;
  }
  for (const b of bases) {
    for (const r of unprefix(b, MIN_STEM)) {
      if (isStemTarget(r)) return r;
      for (const r2 of unprefix(r, MIN_STEM)) if (isStemTarget(r2)) return r2;
    }
  }
  return undefined;
}
