/**
 * The page's charts (uPlot): a topic's buckets (total, negative, hoax-like) and an episode's
 * timeline, which adds each revision as a marker with its observed and expected level. Times on
 * the axes and in the legend are in the configured time zone. A chart is built once, then only
 * fed new data (the overview refreshes every 10 s) and resized with its container.
 */
import { html } from 'htm/preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { EpisodeView } from '../../shared/console/contract';
import type { Formats } from './format';
import type { Text } from './i18n';
import { seconds } from './series';

export const COLOURS = {
  total: '#1d4ed8',
  negative: '#c2410c',
  hoax: '#7e22ce',
  expected: '#111827',
  observed: '#b91c1c',
  marker: '#4b5563',
  grid: '#e5e7eb',
  axis: '#374151',
} as const;

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const HEIGHT = 180;
/** Whole numbers only: counts of posts and accounts. */
const COUNT_INCRS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 1_000_000];

/** The x axis: times in the zone, the day written under the first tick and wherever the day changes. */
function timeAxis(f: Formats): uPlot.Axis {
  return {
    font: FONT,
    stroke: COLOURS.axis,
    grid: { stroke: COLOURS.grid, width: 1 },
    ticks: { stroke: COLOURS.grid, width: 1 },
    space: 60,
    size: 44,
    values: (_u, splits) => {
      let lastDay = '';
      return splits.map((s) => {
        const day = f.day(s);
        const time = f.time(s);
        if (day === lastDay) return time;
        lastDay = day;
        return `${time}\n${day}`;
      });
    },
  };
}

function countAxis(extra: uPlot.Axis = {}): uPlot.Axis {
  return {
    font: FONT,
    stroke: COLOURS.axis,
    grid: { stroke: COLOURS.grid, width: 1 },
    ticks: { show: false },
    incrs: COUNT_INCRS,
    size: 44,
    ...extra,
  };
}

function baseOptions(f: Formats, width: number): Pick<uPlot.Options, 'width' | 'height' | 'tzDate' | 'cursor' | 'legend'> {
  return {
    width,
    height: HEIGHT,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), f.timeZone),
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
    legend: { live: true },
  };
}

const timeSeries = (t: Text, f: Formats): uPlot.Series => ({ label: t.time, value: (_u, v) => (v === null ? '—' : f.dateTime(v * 1000)) });
const countRange: uPlot.Scale['range'] = (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))];
/** The timeline leaves room at the top for the revisions' labels. */
const roomyRange: uPlot.Scale['range'] = (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.4))];

export function topicChartOptions(t: Text, f: Formats, width: number): uPlot.Options {
  return {
    ...baseOptions(f, width),
    scales: { x: { time: true }, y: { range: countRange } },
    series: [
      timeSeries(t, f),
      { label: t.total, stroke: COLOURS.total, width: 2, fill: 'rgba(29, 78, 216, 0.08)' },
      { label: t.negative, stroke: COLOURS.negative, width: 2 },
      { label: t.hoaxLike, stroke: COLOURS.hoax, width: 2, dash: [6, 3] },
    ],
    axes: [timeAxis(f), countAxis()],
  };
}

type Revisions = EpisodeView['revisions'];

/**
 * Draws each message of the episode as a dashed vertical line across the plot; the first and the
 * last are labelled `r<n> <severity>/10` at the top (updates often come minutes apart, and their
 * labels would pile up: the list under the chart names every revision). A label that would
 * overlap goes down a row (three rows), else it is left out. The resolution message repeats the
 * peak and is not drawn.
 */
