/**
 * The floor of `results --summary FILE` (JSON): a plain one-pass Node program over the
 * same summary table, printing the same bytes. It knows the one CSV shape that
 * bench/summary-table.ts writes (no quotes, header in English, two-decimal points) and
 * checks nothing: what the CLI does beyond it (validation, exact rationals, messages that
 * name file/row/column) is the price measured by bench/cli.ts.
 *   node bench/floor/results-floor.mjs table.csv > out.json
 */
import { readFileSync, writeSync } from 'node:fs';

const GROUPS = ['department', 'district', 'public_service_unit', 'central_agency'];
const text = readFileSync(process.argv[2], 'utf8');
const units = [];
let pos = text.indexOf('\n') + 1;
while (pos < text.length) {
  let end = text.indexOf('\n', pos);
  if (end < 0) end = text.length;
  const f = text.slice(pos, end).split(',');
  pos = end + 1;
  if (f.length < 6) continue;
  const c = (s) => Math.round(Number(s) * 100); // points in hundredths, exact for two decimals
  const benchmark = c(f[2]);
  const total = c(f[3]) + c(f[4]) + c(f[5]);
  const num = total * 10000; // index in hundredths of a percent, half up
  const q = Math.floor(num / benchmark);
  const published = (num - q * benchmark) * 2 >= benchmark ? q + 1 : q;
  units.push({
    unit: f[0],
    group: f[1],
    g: GROUPS.indexOf(f[1]),
    benchmark,
    self: c(f[3]),
    survey: c(f[4]) + c(f[5]),
    total,
    published,
    cls: 0,
    rg: 0,
    ro: 0,
  });
}
const cls = (p) => (p > 9000 ? 1 : p >= 8000 ? 2 : p >= 6500 ? 3 : p >= 5000 ? 4 : 5);
const rank = (list, key) => {
  const sorted = [...list].sort((a, b) => b.published - a.published);
  sorted.forEach((u, i) => (u[key] = i > 0 && sorted[i - 1].published === u.published ? sorted[i - 1][key] : i + 1));
};
rank(units, 'ro');
for (let g = 0; g < GROUPS.length; g++)
  rank(
    units.filter((u) => u.g === g),
    'rg',
  );
const collator = new Intl.Collator('vi');
units.sort((a, b) => a.g - b.g || a.rg - b.rg || collator.compare(a.unit, b.unit));
const dec = (h) => {
  const s = (h / 100).toFixed(2);
  return s.replace(/\.?0+$/, '');
};
const pub = (h) => (h / 100).toFixed(2);
const stats = (list) => {
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let hi = list[0];
  let lo = list[0];
  let sum = 0;
  for (const u of list) {
    u.cls = cls(u.published);
    counts[u.cls] += 1;
    sum += u.published;
    if (u.published > hi.published) hi = u;
    if (u.published < lo.published) lo = u;
  }
  const q = Math.floor(sum / list.length);
  const average = (sum - q * list.length) * 2 >= list.length ? q + 1 : q;
  return { count: list.length, average, hi, lo, counts };
};
const countsJson = (c) => `{"1":${c[1]},"2":${c[2]},"3":${c[3]},"4":${c[4]},"5":${c[5]}}`;
const groups = [];
for (let g = 0; g < GROUPS.length; g++) {
  const list = units.filter((u) => u.g === g);
  if (list.length === 0) continue;
  const s = stats(list);
  groups.push(
    `{"group":"${GROUPS[g]}","count":${s.count},"average":${pub(s.average)},"highest":{"unit":${JSON.stringify(s.hi.unit)},"index":${pub(s.hi.published)}},"lowest":{"unit":${JSON.stringify(s.lo.unit)},"index":${pub(s.lo.published)}},"spread":${pub(s.hi.published - s.lo.published)},"classificationCounts":${countsJson(s.counts)}}`,
  );
}
const all = stats(units);
let out = '{"units":[';
units.forEach((u, i) => {
  out += `${i ? ',' : ''}{"unit":${JSON.stringify(u.unit)},"group":"${u.group}","benchmark":${dec(u.benchmark)},"selfAssessed":${dec(u.self)},"survey":${dec(u.survey)},"total":${dec(u.total)},"index":${pub(u.published)},"classification":${u.cls},"rankInGroup":${u.rg},"rankOverall":${u.ro}}`;
});
out += `],"groups":[${groups.join(',')}],"overall":{"count":${all.count},"average":${pub(all.average)},"classificationCounts":${countsJson(all.counts)}}}\n`;
writeSync(1, out);
