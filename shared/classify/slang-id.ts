/**
 * Indonesian social-media slang and abbreviations → standard forms, written for Pantau.
 *
 * Written as `slang=standard` pairs, several per line, grouped by what they are. A standard form
 * may be several words (`gpp=tidak apa apa`). Every negator is mapped to `tidak` (or to one of
 * `tak`, `bukan`, `belum`, `jangan`), so the sentiment module only needs a short negator list.
 * Words that carry sentiment in their slang form only (`mantul`, `mager`, `anjir`, `gabut`) are
 * left alone here and scored by the lexicon.
 */

const PAIRS = `
# negators
g=tidak gk=tidak ga=tidak gak=tidak gag=tidak gaa=tidak gx=tidak ngga=tidak nggak=tidak nggk=tidak ngak=tidak
ngk=tidak enggak=tidak engga=tidak enggk=tidak egk=tidak kagak=tidak kaga=tidak kgk=tidak tdk=tidak tdak=tidak
tida=tidak ndak=tidak nda=tidak ndk=tidak gaak=tidak nggaa=tidak ora=tidak
blm=belum blom=belum belom=belum blum=belum lom=belum bkn=bukan bukn=bukan jgn=jangan jngn=jangan jangn=jangan
gada=tidak_ada gaada=tidak_ada gakada=tidak_ada ngegada=tidak_ada
gamau=tidak_mau gakmau=tidak_mau gabisa=tidak_bisa gakbisa=tidak_bisa gbs=tidak_bisa gatau=tidak_tahu
gaktau=tidak_tahu gatw=tidak_tahu gtw=tidak_tahu gausah=tidak_usah gaush=tidak_usah gapapa=tidak_apa_apa
gpp=tidak_apa_apa gapap=tidak_apa_apa gakpapa=tidak_apa_apa nggapapa=tidak_apa_apa ngapa=kenapa
gajelas=tidak_jelas gjls=tidak_jelas gaje=tidak_jelas gakjelas=tidak_jelas gabener=tidak_benar
gamasuk=tidak_masuk gapernah=tidak_pernah gaperna=tidak_pernah

# pronouns and people
sy=saya sya=saya aq=aku ak=aku akoh=aku gw=saya gue=saya gua=saya gwe=saya ane=saya
lo=kamu lu=kamu lw=kamu loe=kamu elo=kamu elu=kamu km=kamu kmu=kamu kau=kamu ente=kamu
dy=dia doi=dia kt=kita qt=kita kta=kita mrk=mereka mereka2=mereka klian=kalian kalean=kalian
org=orang orng=orang ortu=orang_tua bokap=ayah nyokap=ibu bapak2=bapak bpk=bapak ibu2=ibu
cowo=cowok cewe=cewek temen=teman tmn=teman sodara=saudara sdr=saudara
gub=gubernur wagub=wakil_gubernur pemprov=pemprov pemda=pemda pejabat2=pejabat

# conjunctions, prepositions, function words
yg=yang yng=yang dgn=dengan dg=dengan dng=dengan ama=sama sm=sama sma=sama krn=karena karna=karena
krna=karena  soalnya=karena utk=untuk untk=untuk  dr=dari dri=dari tp=tapi tpi=tapi
ttp=tetap tetep=tetap kalo=kalau klo=kalau kl=kalau klu=kalau klw=kalau kalu=kalau kyk=seperti kyak=seperti
kayak=seperti kek=seperti  kayanya=sepertinya kayaknya=sepertinya keknya=sepertinya
kyknya=sepertinya spt=seperti sprti=seperti sbg=sebagai sbgai=sebagai ttg=tentang tntg=tentang
dlm=dalam dalem=dalam pd=pada kpd=kepada thd=terhadap trhdp=terhadap dll=dan_lain_lain dsb=dan_sebagainya
tsb=tersebut sbb=sebagai_berikut pdhl=padahal pdahal=padahal smpe=sampai sampe=sampai nyampe=sampai
ampe=sampai sampek=sampai smp=sampai trs=terus trus=terus terusss=terus lgsg=langsung lgsung=langsung
lsg=langsung ni=ini nih=nih tu=itu tuh=tuh gt=begitu gtu=begitu gitu=begitu bgtu=begitu gini=begini
gni=begini bgini=begini sj=saja aja=saja aj=saja ajah=saja ajaa=saja doang=saja dowang=saja
emg=memang emang=memang mmg=memang emng=memang jg=juga jga=juga jgk=juga juga2=juga lg=lagi lgi=lagi
lgy=lagi ato=atau atw=atau ataw=atau bs=bisa bsa=bisa bisa2=bisa jd=jadi jdi=jadi jdnya=jadinya
jadinya=jadinya krg=kurang krng=kurang lbh=lebih lebi=lebih plg=paling palin=paling sgt=sangat sngt=sangat
bgt=banget bngt=banget bnget=banget bangt=banget  bener=benar bnr=benar bner=benar
bnran=beneran sbnrnya=sebenarnya sbnernya=sebenarnya sebenernya=sebenarnya mmng=memang 
cm=cuma cuman=cuma cma=cuma cmn=cuma hny=hanya hnya=hanya tiap=setiap stiap=setiap smua=semua
smw=semua semuanya=semuanya sdh=sudah udh=sudah udah=sudah dah=sudah udeh=sudah sudh=sudah uda=sudah
msh=masih masi=masih masih2=masih hrs=harus hrus=harus kudu=harus mesti=harus bakal=akan bkl=akan
bakalan=akan akn=akan pst=pasti psti=pasti mgkn=mungkin mngkn=mungkin mungkn=mungkin
trnyt=ternyata trnyata=ternyata ternyta=ternyata tetapi=tetapi tapii=tapi tp2=tapi sblm=sebelum
sblum=sebelum stlh=setelah setelh=setelah abis=habis abs=habis hbs=habis abisin=habiskan
td=tadi tdi=tadi skrg=sekarang skrng=sekarang skarang=sekarang skr=sekarang bsk=besok besoq=besok
kmrn=kemarin kemaren=kemarin kmaren=kemarin kmrin=kemarin ntar=nanti ntr=nanti nnti=nanti nti=nanti
dlu=dulu dl=dulu duluu=dulu mulu=melulu mlulu=melulu slalu=selalu sllu=selalu selalu2=selalu
brp=berapa brapa=berapa gmn=bagaimana gmna=bagaimana gimana=bagaimana gmana=bagaimana
knp=kenapa knapa=kenapa napa=kenapa dmn=dimana dmna=dimana dimna=dimana kmn=kemana kemna=kemana
kpn=kapan kapn=kapan sapa=siapa sp=siapa  ngapain=untuk_apa ngpain=untuk_apa
mnrt=menurut menurutku=menurut_aku mksd=maksud maksudnya=maksudnya sm2=sama_sama sama2=sama_sama
bnyk=banyak byk=banyak bnyak=banyak dikit=sedikit sdikit=sedikit dkit=sedikit gede=besar gedhe=besar
gedee=besar kcl=kecil deket=dekat dket=dekat dkt=dekat jauuh=jauh tinggi2=tinggi
 bwt=untuk dket2=dekat

# politeness, thanks, requests
makasih=terima_kasih makasi=terima_kasih mksh=terima_kasih mksi=terima_kasih mkasih=terima_kasih
trims=terima_kasih trimakasih=terima_kasih terimakasih=terima_kasih tks=terima_kasih tq=terima_kasih
  tengkyu=terima_kasih makasii=terima_kasih
tlg=tolong tolongin=tolong plis=tolong pliss=tolong   mhn=mohon
maap=maaf mf=maaf mav=maaf sory=maaf sori=maaf

# verbs in their informal shape
pengen=ingin pgn=ingin pingin=ingin pengin=ingin kepengen=ingin pngen=ingin
tau=tahu tw=tahu taw=tahu ngerti=mengerti ngerti2=mengerti paham=paham liat=lihat ngeliat=melihat
liatin=lihat ngliat=melihat denger=dengar dengerin=mendengarkan ngedenger=mendengar
bilang=bilang blg=bilang ngomong=bicara ngmg=bicara ngomongin=membicarakan
pake=pakai    dateng=datang dtg=datang dtng=datang
nunggu=menunggu nungguin=menunggu ngantri=mengantre antri=antre antrian=antrean ngantre=mengantre
nyari=mencari nyariin=mencari ngasih=memberi ksh=kasih ngasi=memberi nanya=bertanya nanyain=menanyakan
nelpon=menelepon telpon=telepon tlp=telepon nyuruh=menyuruh ngurus=mengurus ngurusin=mengurus
ngambil=mengambil ambil=ambil nyimpen=menyimpan simpen=simpan bikin=membuat bkin=membuat bikinin=membuatkan
ngebuat=membuat benerin=memperbaiki ngebenerin=memperbaiki dibenerin=diperbaiki ngebut=mengebut
naik2=naik turun2=turun balikin=kembalikan dibalikin=dikembalikan pulang2=pulang nyoba=mencoba
nyobain=mencoba cobain=coba ngecek=mengecek cek=cek dicek=dicek ngelapor=melapor lapor=lapor
ngeluh=mengeluh ngeluhin=mengeluhkan ngadu=mengadu nyampah=menyampah buang2=membuang
kebanjiran2=kebanjiran kena=kena kenain=kenakan ngerasa=merasa ngerasain=merasakan rasain=rasakan
ngabisin=menghabiskan ngilang=menghilang ilang=hilang ngelawan=melawan ngeganggu=mengganggu
ganggu=ganggu gangguin=mengganggu ngehalangin=menghalangi ngalangin=menghalangi nutup=menutup
ditutup=ditutup dibuka=dibuka mbuka=membuka ngebuka=membuka nungguin2=menunggu
dapet=dapat dpt=dapat dapat2=dapat nemu=menemukan ketemu=bertemu nyasar=tersesat

# adjectives, adverbs and states in their informal shape
cape=capek capee=capek cpk=capek kesel=kesal kezel=kesal sebel=sebal bete=bete
males=malas mls=malas seneng=senang snng=senang sneng=senang ancur=hancur ancurr=hancur
nyesel=menyesal nyesal=menyesal bosen=bosan bsn=bosan serem=seram sereem=seram pinter=pintar
cakep=cakep bgs=bagus bgus=bagus mantab=mantap mantep=mantap mntp=mantap mntap=mantap mantaap=mantap
oke=oke okey=oke okay=oke okeh=oke okk=oke sip=sip sipp=sip siip=sip jos=jos joss=jos
asik=asyik asikk=asyik asyique=asyik seru=seru kren=keren 
murmer=murah_meriah mahal2=mahal murah2=murah enak2=enak enk=enak ena=enak uenak=enak
jelek=jelek jlk=jelek jelk=jelek ngeselin=menjengkelkan nyebelin=nyebelin nyebelinn=nyebelin
ngeri=ngeri ngeriii=ngeri ribet=ribet rempong=repot repot=repot lemot=lemot lelet=lelet
telat=terlambat tlt=terlambat ngaret=molor ujan=hujan ujan2=hujan aer=air bnjr=banjir banjr=banjir
mcet=macet mct=macet jln=jalan jl=jalan rmh=rumah rumh=rumah kntr=kantor sklh=sekolah pmrnth=pemerintah
pemerinta=pemerintah duit=uang doku=uang idup=hidup item=hitam utang=hutang ilang2=hilang
beneran=benar_benar bener2=benar_benar sungguhan=sungguh parahh=parah prh=parah bgd=banget
tjakep=cakep gokil=gokil kocak=kocak ngakak=ngakak lucu=lucu
sakit2=sakit sedih2=sedih
gws=semoga_lekas_sembuh

# city, transport, places
jkt=jakarta jakarta2=jakarta jaksel=jakarta_selatan jakpus=jakarta_pusat jakbar=jakarta_barat
jaktim=jakarta_timur jakut=jakarta_utara tj=transjakarta tije=transjakarta busway=transjakarta
kereta2=kereta jabodetabek=jabodetabek puskesmas=puskesmas rs=rumah_sakit rsud=rsud
ojol=ojol angkot=angkot motor2=motor mobil2=mobil
`;

function parse(source: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const line of source.split('\n')) {
    if (line.startsWith('#')) continue;
    for (const pair of line.trim().split(/\s+/)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const from = pair.slice(0, eq);
      const to = pair.slice(eq + 1).replace(/_/g, ' ');
      if (from !== to) out[from] = to;
    }
  }
  return out;
}

/** Slang or abbreviation → standard form (possibly several words), lower-case. */
export const SLANG_ID: Readonly<Record<string, string>> = Object.freeze(parse(PAIRS));
