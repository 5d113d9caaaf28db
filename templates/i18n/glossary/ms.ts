// Malay glossary: the one word per concept (see ../glossary.ts), in formal Bahasa Malaysia: the
// reader is tuan/puan, never anda.
import type { Glossary } from "../glossary.ts";

export default {
  milestone: { term: "batu tanda", avoid: ["pencapaian", "mercu tanda"] },
  outcome: { term: "hasil", avoid: ["outcome", "natijah"] },
  deliverable: { term: "serahan", avoid: ["deliverable", "boleh serah"] },
  handover: { term: "serah terima", avoid: ["pemindahan", "Dokumen Serahan"] },
  health: { term: "status keseluruhan", avoid: ["kesihatan"] },
  "status.green": { term: "Mengikut jadual", avoid: ["mengikut landasan"] },
  "status.yellow": { term: "Perlu perhatian", avoid: [] },
  "status.red": { term: "Tersasar", avoid: ["berisiko", "di luar landasan"] },
  delayed: { term: "Tertangguh", avoid: ["terlewat"] },
  value: { term: "nilai", avoid: ["manfaat"] },
  cost: { term: "kos", avoid: ["perbelanjaan"] },
  roi: { term: "ROI", avoid: ["pulangan atas pelaburan"] },
  payback: { term: "pulang modal", avoid: ["pulangan modal"] },
  runRate: {
    term: "kadar tahunan semasa",
    avoid: ["kadar larian"],
    why: "Kadar larian is a calque of run-rate no Malaysian report uses.",
  },
  decision: { term: "keputusan", avoid: ["ketetapan"] },
  action: { term: "tindakan", avoid: ["aksi", "komitmen"] },
  engagement: {
    term: "projek",
    avoid: ["penglibatan"],
    why: "A Malaysian calls a consulting engagement a projek; penglibatan is a calque.",
  },
  revenue: { term: "Pendapatan", avoid: [], why: "Hasil is the outcome; revenue is Pendapatan." },
  contact: { term: "pegawai untuk dihubungi", avoid: ["hubungan"] },
  seats: { term: "lesen", avoid: ["tempat"] },
  revised: { term: "dipinda", avoid: ["disemak", "disemak semula"] },
  reader: { term: "tuan/puan", avoid: ["anda"], why: "A formal report addresses its reader as tuan/puan." },
  glance: { term: "Ringkasan", avoid: ["sepintas lalu"] },
  period: { term: "setiap tempoh", avoid: ["setempoh"] },
} satisfies Glossary;