function revisionMarkers(revisions: Revisions): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        const ratio = devicePixelRatio || 1;
        const rowHeight = 13 * ratio;
        const rowsEnd = [-Infinity, -Infinity, -Infinity];
        ctx.save();
        ctx.strokeStyle = COLOURS.marker;
        ctx.fillStyle = COLOURS.axis;
        ctx.lineWidth = ratio;
        ctx.font = `${Math.round(11 * ratio)}px system-ui, sans-serif`;
        ctx.textBaseline = 'top';
        const drawn = revisions.filter((r) => !r.resolvedAt).sort((a, b) => seconds(a.firedAt) - seconds(b.firedAt));
        const labelled = new Set([drawn[0], drawn[drawn.length - 1]]);
        for (const r of drawn) {
          const x = Math.round(u.valToPos(seconds(r.firedAt), 'x', true));
          if (x < left || x > left + width) continue;
          ctx.setLineDash([4 * ratio, 4 * ratio]);
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + height);
          ctx.stroke();
          if (!labelled.has(r)) continue;
          const label = `r${r.revision} ${r.severity}/10`;
          const textWidth = ctx.measureText(label).width;
          // Near the right edge the label goes to the line's left.
          const at = x + 3 * ratio + textWidth > left + width ? x - 3 * ratio - textWidth : x + 3 * ratio;
          const row = rowsEnd.findIndex((end) => end < at);
          if (row < 0) continue;
          ctx.fillText(label, at, top + 2 * ratio + row * rowHeight);
          rowsEnd[row] = at + textWidth + 4 * ratio;
        }
        ctx.restore();
      },
    },
  };
}

export function timelineOptions(t: Text, f: Formats, width: number, kind: keyof Text['perWindow'], revisions: Revisions): uPlot.Options {
  const stepped = uPlot.paths.stepped?.({ align: 1 });
  return {
    ...baseOptions(f, width),
    scales: { x: { time: true }, y: { range: roomyRange }, w: { range: roomyRange } },
    series: [
      timeSeries(t, f),
      { label: t.total, stroke: COLOURS.total, width: 2, spanGaps: true, fill: 'rgba(29, 78, 216, 0.08)' },
      { label: t.negative, stroke: COLOURS.negative, width: 2, spanGaps: true },
      { label: t.hoaxLike, stroke: COLOURS.hoax, width: 2, dash: [6, 3], spanGaps: true },
      {
        label: `${kind === 'hoax' ? t.threshold : t.expected} (${t.perWindow[kind]})`,
        scale: 'w',
        stroke: COLOURS.expected,
        width: 2,
        dash: [2, 3],
        spanGaps: true,
        paths: stepped,
        points: { show: false },
      },
      {
        label: `${t.observed} (${t.perWindow[kind]})`,
        scale: 'w',
        stroke: COLOURS.observed,
        fill: COLOURS.observed,
        width: 0,
        paths: () => null,
        points: { show: true, size: 9, fill: COLOURS.observed, stroke: COLOURS.observed },
      },
    ],
    axes: [
      timeAxis(f),
      countAxis(),
      countAxis({ scale: 'w', side: 1, grid: { show: false }, label: t.perWindow[kind], labelSize: 18, labelFont: FONT }),
    ],
    plugins: [revisionMarkers(revisions)],
  };
}

interface ChartProps {
  /** Builds the options for a width; called again only when `optionsKey` changes. */
  readonly options: (width: number) => uPlot.Options;
  readonly optionsKey: string;
  readonly data: uPlot.AlignedData;
  readonly label: string;
  readonly testid: string;
  readonly topic?: string;
}

/** One uPlot chart in a container that follows its width; new data is set, not rebuilt. */
export function Chart({ options, optionsKey, data, label, testid, topic }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(data);
  latest.current = data;

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const width = () => Math.max(200, Math.floor(el.clientWidth));
    const u = new uPlot(options(width()), latest.current, el);
    plot.current = u;
    const resize = new ResizeObserver(() => {
      if (Math.abs(u.width - width()) > 1) u.setSize({ width: width(), height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // Rebuilt only when the options change meaning (language, zone, revisions): `options` is a new closure every render.
  }, [optionsKey]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return html`<div class="chart" data-testid=${testid} data-topic=${topic} role="img" aria-label=${label} ref=${box}></div>`;
}
