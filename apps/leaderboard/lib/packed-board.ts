/**
 * A metric's board in the form it travels to the browser in: strings (labels, setting keys,
 * experiment names) listed once and referred to by index, rows as arrays. Over a 100k-cell store
 * this is a fifth of the board as objects. unpackBoard rebuilds the store's shapes exactly (the
 * same numbers, the rows in the same order and with the same keys), so the downloads are
 * byte-for-byte those of `hemlock export`.
 */
import type { MetricInfo } from "@hemlock/store";
import type { LeaderboardRow } from "@hemlock/store/portable";
import type { BoardEntry, BoardSetting, MetricBoard } from "@hemlock/store/reports";
import { stringTable } from "./packed-records";

type Num = number | null;
/** [defense, setting, mean, sd, ciLow, ciHigh, n, rank, best, vs best: n, difference, p, adjusted p, significant; clean: mean, ciLow, ciHigh, n] */
type PackedEntry = [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  0 | 1,
  Num,
  Num,
  Num,
  Num,
  0 | 1,
  Num,
  Num,
  Num,
  Num,
];
/** [key, dataset, model, attack, rate, experiments, entries, undefined entries: [defense, cells, setting]] */
type PackedSetting = [number, number, number, number, number, number[], PackedEntry[], [number, number, number][]];
/** [dataset, model, attack, rate, defense, metric, mean, sd, n, ciLow, ciHigh, setting, comparison] */
type PackedRow = [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

export interface PackedBoard {
  metric: MetricInfo;
  test: MetricBoard["test"];
  alpha: number;
  strings: string[];
  settings: PackedSetting[];
  rows: PackedRow[];
}

export function packBoard(board: MetricBoard): PackedBoard {
  const { strings, s } = stringTable();
  const settings = board.settings.map(
    (setting): PackedSetting => [
      s(setting.key),
      s(setting.dataset),
      s(setting.model),
      s(setting.attack),
      setting.rate,
      setting.experiments.map(s),
      setting.entries.map((e): PackedEntry => {
        const v = e.versusBest;
        const c = e.clean;
        return [
          s(e.defense),
          s(e.setting),
          e.mean,
          e.sd,
          e.ciLow,
          e.ciHigh,
          e.n,
          e.rank,
          e.best ? 1 : 0,
          v ? v.n : null,
          v ? v.meanDifference : null,
          v ? v.p : null,
          v ? v.pAdjusted : null,
          v?.significant ? 1 : 0,
          c ? c.mean : null,
          c ? c.ciLow : null,
          c ? c.ciHigh : null,
          c ? c.n : null,
        ];
      }),
      setting.undefinedEntries.map((u) => [s(u.defense), u.cells, s(u.setting)]),
    ],
  );
  const rows = board.rows.map(
    (r): PackedRow => [
      s(r.dataset),
      s(r.model),
      s(r.attack),
      r.rate,
      s(r.defense),
      s(r.metric),
      r.mean,
      r.sd,
      r.n,
      r.ciLow,
      r.ciHigh,
      s(r.setting),
      s(r.comparison),
    ],
  );
  return { metric: board.metric, test: board.test, alpha: board.alpha, strings, settings, rows };
}

export function unpackBoard(packed: PackedBoard): MetricBoard {
  const t = packed.strings;
  const str = (i: number) => t[i] as string;
  const metric = packed.metric.name;
  const settings = packed.settings.map(
    ([key, dataset, model, attack, rate, experiments, entries, undefinedEntries]) => {
      const labels = { dataset: str(dataset), model: str(model), attack: str(attack), rate };
      return {
        ...labels,
        metric,
        higherIsBetter: packed.metric.direction !== "lower",
        key: str(key),
        experiments: experiments.map(str),
        entries: entries.map((e): BoardEntry => {
          const [defense, setting, mean, sd, ciLow, ciHigh, n, rank, best, vn, vd, vp, va, vs, cm, cl, ch, cn] = e;
          return {
            ...labels,
            defense: str(defense),
            metric,
            mean,
            sd,
            n,
            ciLow,
            ciHigh,
            setting: str(setting),
            comparison: str(key),
            rank,
            best: best === 1,
            ...(vn !== null
              ? {
                  versusBest: {
                    n: vn,
                    meanDifference: vd as number,
                    p: vp as number,
                    pAdjusted: va as number,
                    significant: vs === 1,
                  },
                }
              : {}),
            ...(cm !== null ? { clean: { mean: cm, ciLow: cl as number, ciHigh: ch as number, n: cn as number } } : {}),
          };
        }),
        undefinedEntries: undefinedEntries.map(([defense, cells, setting]) => ({
          defense: str(defense),
          cells,
          setting: str(setting),
        })),
      } as BoardSetting;
    },
  );
  const rows = packed.rows.map(
    ([dataset, model, attack, rate, defense, m, mean, sd, n, ciLow, ciHigh, setting, comparison]): LeaderboardRow => ({
      dataset: str(dataset),
      model: str(model),
      attack: str(attack),
      rate,
      defense: str(defense),
      metric: str(m),
      mean,
      sd,
      n,
      ciLow,
      ciHigh,
      setting: str(setting),
      comparison: str(comparison),
    }),
  );
  return { metric: packed.metric, test: packed.test, alpha: packed.alpha, settings, rows };
}
